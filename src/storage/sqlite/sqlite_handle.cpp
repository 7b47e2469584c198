#include "storage/sqlite/sqlite_handle.h"

#include <chrono>
#include <thread>

namespace tollgate::storage::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 10000;

// Runs `sql` outside any transaction, retrying while another connection holds the lock.
// The busy timeout alone does not cover this: switching a fresh file to WAL, SQLite
// answers SQLITE_BUSY at once, without calling the busy handler, when another
// connection is doing the same (two processes starting on a new database, issue 11).
int ExecRetryingWhileBusy(sqlite3* db, const char* sql) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if ((rc & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline) return rc;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

Error SqliteError(sqlite3* db, std::string_view what) {
  return MakeError(ErrorCode::kStorageError,
                   std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
  return *this;
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, std::string("executing '") + sqlite3_sql(stmt_.get()) + "'");
}

Status Statement::Run() {
  for (;;) {
    auto row = Step();
    if (!row.ok()) return row.error();
    if (!*row) return {};
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

std::string Statement::Text(int column) const {
  const auto* text = sqlite3_column_text(stmt_.get(), column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column)));
}

Result<Connection> Connection::Open(const std::string& path) {
  sqlite3* raw = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  Connection connection(raw, path);
  if (rc != SQLITE_OK) return SqliteError(raw, "opening database '" + path + "'");
  // The busy timeout first: a second process then waits for a lock instead of failing
  // at once, and that already matters for the journal_mode pragma below.
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  // WAL: readers never block the writer.
  if (ExecRetryingWhileBusy(raw, "PRAGMA journal_mode=WAL") != SQLITE_OK) {
    return SqliteError(raw, "database '" + path + "': setting WAL mode");
  }
  auto status = connection.Exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  if (!status.ok()) return status.error();
  return connection;
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return SqliteError(db_.get(), "preparing '" + std::string(sql) + "'");
  }
  return Statement(db_.get(), stmt);
}

Status Connection::Exec(std::string_view sql) {
  char* message = nullptr;
  std::string text(sql);
  int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string detail = message ? message : sqlite3_errmsg(db_.get());
    sqlite3_free(message);
    return MakeError(ErrorCode::kStorageError, "database '" + path_ + "': " + detail);
  }
  return {};
}

Result<Transaction> Transaction::Begin(Connection& connection) {
  const int level = connection.depth_;
  // IMMEDIATE takes the write lock now, so a conflicting writer waits at Begin rather
  // than failing half-way through.
  auto status = connection.Exec(level == 0 ? std::string("BEGIN IMMEDIATE")
                                           : "SAVEPOINT tg_" + std::to_string(level));
  if (!status.ok()) return status.error();
  ++connection.depth_;
  return Transaction(connection, level);
}

Status Transaction::Commit() {
  auto status = connection_->Exec(level_ == 0 ? std::string("COMMIT")
                                              : "RELEASE tg_" + std::to_string(level_));
  if (status.ok()) {
    open_ = false;
    --connection_->depth_;
  }
  return status;
}

Transaction::~Transaction() {
  if (!open_ || connection_ == nullptr) return;
  const std::string savepoint = "tg_" + std::to_string(level_);
  (void)connection_->Exec(level_ == 0 ? std::string("ROLLBACK")
                                      : "ROLLBACK TO " + savepoint + "; RELEASE " + savepoint);
  --connection_->depth_;
}

Transaction::Transaction(Transaction&& other) noexcept
    : connection_(other.connection_), level_(other.level_), open_(other.open_) {
  other.open_ = false;
  other.connection_ = nullptr;
}

}  // namespace tollgate::storage::sqlite

// The SQLite driver: one connection (WAL mode), its prepared statements kept per named
// query. Errors name the database file and SQLite's message.
#include <sqlite3.h>

#include <chrono>
#include <string>
#include <thread>
#include <unordered_map>

#include "storage/sql/driver.h"

namespace tollgate::storage::sql {
namespace {

constexpr int kBusyTimeoutMs = 10000;
// Rows a statement of InsertMany writes: SQLite's work per statement (its program
// started and halted, the table's cursors opened, an AUTOINCREMENT counter read and
// written back) is paid once for these many rows. 32 rows of 14 parameters stay far
// below SQLite's limit on parameters.
constexpr std::size_t kRowsPerInsert = 32;

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

struct ConnectionCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// A prepared statement and, for $1..$n, the index SQLite gave each (0: not used).
struct Prepared {
  StatementPtr stmt;
  std::vector<int> slots;
};

class SqliteDriver final : public Driver {
 public:
  SqliteDriver(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

  Dialect dialect() const override { return Dialect::kSqlite; }
  std::string where() const override { return "database '" + path_ + "'"; }

  Result<Rows> Run(const Query& query, const Params& params) override {
    if (query.sqlite.empty()) return Rows();
    auto prepared = Prepare(query);
    if (!prepared.ok()) return prepared.error();
    Prepared& p = **prepared;
    Bind(p, params);
    Rows rows;
    auto status = Step(p, &rows);
    sqlite3_reset(p.stmt.get());
    sqlite3_clear_bindings(p.stmt.get());
    if (!status.ok()) return status.error();
    return rows;
  }

  Status Exec(std::string_view script) override {
    char* message = nullptr;
    std::string text(script);
    int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string detail = message ? message : sqlite3_errmsg(db_.get());
      sqlite3_free(message);
      sql_state_ = std::to_string(sqlite3_extended_errcode(db_.get()));
      return MakeError(ErrorCode::kStorageError, where() + ": " + detail);
    }
    return {};
  }

  Status InsertMany(const Query& insert, const std::vector<Params>& rows) override {
    auto prepared = Prepare(insert);
    if (!prepared.ok()) return prepared.error();
    Prepared& one = **prepared;
    std::size_t done = 0;
    if (rows.size() >= kRowsPerInsert) {
      auto many = PrepareMultiRow(insert, one.slots.size());
      if (!many.ok()) return many.error();
      for (; *many != nullptr && done + kRowsPerInsert <= rows.size(); done += kRowsPerInsert) {
        for (std::size_t r = 0; r < kRowsPerInsert; ++r) {
          Bind(**many, rows[done + r], r * one.slots.size());
        }
        if (Status s = StepOnce(**many); !s.ok()) return s;
      }
    }
    for (; done < rows.size(); ++done) {
      Bind(one, rows[done]);
      if (Status s = StepOnce(one); !s.ok()) return s;
    }
    return {};
  }

  Status Configure() {
    // The busy timeout first: a second process then waits for a lock instead of failing
    // at once, and that already matters for the journal_mode pragma below.
    sqlite3_busy_timeout(db_.get(), kBusyTimeoutMs);
    // WAL: readers never block the writer.
    if (ExecRetryingWhileBusy(db_.get(), "PRAGMA journal_mode=WAL") != SQLITE_OK) {
      return Failure(where() + ": setting WAL mode");
    }
    // FULL: a commit is synced to the disk before it returns, so an answer given after
    // its record's commit (POST /api/check's group commit, every audited change)
    // survives a power cut, not only the process being killed (part 762 records; issue
    // 14). In WAL mode that is one fsync of the log per transaction; the determinations
    // of concurrent requests share one (DeterminationRecorder).
    return Exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  }

 private:
  Error Failure(const std::string& what) {
    sql_state_ = std::to_string(sqlite3_extended_errcode(db_.get()));
    return MakeError(ErrorCode::kStorageError, what + ": " + sqlite3_errmsg(db_.get()));
  }

  Result<Prepared*> Prepare(const Query& query) {
    auto found = statements_.find(&query);
    if (found != statements_.end()) return &found->second;
    const std::string_view sql = query.sqlite;
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
    StatementPtr stmt(raw);
    if (rc != SQLITE_OK) return Failure("preparing '" + std::string(sql) + "'");
    Prepared p{std::move(stmt), {}};
    // "$N" is a named parameter to SQLite, numbered by first appearance: look each up.
    const int count = sqlite3_bind_parameter_count(raw);
    for (int n = 1; n <= count; ++n) {
      p.slots.push_back(sqlite3_bind_parameter_index(raw, ("$" + std::to_string(n)).c_str()));
    }
    return &statements_.emplace(&query, std::move(p)).first->second;
  }

  // Binds `params` to the statement's parameters $first+1, $first+2, ...
  static void Bind(Prepared& p, const Params& params, std::size_t first = 0) {
    for (std::size_t i = 0; i < params.size() && first + i < p.slots.size(); ++i) {
      const int slot = p.slots[first + i];
      if (slot == 0) continue;
      if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
        sqlite3_bind_int64(p.stmt.get(), slot, *n);
      } else {
        const auto& text = std::get<std::string>(params[i]);
        // SQLITE_STATIC: not copied. The text outlives its use: every caller clears the
        // bindings (Run, InsertMany) before the parameters it was given go.
        sqlite3_bind_text(p.stmt.get(), slot, text.data(), static_cast<int>(text.size()),
                          SQLITE_STATIC);
      }
    }
  }

  // Runs an insert bound before, and readies it for its next parameters.
  Status StepOnce(Prepared& p) {
    auto status = Step(p, nullptr);
    sqlite3_reset(p.stmt.get());
    sqlite3_clear_bindings(p.stmt.get());
    return status;
  }

  // `insert` ("INSERT ... VALUES (tuple)") as one statement of kRowsPerInsert rows: its
  // tuple repeated, row r's "$N" numbered $N + r * `params`. nullptr when the query is
  // not of that form (it then goes a row at a time).
  Result<Prepared*> PrepareMultiRow(const Query& insert, std::size_t params) {
    auto found = multi_row_.find(&insert);
    if (found != multi_row_.end()) return found->second.stmt ? &found->second : nullptr;
    const std::string_view sql = insert.sqlite;
    const auto values = sql.find(" VALUES (");
    const std::string_view tuple =
        values == std::string_view::npos ? std::string_view() : sql.substr(values + 8);
    if (tuple.empty() || tuple.back() != ')' || params == 0) {
      multi_row_.emplace(&insert, Prepared{});
      return nullptr;
    }
    std::string text(sql.substr(0, values + 8));
    for (std::size_t r = 0; r < kRowsPerInsert; ++r) {
      if (r > 0) text += ',';
      for (std::size_t i = 0; i < tuple.size(); ++i) {
        text += tuple[i];
        if (tuple[i] != '$') continue;
        std::size_t n = 0;
        for (; i + 1 < tuple.size() && tuple[i + 1] >= '0' && tuple[i + 1] <= '9'; ++i) {
          n = n * 10 + static_cast<std::size_t>(tuple[i + 1] - '0');
        }
        text += std::to_string(n + r * params);
      }
    }
    sqlite3_stmt* raw = nullptr;
    const int rc =
        sqlite3_prepare_v2(db_.get(), text.c_str(), static_cast<int>(text.size()), &raw, nullptr);
    StatementPtr stmt(raw);
    if (rc != SQLITE_OK) return Failure("preparing '" + text.substr(0, 200) + "...'");
    Prepared p{std::move(stmt), {}};
    for (std::size_t n = 1; n <= kRowsPerInsert * params; ++n) {
      p.slots.push_back(sqlite3_bind_parameter_index(raw, ("$" + std::to_string(n)).c_str()));
    }
    return &multi_row_.emplace(&insert, std::move(p)).first->second;
  }

  // Steps to the end, keeping the rows in `rows` when given.
  Status Step(Prepared& p, Rows* rows) {
    sqlite3_stmt* stmt = p.stmt.get();
    const int columns = sqlite3_column_count(stmt);
    std::vector<std::string> cells;
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        return Failure(std::string("executing '") + sqlite3_sql(stmt) + "'");
      }
      if (rows == nullptr) continue;
      for (int c = 0; c < columns; ++c) {
        const auto* text = sqlite3_column_text(stmt, c);
        cells.emplace_back(
            text == nullptr ? std::string()
                            : std::string(reinterpret_cast<const char*>(text),
                                          static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
      }
    }
    if (rows != nullptr) *rows = Rows(columns, std::move(cells));
    return {};
  }

  // Declared before the statements: they are finalized first, then the connection closed.
  std::unique_ptr<sqlite3, ConnectionCloser> db_;
  std::string path_;
  std::unordered_map<const Query*, Prepared> statements_;
  // InsertMany's statements of kRowsPerInsert rows (an empty one: the query has no
  // such form).
  std::unordered_map<const Query*, Prepared> multi_row_;
};

}  // namespace

Result<std::unique_ptr<Driver>> OpenSqlite(const std::string& path) {
  sqlite3* raw = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  auto driver = std::make_unique<SqliteDriver>(raw, path);
  if (rc != SQLITE_OK) {
    return MakeError(ErrorCode::kStorageError, "opening database '" + path + "': " +
                                                   (raw ? sqlite3_errmsg(raw) : "out of memory"));
  }
  if (auto s = driver->Configure(); !s.ok()) return s.error();
  return std::unique_ptr<Driver>(std::move(driver));
}

}  // namespace tollgate::storage::sql

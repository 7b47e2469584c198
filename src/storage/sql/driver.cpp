#include "storage/sql/driver.h"

#include <charconv>

namespace tollgate::storage::sql {

std::int64_t Rows::Int(int row, int column) const {
  const std::string& text = Text(row, column);
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);  // NULL ("") reads as 0
  return value;
}

namespace {

// The only statements whose spelling depends on the dialect at this level: SQLite's
// BEGIN IMMEDIATE takes the write lock at once, so a conflicting writer waits at Begin
// rather than failing half-way through; PostgreSQL locks rows as it writes them (and
// the store takes its audit lock, storage/queries.h kLockAudit).
std::string BeginText(Dialect dialect) {
  return dialect == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN";
}

std::string Savepoint(int level) { return "tg_" + std::to_string(level); }

}  // namespace

Result<std::vector<Rows>> Driver::RunEach(const Query& query, const std::vector<Params>& rows) {
  auto tx = Transaction::Begin(*this);
  if (!tx.ok()) return tx.error();
  std::vector<Rows> results;
  results.reserve(rows.size());
  for (const auto& row : rows) {
    auto ran = Run(query, row);
    if (!ran.ok()) return ran.error();
    results.push_back(std::move(ran).value());
  }
  if (auto committed = tx->Commit(); !committed.ok()) return committed.error();
  return results;
}

Result<Transaction> Transaction::Begin(Driver& driver) {
  const int level = driver.depth_;
  auto status =
      driver.Exec(level == 0 ? BeginText(driver.dialect()) : "SAVEPOINT " + Savepoint(level));
  if (!status.ok()) return status.error();
  ++driver.depth_;
  return Transaction(driver, level);
}

Status Transaction::Commit() {
  auto status = driver_->Exec(level_ == 0 ? std::string("COMMIT") : "RELEASE " + Savepoint(level_));
  if (status.ok()) {
    open_ = false;
    --driver_->depth_;
  }
  return status;
}

Transaction::~Transaction() {
  if (!open_ || driver_ == nullptr) return;
  const std::string savepoint = Savepoint(level_);
  (void)driver_->Exec(level_ == 0 ? std::string("ROLLBACK")
                                  : "ROLLBACK TO " + savepoint + "; RELEASE " + savepoint);
  --driver_->depth_;
}

Transaction::Transaction(Transaction&& other) noexcept
    : driver_(other.driver_), level_(other.level_), open_(other.open_) {
  other.open_ = false;
  other.driver_ = nullptr;
}

}  // namespace tollgate::storage::sql

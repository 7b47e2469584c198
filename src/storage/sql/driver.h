// The thin SQL layer under the one Store implementation (storage/sql_store.h): a
// driver per backend (SQLite, libpq) that runs named queries with parameters and
// transactions, and nothing else. Everything a table means is written once above it;
// what the two dialects spell differently is in storage/queries.h and the migration
// files (src/storage/migrations/<dialect>/).
//
// Parameters are written $1, $2, ... in every dialect (SQLite 3.40 takes them as named
// parameters; the SQLite driver binds each by its name, so one may appear twice or out
// of order). Integers are bound as integers: SQLite compares a bound text with 0 as
// unequal. A result is read whole: NULL reads as "" (and as 0 for Int).
//
// Thread-safety: a Driver and its Transactions belong to one thread. Failure: every
// call returns kStorageError with the backend's message and the statement's first
// line; sql_state() keeps the last error's SQLSTATE (PostgreSQL) or extended result
// code (SQLite) for a caller that must tell one failure from another.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tollgate/common/result.h"

namespace tollgate::storage::sql {

enum class Dialect { kSqlite, kPostgres };

// One statement with a name, its text in each dialect (the same text where both accept
// it). Defined only as the constants of storage/queries.h: the driver may keep a
// prepared statement per Query object, keyed by its address.
struct Query {
  std::string_view name;
  std::string_view sqlite;
  std::string_view postgres;
  std::string_view Text(Dialect dialect) const {
    return dialect == Dialect::kSqlite ? sqlite : postgres;
  }
};
// One text for both dialects.
constexpr Query Shared(std::string_view name, std::string_view text) { return {name, text, text}; }
// A text per dialect, where they differ (types, now(), FOR UPDATE, COPY, ...).
constexpr Query PerDialect(std::string_view name, std::string_view sqlite,
                           std::string_view postgres) {
  return {name, sqlite, postgres};
}

using Value = std::variant<std::int64_t, std::string>;
using Params = std::vector<Value>;

// A query's result, read whole, row by row.
class Rows {
 public:
  Rows() = default;
  Rows(int columns, std::vector<std::string> cells) : columns_(columns), cells_(std::move(cells)) {}
  int size() const { return columns_ == 0 ? 0 : static_cast<int>(cells_.size()) / columns_; }
  bool empty() const { return size() == 0; }
  const std::string& Text(int row, int column) const { return cells_[Index(row, column)]; }
  // Moves the cell out (a large body read once).
  std::string Take(int row, int column) { return std::move(cells_[Index(row, column)]); }
  std::int64_t Int(int row, int column) const;

 private:
  std::size_t Index(int row, int column) const {
    return static_cast<std::size_t>(row) * static_cast<std::size_t>(columns_) +
           static_cast<std::size_t>(column);
  }
  int columns_ = 0;
  std::vector<std::string> cells_;
};

class Driver {
 public:
  virtual ~Driver() = default;
  virtual Dialect dialect() const = 0;

  // Runs one statement with its parameters; its rows, if any (RETURNING included). A
  // query whose text in this dialect is empty runs nothing and has no rows.
  virtual Result<Rows> Run(const Query& query, const Params& params = {}) = 0;
  // Runs a script of statements without parameters or rows (migrations, BEGIN, ...).
  virtual Status Exec(std::string_view script) = 0;
  // Runs `insert` once per row, fast: SQLite reuses one prepared statement; on
  // PostgreSQL the query's text is a COPY ... FROM STDIN and the rows travel in one
  // round trip.
  virtual Status InsertMany(const Query& insert, const std::vector<Params>& rows) = 0;
  // Runs `query` once per element of `rows`, all or none, and answers each run's rows in
  // order: part of the caller's transaction when one is open, else a transaction of its
  // own. PostgreSQL sends every run in one pipeline, one round trip where running them
  // one by one waits for the server once per row (the group commit of determinations).
  virtual Result<std::vector<Rows>> RunEach(const Query& query, const std::vector<Params>& rows);
  // Where the database is, for messages (never a URL that may hold a password).
  virtual std::string where() const = 0;
  const std::string& sql_state() const { return sql_state_; }

 protected:
  bool in_transaction() const { return depth_ > 0; }
  std::string sql_state_;

 private:
  friend class Transaction;
  int depth_ = 0;  // transactions open: the outermost, then savepoints
};

// A transaction that rolls back unless committed: an early return on error leaves the
// database as it was before Begin. Begun inside another one (a use case made of several
// store calls, storage::UnitOfWork), it is a savepoint: its own failure undoes only its
// part, and nothing is durable until the outermost commits.
class Transaction {
 public:
  static Result<Transaction> Begin(Driver& driver);
  Status Commit();
  ~Transaction();
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;

 private:
  Transaction(Driver& driver, int level) : driver_(&driver), level_(level) {}
  Driver* driver_;
  int level_;  // 0: the outermost transaction; else the savepoint's number
  bool open_ = true;
};

// The drivers. OpenPostgres fails with a clear error in a build without libpq.
Result<std::unique_ptr<Driver>> OpenSqlite(const std::string& path);
Result<std::unique_ptr<Driver>> OpenPostgres(const std::string& url);

}  // namespace tollgate::storage::sql

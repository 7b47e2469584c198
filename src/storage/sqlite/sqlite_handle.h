// RAII wrappers over the SQLite C API: a connection and a prepared statement.
// Errors carry SQLite's message and the statement that failed; they are turned into
// kStorageError by the callers. Never shown to remote users (the server maps them).
//
// Thread-safety: a Connection and its Statements belong to one thread.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "tollgate/common/result.h"

namespace tollgate::storage::sqlite {

struct ConnectionCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}

  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, std::int64_t value);
  // SQLITE_ROW -> true, SQLITE_DONE -> false, anything else -> error.
  Result<bool> Step();
  Status Run();  // steps to completion, for statements without rows
  void Reset();

  std::int64_t Int(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
  std::string Text(int column) const;

 private:
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, StatementFinalizer> stmt_;
};

class Connection {
 public:
  static Result<Connection> Open(const std::string& path);

  Result<Statement> Prepare(std::string_view sql);
  Status Exec(std::string_view sql);  // one or more statements, no rows
  std::int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_.get()); }
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int Changes() const { return sqlite3_changes(db_.get()); }
  const std::string& path() const { return path_; }

 private:
  friend class Transaction;
  Connection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  std::unique_ptr<sqlite3, ConnectionCloser> db_;
  std::string path_;
  int depth_ = 0;  // transactions open: the outermost, then savepoints
};

// A transaction that rolls back unless committed: an early return on error leaves the
// database as it was before Begin. Begun inside another one (a use case made of several
// store calls, storage::UnitOfWork), it is a savepoint: its own failure undoes only its
// part, and nothing is durable until the outermost commits.
class Transaction {
 public:
  static Result<Transaction> Begin(Connection& connection);
  Status Commit();
  ~Transaction();
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;

 private:
  Transaction(Connection& connection, int level) : connection_(&connection), level_(level) {}
  Connection* connection_;
  int level_;  // 0: the outermost transaction; else the savepoint's number
  bool open_ = true;
};

}  // namespace tollgate::storage::sqlite

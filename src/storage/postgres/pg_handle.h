// RAII wrappers over libpq: a connection, a result, and a transaction that rolls back
// unless committed. Errors become kStorageError with the server's message; the
// connection URL (which may hold a password) is never put in a message.
//
// Thread-safety: a PgConnection belongs to one thread.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/result.h"

namespace tollgate::storage::postgres {

struct PgConnFinish {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct PgResultClear {
  void operator()(PGresult* result) const { PQclear(result); }
};

class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result) {}
  int rows() const { return PQntuples(result_.get()); }
  std::string Text(int row, int column) const {
    return std::string(PQgetvalue(result_.get(), row, column),
                       static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
  }
  long long Int(int row, int column) const { return std::stoll(Text(row, column)); }

 private:
  std::unique_ptr<PGresult, PgResultClear> result_;
};

class PgConnection {
 public:
  static Result<PgConnection> Open(const std::string& url);

  // Runs a statement with text parameters ($1, $2, ...), or without parameters one or
  // more statements separated by semicolons.
  Result<PgResult> Exec(std::string_view sql, const std::vector<std::string>& params = {});
  // COPY ... FROM STDIN in text format: `rows` are already escaped lines.
  Status CopyIn(std::string_view copy_sql, const std::string& rows);

 private:
  friend class PgTransaction;
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  std::unique_ptr<PGconn, PgConnFinish> conn_;
  int depth_ = 0;  // transactions open: the outermost, then savepoints
};

// Escapes a value for COPY's text format (backslash, tab, newline, carriage return).
void AppendCopyField(std::string& out, std::string_view value);

// Begun inside another transaction (a use case made of several store calls,
// storage::UnitOfWork), it is a savepoint: its own failure undoes only its part, and
// nothing is durable until the outermost commits.
class PgTransaction {
 public:
  static Result<PgTransaction> Begin(PgConnection& connection);
  Status Commit();
  ~PgTransaction();
  PgTransaction(PgTransaction&& other) noexcept;
  PgTransaction& operator=(PgTransaction&&) = delete;

 private:
  PgTransaction(PgConnection& connection, int level) : connection_(&connection), level_(level) {}
  PgConnection* connection_;
  int level_;  // 0: the outermost transaction; else the savepoint's number
  bool open_ = true;
};

}  // namespace tollgate::storage::postgres

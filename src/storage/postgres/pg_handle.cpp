#include "storage/postgres/pg_handle.h"

namespace tollgate::storage::postgres {
namespace {

std::string Trimmed(std::string message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  return message;
}

Error PgError(PGconn* conn, std::string_view what) {
  return MakeError(ErrorCode::kStorageError,
                   "PostgreSQL: " + std::string(what) + ": " +
                       Trimmed(conn ? PQerrorMessage(conn) : "out of memory"));
}

std::string FirstLine(std::string_view sql) {
  auto start = sql.find_first_not_of(" \n");
  if (start == std::string_view::npos) return {};
  sql.remove_prefix(start);
  return std::string(sql.substr(0, sql.find('\n')));
}

}  // namespace

Result<PgConnection> PgConnection::Open(const std::string& url) {
  PgConnection connection(PQconnectdb(url.c_str()));
  if (PQstatus(connection.conn_.get()) != CONNECTION_OK) {
    return PgError(connection.conn_.get(), "cannot connect");
  }
  // Notices (e.g. "relation already exists, skipping") are not errors; keep them off
  // the user's terminal.
  auto r = connection.Exec("SET client_min_messages = warning");
  if (!r.ok()) return r.error();
  return connection;
}

Result<PgResult> PgConnection::Exec(std::string_view sql, const std::vector<std::string>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p.c_str());
  std::string text(sql);
  // Without parameters, the simple protocol: it allows several statements at once
  // (migrations); with them, the extended protocol keeps values out of the SQL text.
  PGresult* raw = params.empty()
                      ? PQexec(conn_.get(), text.c_str())
                      : PQexecParams(conn_.get(), text.c_str(), static_cast<int>(params.size()),
                                     nullptr, values.data(), nullptr, nullptr, 0);
  if (raw == nullptr) return PgError(conn_.get(), "executing '" + FirstLine(sql) + "'");
  PgResult result(raw);
  auto status = PQresultStatus(raw);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return MakeError(ErrorCode::kStorageError, "PostgreSQL: executing '" + FirstLine(sql) +
                                                   "': " + Trimmed(PQresultErrorMessage(raw)));
  }
  return result;
}

Status PgConnection::CopyIn(std::string_view copy_sql, const std::string& rows) {
  std::string text(copy_sql);
  PGresult* raw = PQexec(conn_.get(), text.c_str());
  if (raw == nullptr || PQresultStatus(raw) != PGRES_COPY_IN) {
    std::string message = raw != nullptr ? Trimmed(PQresultErrorMessage(raw)) : "no result";
    PQclear(raw);
    return MakeError(ErrorCode::kStorageError,
                     "PostgreSQL: starting '" + FirstLine(copy_sql) + "': " + message);
  }
  PQclear(raw);
  if (PQputCopyData(conn_.get(), rows.data(), static_cast<int>(rows.size())) != 1 ||
      PQputCopyEnd(conn_.get(), nullptr) != 1) {
    return PgError(conn_.get(), "sending rows");
  }
  Status status;
  while (PGresult* r = PQgetResult(conn_.get())) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK && status.ok()) {
      status = MakeError(ErrorCode::kStorageError, "PostgreSQL: " + FirstLine(copy_sql) + ": " +
                                                       Trimmed(PQresultErrorMessage(r)));
    }
    PQclear(r);
  }
  return status;
}

void AppendCopyField(std::string& out, std::string_view value) {
  for (char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

Result<PgTransaction> PgTransaction::Begin(PgConnection& connection) {
  const int level = connection.depth_;
  auto r =
      connection.Exec(level == 0 ? std::string("BEGIN") : "SAVEPOINT tg_" + std::to_string(level));
  if (!r.ok()) return r.error();
  ++connection.depth_;
  return PgTransaction(connection, level);
}

Status PgTransaction::Commit() {
  auto r = connection_->Exec(level_ == 0 ? std::string("COMMIT")
                                         : "RELEASE SAVEPOINT tg_" + std::to_string(level_));
  if (!r.ok()) return r.error();
  open_ = false;
  --connection_->depth_;
  return {};
}

PgTransaction::~PgTransaction() {
  if (!open_ || connection_ == nullptr) return;
  const std::string savepoint = "tg_" + std::to_string(level_);
  (void)connection_->Exec(level_ == 0 ? std::string("ROLLBACK")
                                      : "ROLLBACK TO SAVEPOINT " + savepoint +
                                            "; RELEASE SAVEPOINT " + savepoint);
  --connection_->depth_;
}

PgTransaction::PgTransaction(PgTransaction&& other) noexcept
    : connection_(other.connection_), level_(other.level_), open_(other.open_) {
  other.open_ = false;
  other.connection_ = nullptr;
}

}  // namespace tollgate::storage::postgres

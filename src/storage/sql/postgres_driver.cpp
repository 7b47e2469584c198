// The PostgreSQL driver over libpq (left out of a build with TOLLGATE_WITH_POSTGRES=OFF,
// postgres_absent.cpp stands in). Values travel as text; the server infers their
// types from the statement. Errors carry the server's message, never the URL (it may
// hold a password).
#include <libpq-fe.h>

#include <memory>
#include <string>

#include "storage/sql/driver.h"

namespace tollgate::storage::sql {
namespace {

struct PgConnFinish {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct PgResultClear {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, PgResultClear>;

std::string Trimmed(std::string message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  return message;
}

std::string FirstLine(std::string_view sql) {
  auto start = sql.find_first_not_of(" \n");
  if (start == std::string_view::npos) return {};
  sql.remove_prefix(start);
  return std::string(sql.substr(0, sql.find('\n')));
}

std::string AsText(const Value& value) {
  if (const auto* n = std::get_if<std::int64_t>(&value)) return std::to_string(*n);
  return std::get<std::string>(value);
}

// Escapes a value for COPY's text format (backslash, tab, newline, carriage return).
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

class PostgresDriver final : public Driver {
 public:
  explicit PostgresDriver(PGconn* conn) : conn_(conn) {}

  Dialect dialect() const override { return Dialect::kPostgres; }
  std::string where() const override { return "the PostgreSQL database"; }

  Result<Rows> Run(const Query& query, const Params& params) override {
    if (query.postgres.empty()) return Rows();
    std::vector<std::string> texts;
    texts.reserve(params.size());
    for (const auto& p : params) texts.push_back(AsText(p));
    std::vector<const char*> values;
    values.reserve(texts.size());
    for (const auto& t : texts) values.push_back(t.c_str());
    const std::string sql(query.postgres);
    // The extended protocol keeps values out of the SQL text.
    ResultPtr result(PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()),
                                  nullptr, values.data(), nullptr, nullptr, 0));
    if (auto s = Check(result.get(), sql); !s.ok()) return s.error();
    const int rows = PQntuples(result.get());
    const int columns = PQnfields(result.get());
    std::vector<std::string> cells;
    cells.reserve(static_cast<std::size_t>(rows) * static_cast<std::size_t>(columns));
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < columns; ++c) {
        cells.emplace_back(PQgetvalue(result.get(), r, c),
                           static_cast<std::size_t>(PQgetlength(result.get(), r, c)));
      }
    }
    return Rows(columns, std::move(cells));
  }

  // The simple protocol: it allows several statements at once (migrations).
  Status Exec(std::string_view script) override {
    const std::string sql(script);
    ResultPtr result(PQexec(conn_.get(), sql.c_str()));
    return Check(result.get(), sql);
  }

  Status InsertMany(const Query& insert, const std::vector<Params>& rows) override {
    std::string data;
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i != 0) data += '\t';
        AppendCopyField(data, AsText(row[i]));
      }
      data += '\n';
    }
    const std::string copy(insert.postgres);
    ResultPtr started(PQexec(conn_.get(), copy.c_str()));
    if (started == nullptr || PQresultStatus(started.get()) != PGRES_COPY_IN) {
      std::string message =
          started != nullptr ? Trimmed(PQresultErrorMessage(started.get())) : "no result";
      KeepState(started.get());
      return MakeError(ErrorCode::kStorageError,
                       "PostgreSQL: starting '" + FirstLine(copy) + "': " + message);
    }
    if (PQputCopyData(conn_.get(), data.data(), static_cast<int>(data.size())) != 1 ||
        PQputCopyEnd(conn_.get(), nullptr) != 1) {
      return MakeError(ErrorCode::kStorageError,
                       "PostgreSQL: sending rows: " + Trimmed(PQerrorMessage(conn_.get())));
    }
    Status status;
    while (PGresult* raw = PQgetResult(conn_.get())) {
      ResultPtr r(raw);
      if (PQresultStatus(raw) != PGRES_COMMAND_OK && status.ok()) {
        KeepState(raw);
        status = MakeError(ErrorCode::kStorageError, "PostgreSQL: " + FirstLine(copy) + ": " +
                                                         Trimmed(PQresultErrorMessage(raw)));
      }
    }
    return status;
  }

  PGconn* conn() { return conn_.get(); }

 private:
  void KeepState(const PGresult* result) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    sql_state_ = state ? state : "";
  }

  Status Check(const PGresult* result, std::string_view sql) {
    if (result == nullptr) {
      return MakeError(ErrorCode::kStorageError, "PostgreSQL: executing '" + FirstLine(sql) +
                                                     "': " + Trimmed(PQerrorMessage(conn_.get())));
    }
    auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      KeepState(result);
      return MakeError(ErrorCode::kStorageError, "PostgreSQL: executing '" + FirstLine(sql) +
                                                     "': " + Trimmed(PQresultErrorMessage(result)));
    }
    return {};
  }

  std::unique_ptr<PGconn, PgConnFinish> conn_;
};

}  // namespace

Result<std::unique_ptr<Driver>> OpenPostgres(const std::string& url) {
  auto driver = std::make_unique<PostgresDriver>(PQconnectdb(url.c_str()));
  if (PQstatus(driver->conn()) != CONNECTION_OK) {
    return MakeError(
        ErrorCode::kStorageError,
        "PostgreSQL: cannot connect: " +
            Trimmed(driver->conn() ? PQerrorMessage(driver->conn()) : "out of memory"));
  }
  // Notices (e.g. "relation already exists, skipping") are not errors; keep them off
  // the user's terminal.
  if (auto s = driver->Exec("SET client_min_messages = warning"); !s.ok()) return s.error();
  return std::unique_ptr<Driver>(std::move(driver));
}

}  // namespace tollgate::storage::sql

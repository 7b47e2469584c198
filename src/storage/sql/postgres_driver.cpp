// The PostgreSQL driver over libpq (left out of a build with TOLLGATE_WITH_POSTGRES=OFF,
// postgres_absent.cpp stands in). Values travel as text; the server infers their
// types from the statement. Errors carry the server's message, never the URL (it may
// hold a password).
#include <libpq-fe.h>

#include <memory>
#include <string>
#include <unordered_map>

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

// A run's parameters as libpq takes them: text, one C string each.
class ParamTexts {
 public:
  explicit ParamTexts(const Params& params) {
    texts_.reserve(params.size());
    for (const auto& p : params) texts_.push_back(AsText(p));
    values_.reserve(texts_.size());
    for (const auto& t : texts_) values_.push_back(t.c_str());
  }
  int count() const { return static_cast<int>(values_.size()); }
  const char* const* values() const { return values_.data(); }

 private:
  std::vector<std::string> texts_;
  std::vector<const char*> values_;
};

Rows RowsOf(const PGresult* result) {
  const int rows = PQntuples(result);
  const int columns = PQnfields(result);
  std::vector<std::string> cells;
  cells.reserve(static_cast<std::size_t>(rows) * static_cast<std::size_t>(columns));
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) {
      cells.emplace_back(PQgetvalue(result, r, c),
                         static_cast<std::size_t>(PQgetlength(result, r, c)));
    }
  }
  return Rows(columns, std::move(cells));
}

class PostgresDriver final : public Driver {
 public:
  explicit PostgresDriver(PGconn* conn) : conn_(conn) {}

  Dialect dialect() const override { return Dialect::kPostgres; }
  std::string where() const override { return "the PostgreSQL database"; }

  Result<Rows> Run(const Query& query, const Params& params) override {
    if (query.postgres.empty()) return Rows();
    auto prepared = Prepare(query);
    if (!prepared.ok()) return prepared.error();
    const ParamTexts texts(params);
    // The extended protocol keeps values out of the SQL text.
    ResultPtr result(PQexecPrepared(conn_.get(), (*prepared)->c_str(), texts.count(),
                                    texts.values(), nullptr, nullptr, 0));
    if (auto s = Check(result.get(), query.postgres); !s.ok()) return s.error();
    return RowsOf(result.get());
  }

  // One pipeline: every run is sent, then a sync, then the answers are read. Outside a
  // transaction block the runs up to the sync are one implicit transaction, so a
  // failing run undoes those before it; inside one, the caller's rollback does.
  Result<std::vector<Rows>> RunEach(const Query& query, const std::vector<Params>& rows) override {
    if (query.postgres.empty() || rows.empty()) return std::vector<Rows>(rows.size());
    auto prepared = Prepare(query);
    if (!prepared.ok()) return prepared.error();
    PGconn* conn = conn_.get();
    if (PQenterPipelineMode(conn) != 1) {
      return MakeError(ErrorCode::kStorageError,
                       "PostgreSQL: entering pipeline mode: " + Trimmed(PQerrorMessage(conn)));
    }
    Status status;
    std::size_t sent = 0;
    for (const auto& row : rows) {
      const ParamTexts texts(row);
      if (PQsendQueryPrepared(conn, (*prepared)->c_str(), texts.count(), texts.values(), nullptr,
                              nullptr, 0) != 1) {
        status = MakeError(ErrorCode::kStorageError, "PostgreSQL: sending '" +
                                                         FirstLine(query.postgres) +
                                                         "': " + Trimmed(PQerrorMessage(conn)));
        break;
      }
      ++sent;
    }
    const bool synced = PQpipelineSync(conn) == 1;
    if (!synced && status.ok()) {
      status = MakeError(ErrorCode::kStorageError,
                         "PostgreSQL: sending a pipeline: " + Trimmed(PQerrorMessage(conn)));
    }
    std::vector<Rows> results;
    results.reserve(sent);
    // Each run's results end with a null; a run after a failed one is PIPELINE_ABORTED.
    for (std::size_t i = 0; i < sent; ++i) {
      while (PGresult* raw = PQgetResult(conn)) {
        ResultPtr result(raw);
        if (PQresultStatus(raw) == PGRES_PIPELINE_ABORTED) continue;
        if (auto s = Check(raw, query.postgres); !s.ok()) {
          if (status.ok()) status = s;
          continue;
        }
        results.push_back(RowsOf(raw));
      }
    }
    if (synced) {
      ResultPtr sync(PQgetResult(conn));  // PGRES_PIPELINE_SYNC
    }
    if (PQexitPipelineMode(conn) != 1 && status.ok()) {
      status = MakeError(ErrorCode::kStorageError,
                         "PostgreSQL: leaving pipeline mode: " + Trimmed(PQerrorMessage(conn)));
    }
    if (!status.ok()) return status.error();
    return results;
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
  // Each named query is parsed and planned once per connection, not once per call: on
  // a server's hot paths (the bearer token's lookup, the group commit of determinations)
  // that work was the PostgreSQL backend's largest share of the CPU the request shares
  // with it (BENCHMARKS.md, issue 14). Not transactional: a statement prepared inside a
  // transaction that rolls back stays prepared.
  Result<const std::string*> Prepare(const Query& query) {
    auto found = statements_.find(&query);
    if (found != statements_.end()) return &found->second;
    std::string name = "tollgate_" + std::to_string(statements_.size() + 1);
    const std::string sql(query.postgres);
    ResultPtr result(PQprepare(conn_.get(), name.c_str(), sql.c_str(), 0, nullptr));
    if (auto s = Check(result.get(), sql); !s.ok()) return s.error();
    return &statements_.emplace(&query, std::move(name)).first->second;
  }

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
  std::unordered_map<const Query*, std::string> statements_;  // query -> prepared name
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

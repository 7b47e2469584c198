// Fresh, empty databases for tests, on either backend: a SQLite file in a temporary
// folder, or a new database on the PostgreSQL server that CTest started for the suite
// (scripts/pg-test-server.sh writes its URL to TOLLGATE_TEST_PG_URL_FILE). Each is
// removed when the TestDatabase goes away.
#pragma once

#include <libpq-fe.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>

#include "storage/sql/driver.h"
#include "test_paths.h"

namespace tollgate::testing {

inline std::string PostgresServerUrl() {
  std::ifstream in(TOLLGATE_TEST_PG_URL_FILE);
  std::string url;
  std::getline(in, url);
  if (url.empty()) {
    // Fail, never skip: the suite must run on both backends.
    throw std::runtime_error(std::string("no PostgreSQL test server: ") +
                             TOLLGATE_TEST_PG_URL_FILE +
                             " is missing (run the suite with ctest, which starts it)");
  }
  return url;
}

inline void PostgresAdmin(const std::string& sql) {
  PGconn* conn = PQconnectdb(PostgresServerUrl().c_str());
  std::string error;
  if (PQstatus(conn) != CONNECTION_OK) {
    error = PQerrorMessage(conn);
  } else {
    PGresult* r = PQexec(conn, sql.c_str());
    if (PQresultStatus(r) != PGRES_COMMAND_OK) error = PQresultErrorMessage(r);
    PQclear(r);
  }
  PQfinish(conn);
  if (!error.empty()) throw std::runtime_error("PostgreSQL test server: " + error);
}

class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend) : backend_(backend) {
    std::random_device rd;
    const std::string suffix = std::to_string(rd()) + std::to_string(rd());
    if (backend == "postgres") {
      name_ = "t" + suffix;
      PostgresAdmin("CREATE DATABASE " + name_);
      auto base = PostgresServerUrl();
      url_ = base.substr(0, base.rfind('/') + 1) + name_;
    } else {
      dir_ = std::filesystem::temp_directory_path() / ("tollgate-db-" + suffix);
      std::filesystem::create_directories(dir_);
      url_ = (dir_ / "tollgate.db").string();
    }
  }
  ~TestDatabase() {
    if (backend_ == "postgres") {
      try {
        PostgresAdmin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
      } catch (const std::exception&) {
        // The server is stopped after the suite anyway.
      }
    } else {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& url() const { return url_; }
  const std::string& backend() const { return backend_; }

 private:
  std::string backend_;
  std::string name_;
  std::filesystem::path dir_;
  std::string url_;
};

// Runs `sql` on the database behind the store's back, as someone with write access to
// the file or the server could: what `audit verify` must then find.
inline void TamperWith(const TestDatabase& db, const std::string& sql) {
  auto raw = db.backend() == "postgres" ? storage::sql::OpenPostgres(db.url())
                                        : storage::sql::OpenSqlite(db.url());
  if (!raw.ok()) throw std::runtime_error("opening " + db.url() + ": " + raw.error().message);
  if (auto done = (*raw)->Exec(sql); !done.ok()) {
    throw std::runtime_error(sql + ": " + done.error().message);
  }
}

}  // namespace tollgate::testing

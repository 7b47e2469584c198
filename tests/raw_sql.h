// SQL run on a test database as someone who holds it would, outside Tollgate: the
// sqlite3 shell on the file, or a libpq connection to the PostgreSQL database. Tests of
// tampering use it (drop a trigger, cut or rewrite audit records).
#pragma once

#include <libpq-fe.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace tollgate::testing {

// Runs `sql` (several statements allowed) on `url` of `backend` ("sqlite" or
// "postgres"); "" on success, else the error. `scratch`: a folder for the script.
inline std::string RawSql(const std::string& backend, const std::string& url,
                          const std::string& sql, const std::filesystem::path& scratch) {
  if (backend == "postgres") {
    PGconn* conn = PQconnectdb(url.c_str());
    PGresult* r = PQexec(conn, sql.c_str());
    std::string error =
        PQresultStatus(r) == PGRES_COMMAND_OK ? "" : std::string(PQresultErrorMessage(r));
    PQclear(r);
    PQfinish(conn);
    return error;
  }
  const auto script = scratch / "raw.sql";
  const auto err = scratch / "raw.err";
  std::ofstream(script) << sql << "\n";
  const std::string command = "sqlite3 -bail '" + url + "' < '" + script.string() +
                              "' > /dev/null 2> '" + err.string() + "'";
  const int status = std::system(command.c_str());
  std::ifstream in(err);
  std::stringstream text;
  text << in.rdbuf();
  return status == 0 ? "" : "sqlite3 failed: " + text.str();
}

}  // namespace tollgate::testing

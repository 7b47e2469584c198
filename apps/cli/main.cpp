// tollgate: the command-line adapter. main only wires: it parses the global options
// and registers the commands.
#include <CLI/CLI.hpp>

#include <cstdlib>

int main(int argc, char** argv) {
  std::string db_url;
  const char* env_db = std::getenv("TOLLGATE_DB");
  db_url = env_db != nullptr && *env_db != '\0' ? env_db : "var/tollgate.db";
  CLI::App app{"tollgate: export-control screening, determination and licensing"};
  app.add_option("--db", db_url, "database: a SQLite file path (env TOLLGATE_DB)");
  CLI11_PARSE(app, argc, argv);
  return 0;
}

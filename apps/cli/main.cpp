// tollgate: the command-line adapter. main only wires: it parses the global options,
// registers the commands (each in its own file) and returns their exit code.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "cli_context.h"
#include "commands.h"
#include "tollgate/common/result.h"

// A function-try-block: an exception no command caught (a bug, or memory exhausted)
// ends the process with a message and exit 70 (kInternal, src/common/error_code.cpp)
// instead of std::terminate's abort.
int main(int argc, char** argv) try {
  tollgate::cli::Context context;
  const char* env_db = std::getenv("TOLLGATE_DB");
  context.db_url = env_db != nullptr && *env_db != '\0' ? env_db : "var/tollgate.db";

  CLI::App app{"tollgate: export-control screening, determination and licensing"};
  app.require_subcommand(1);
  app.option_defaults()->always_capture_default();
  // Global options may follow the subcommand too (`tollgate serve --db FILE`, as a user
  // types it): an option a subcommand does not know falls through to its parents.
  // Inherited by every subcommand added below, nested ones included.
  app.fallthrough();
  app.add_option("--db", context.db_url,
                 "database: a SQLite file path (env TOLLGATE_DB; default var/tollgate.db)");

  int exit_code = 0;
  tollgate::cli::AddListsCommands(app, context, exit_code);
  tollgate::cli::AddScreenCommand(app, context, exit_code);
  tollgate::cli::AddCheckCommand(app, context, exit_code);
  tollgate::cli::AddEccnCommands(app, context, exit_code);
  tollgate::cli::AddLicensesCommands(app, context, exit_code);
  tollgate::cli::AddGeneralLicensesCommands(app, context, exit_code);
  tollgate::cli::AddPeopleCommands(app, context, exit_code);
  tollgate::cli::AddPartiesCommands(app, context, exit_code);
  tollgate::cli::AddAlertsCommands(app, context, exit_code);
  tollgate::cli::AddWebhooksCommands(app, context, exit_code);
  tollgate::cli::AddApplicationsCommands(app, context, exit_code);
  tollgate::cli::AddAuditCommands(app, context, exit_code);
  tollgate::cli::AddServeCommand(app, context, exit_code);
  tollgate::cli::AddTokensCommand(app, context, exit_code);
  tollgate::cli::AddReportCommands(app, context, exit_code);
  tollgate::cli::AddDemoCommands(app, context, exit_code);
  tollgate::cli::AddHistoryCommands(app, context, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints help (exit 0) or the usage error (exit 2: bad input).
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return exit_code;
} catch (const std::exception& e) {
  std::cerr << "tollgate: internal error: " << e.what() << "\n";
  return tollgate::ExitCodeFor(tollgate::ErrorCode::kInternal);
} catch (...) {
  std::cerr << "tollgate: internal error\n";
  return tollgate::ExitCodeFor(tollgate::ErrorCode::kInternal);
}

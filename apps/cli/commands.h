// Registration of the CLI's commands. Each sets `exit_code` when it runs.
#pragma once

#include <CLI/CLI.hpp>

#include "cli_context.h"

namespace tollgate::cli {

void AddListsCommands(CLI::App& app, Context& context, int& exit_code);
void AddScreenCommand(CLI::App& app, Context& context, int& exit_code);
void AddCheckCommand(CLI::App& app, Context& context, int& exit_code);
void AddEccnCommands(CLI::App& app, Context& context, int& exit_code);
void AddLicensesCommands(CLI::App& app, Context& context, int& exit_code);
void AddGeneralLicensesCommands(CLI::App& app, Context& context, int& exit_code);
void AddPeopleCommands(CLI::App& app, Context& context, int& exit_code);
void AddPartiesCommands(CLI::App& app, Context& context, int& exit_code);
void AddAlertsCommands(CLI::App& app, Context& context, int& exit_code);
void AddWebhooksCommands(CLI::App& app, Context& context, int& exit_code);
void AddApplicationsCommands(CLI::App& app, Context& context, int& exit_code);
void AddAuditCommands(CLI::App& app, Context& context, int& exit_code);
void AddServeCommand(CLI::App& app, Context& context, int& exit_code);
void AddTokensCommand(CLI::App& app, Context& context, int& exit_code);
void AddReportCommands(CLI::App& app, Context& context, int& exit_code);
void AddDemoCommands(CLI::App& app, Context& context, int& exit_code);
void AddHistoryCommands(CLI::App& app, Context& context, int& exit_code);
// `applications transition`, registered under the `applications` command.
void AddApplicationsTransitionCommand(CLI::App& applications, Context& context, int& exit_code);
// `lists update`, registered under the `lists` command.
void AddListsUpdateCommand(CLI::App& lists, Context& context, int& exit_code);

}  // namespace tollgate::cli

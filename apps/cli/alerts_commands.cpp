// `tollgate alerts list|show|decide|assign`: the alerts on an organization's party
// master (tollgate/alerts/) and the analysts' dispositions. Who may act is the party
// master's rule (--as an applicant of the organization, or the operator with --org).
#include <iostream>

#include "commands.h"
#include "master_support.h"
#include "tollgate/alerts/decide.h"
#include "tollgate/licensing/clock.h"

namespace tollgate::cli {
namespace {

struct AlertsArgs {
  std::string org, as, state, list, party, assignee, sort = "-score", disposition, comment;
  double min_score = 0;
  std::int64_t page = 1, per_page = 50, id = 0;
  bool json = false;
};

void PrintAlert(const alerts::Alert& a) {
  std::cout << "alert " << a.id << " (" << a.organization << ", " << alerts::StateName(a.state);
  if (a.disposition != alerts::Disposition::kNone) {
    std::cout << ", " << alerts::DispositionName(a.disposition);
  }
  std::cout << ")\n"
            << "  party:    " << a.party_external_id << " " << a.party_name << " (revision "
            << a.party_revision << ")\n"
            << "  entry:    " << a.list << " " << a.entry_id << " " << a.entry_name << "\n"
            << "  version:  " << a.feed << " #" << a.list_version << "\n"
            << "  score:    " << a.score << " (" << a.match.value("effect", "") << ")\n"
            << "  why:      " << a.match.value("explanation", "") << "\n"
            << "  opened:   " << a.opened_at << "\n";
  if (!a.assignee.empty()) std::cout << "  assignee: " << a.assignee << "\n";
  if (!a.decided_by.empty()) {
    std::cout << "  decided:  " << a.decided_at << " by " << a.decided_by << ": " << a.comment
              << "\n";
  }
  if (a.changed.is_object() && !a.changed.empty()) {
    std::cout << "  changed:  " << a.changed.dump() << "\n";
  }
}

int Print(const Result<alerts::Alert>& alert, bool json) {
  if (!alert.ok()) return Fail(alert.error());
  if (json) {
    std::cout << alerts::ToJson(*alert).dump(2) << "\n";
  } else {
    PrintAlert(*alert);
  }
  return 0;
}

int RunList(const Context& context, const AlertsArgs& args) {
  int code = 0;
  auto master = OpenMaster(context, args.org, args.as, code);
  if (!master) return code;
  alerts::Filter filter;
  filter.organization = master->organization;
  if (!args.state.empty()) {
    auto state = alerts::ParseState(args.state, "--state");
    if (!state.ok()) return Fail(state.error());
    filter.state = *state;
  }
  filter.list = args.list;
  filter.min_score = args.min_score;
  filter.party = args.party;
  filter.assignee = args.assignee;
  filter.sort = args.sort;
  filter.page = args.page;
  filter.per_page = args.per_page;
  auto page = master->store->ListAlerts(filter);
  if (!page.ok()) return Fail(page.error());
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : page->alerts) out.push_back(alerts::ToJson(a));
    std::cout << nlohmann::json{{"total", page->total},
                                {"page", filter.page},
                                {"per_page", filter.per_page},
                                {"alerts", out}}
                     .dump(2)
              << "\n";
    return 0;
  }
  std::cout << page->total << " alert(s); page " << filter.page << "\n";
  for (const auto& a : page->alerts) {
    std::cout << a.id << "  " << alerts::StateName(a.state) << "  "
              << alerts::DispositionName(a.disposition) << "  " << a.score << "  "
              << a.party_external_id << " " << a.party_name << "  ~  " << a.list << " "
              << a.entry_name << "\n";
  }
  return 0;
}

int RunShow(const Context& context, const AlertsArgs& args) {
  int code = 0;
  auto master = OpenMaster(context, args.org, args.as, code);
  if (!master) return code;
  return Print(alerts::ShowAlert(*master->store, master->organization, args.id), args.json);
}

int RunDecide(const Context& context, const AlertsArgs& args) {
  auto action = alerts::ParseAction(args.disposition, "--disposition");
  if (!action.ok()) return Fail(action.error());
  int code = 0;
  auto master = OpenMaster(context, args.org, args.as, code);
  if (!master) return code;
  licensing::SystemClock clock;
  return Print(alerts::DecideAlert(*master->store, master->organization, args.id, *action,
                                   args.comment, {master->actor, clock.Timestamp()}),
               args.json);
}

int RunAssign(const Context& context, const AlertsArgs& args) {
  int code = 0;
  auto master = OpenMaster(context, args.org, args.as, code);
  if (!master) return code;
  licensing::SystemClock clock;
  return Print(alerts::AssignAlert(*master->store, master->organization, args.id, args.assignee,
                                   {master->actor, clock.Timestamp()}),
               args.json);
}

void AddFlags(CLI::App& command, AlertsArgs& args) {
  command.add_option("--org", args.org, "the organization whose alerts (an applicant's own)");
  command.add_option("--as", args.as, "act as this stored user (an applicant of the organization)");
  command.add_flag("--json", args.json, "print JSON");
}

}  // namespace

void AddAlertsCommands(CLI::App& app, Context& context, int& exit_code) {
  auto* alerts = app.add_subcommand("alerts", "alerts on the party master, and dispositions");
  alerts->require_subcommand(1);
  auto args = std::make_shared<AlertsArgs>();

  auto* list = alerts->add_subcommand("list", "the organization's alerts, a page at a time");
  list->add_option("--state", args->state, "open, decided or closed");
  list->add_option("--list", args->list, "only this list's (EL, SDN, ...)");
  list->add_option("--min-score", args->min_score, "only at or above this score");
  list->add_option("--party", args->party, "only this party's (external id)");
  list->add_option("--assignee", args->assignee, "only those assigned to this user");
  list->add_option("--sort", args->sort, "score, id or opened_at; a leading - sorts descending");
  list->add_option("--page", args->page, "page number, from 1");
  list->add_option("--per-page", args->per_page, "alerts per page (at most 500)");
  AddFlags(*list, *args);
  list->callback([&context, &exit_code, args] { exit_code = RunList(context, *args); });

  auto* show = alerts->add_subcommand("show", "one alert with its match and explanation");
  show->add_option("id", args->id, "the alert's id")->required();
  AddFlags(*show, *args);
  show->callback([&context, &exit_code, args] { exit_code = RunShow(context, *args); });

  auto* decide = alerts->add_subcommand("decide", "give an alert a disposition, with a comment");
  decide->add_option("id", args->id, "the alert's id")->required();
  decide
      ->add_option("--disposition", args->disposition,
                   "true_match, false_positive, escalated, or reopen")
      ->required();
  decide->add_option("--comment", args->comment, "why (required)")->required();
  AddFlags(*decide, *args);
  decide->callback([&context, &exit_code, args] { exit_code = RunDecide(context, *args); });

  auto* assign = alerts->add_subcommand("assign", "assign an alert to an analyst");
  assign->add_option("id", args->id, "the alert's id")->required();
  assign
      ->add_option("--to", args->assignee,
                   "the user (an applicant of the organization); "
                   "empty to unassign")
      ->required();
  AddFlags(*assign, *args);
  assign->callback([&context, &exit_code, args] { exit_code = RunAssign(context, *args); });
}

}  // namespace tollgate::cli

// `tollgate applications submit|show|list|due`: license applications as their users
// see them. Every command acts as a stored user (--as): an applicant sees only its
// own organization's applications. `applications transition` is in
// applications_transition.cpp.
#include <iostream>

#include "applications_support.h"
#include "commands.h"
#include "screening_support.h"
#include "tollgate/forms/applications_json.h"
#include "tollgate/licensing/application_json.h"

namespace tollgate::cli {
namespace {

struct Flags {
  ActingFlags acting;
  std::string target;  // a form file, or a control number
  std::string state;
  std::string as_of;
  bool json = false;
};

int RunSubmit(const Context& context, const Flags& flags) {
  auto form = ReadForm(flags.target);
  if (!form.ok()) return Fail(form.error());
  int code = 0;
  auto session = Session::Open(context, flags.acting, code);
  if (!session) return code;
  // Every party is screened on submission against the lists in force that day.
  if (auto s = UseRulesScreener(session->workflow(), session->store()); !s.ok()) {
    return Fail(s.error());
  }
  auto filed = session->workflow().Submit(session->user(), std::move(form).value());
  if (!filed.ok()) return Fail(filed.error());
  if (flags.json) {
    std::cout << forms::ApplicationJson(*filed, {}, {}).dump(2) << "\n";
  } else {
    std::cout << "submitted " << licensing::Subject(*filed) << " (version " << filed->version
              << ")\n";
  }
  return 0;
}

int RunShow(const Context& context, const Flags& flags) {
  int code = 0;
  auto session = Session::Open(context, flags.acting, code);
  if (!session) return code;
  auto& workflow = session->workflow();
  auto application = workflow.Show(session->user(), flags.target);
  if (!application.ok()) return Fail(application.error());
  auto timeline = workflow.Timeline(session->user(), flags.target);
  if (!timeline.ok()) return Fail(timeline.error());
  auto as_of = DateFlag("--as-of", flags.as_of);
  if (!as_of.ok()) return Fail(as_of.error());
  const auto due = licensing::DueItems(*application, *as_of);
  auto license = workflow.LicenseOf(session->user(), flags.target);
  if (!license.ok()) return Fail(license.error());
  auto screening = workflow.Screening(session->user(), flags.target);
  if (!screening.ok()) return Fail(screening.error());
  if (flags.json) {
    auto out = forms::ApplicationJson(*application, *timeline, due);
    if (*license) out["license"] = (*license)->number;
    out["screening"] = nlohmann::json::array();
    for (const auto& match : *screening)
      out["screening"].push_back(forms::ScreeningMatchJson(match));
    std::cout << out.dump(2) << "\n";
  } else {
    PrintApplication(*application, *timeline, due, *license ? &**license : nullptr);
    PrintScreening(*screening);
  }
  return 0;
}

int RunList(const Context& context, const Flags& flags) {
  std::optional<licensing::ApplicationState> state;
  if (!flags.state.empty()) {
    state = licensing::ParseState(flags.state);
    if (!state) {
      return Fail(MakeError(ErrorCode::kInvalidArgument,
                            "--state: unknown state '" + flags.state + "' (e.g. registered)"));
    }
  }
  int code = 0;
  auto session = Session::Open(context, flags.acting, code);
  if (!session) return code;
  auto found = session->workflow().List(session->user(), state);
  if (!found.ok()) return Fail(found.error());
  if (flags.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : *found) out.push_back(licensing::ToJson(a));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (found->empty()) std::cout << "no applications\n";
  for (const auto& a : *found) PrintApplicationLine(a);
  return 0;
}

int RunDue(const Context& context, const Flags& flags) {
  auto as_of = DateFlag("--as-of", flags.as_of);
  if (!as_of.ok()) return Fail(as_of.error());
  int code = 0;
  auto session = Session::Open(context, flags.acting, code);
  if (!session) return code;
  auto lines = session->workflow().Due(session->user(), *as_of);
  if (!lines.ok()) return Fail(lines.error());
  if (flags.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& line : *lines) {
      nlohmann::json one = forms::DeadlineJson(line.deadline);
      one["application"] = line.subject;
      one["state"] = licensing::StateName(line.state);
      out.push_back(one);
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::cout << "as of " << as_of->ToString() << ": " << lines->size() << " open deadline(s)\n";
  for (const auto& line : *lines) PrintDueLine(line);
  return 0;
}

}  // namespace

void AddApplicationsCommands(CLI::App& app, Context& context, int& exit_code) {
  auto* applications = app.add_subcommand(
      "applications", "license applications (BIS-748P) through review to decision");
  applications->require_subcommand(1);

  auto submit_flags = std::make_shared<Flags>();
  auto* submit = applications->add_subcommand("submit", "file an application from a form");
  submit->add_option("form", submit_flags->target, "the form as JSON")->required();
  AddActingFlags(*submit, submit_flags->acting, /*with_date=*/true);
  submit->add_flag("--json", submit_flags->json, "print the stored application as JSON");
  submit->callback([&, submit_flags] { exit_code = RunSubmit(context, *submit_flags); });

  auto show_flags = std::make_shared<Flags>();
  auto* show = applications->add_subcommand("show", "one application, its timeline and clocks");
  show->add_option("control_number", show_flags->target, "e.g. D000001")->required();
  AddActingFlags(*show, show_flags->acting, /*with_date=*/false);
  show->add_option("--as-of", show_flags->as_of, "date for the clocks (default today)");
  show->add_flag("--json", show_flags->json, "JSON");
  show->callback([&, show_flags] { exit_code = RunShow(context, *show_flags); });

  auto list_flags = std::make_shared<Flags>();
  auto* list = applications->add_subcommand("list", "the applications the user may see");
  AddActingFlags(*list, list_flags->acting, /*with_date=*/false);
  list->add_option("--state", list_flags->state, "only those in this state");
  list->add_flag("--json", list_flags->json, "JSON array");
  list->callback([&, list_flags] { exit_code = RunList(context, *list_flags); });

  auto due_flags = std::make_shared<Flags>();
  auto* due = applications->add_subcommand(
      "due", "statutory deadlines due or overdue (EO 12981, §750.4, §750.6)");
  AddActingFlags(*due, due_flags->acting, /*with_date=*/false);
  due->add_option("--as-of", due_flags->as_of, "the date to count from (default today)");
  due->add_flag("--json", due_flags->json, "JSON array");
  due->callback([&, due_flags] { exit_code = RunDue(context, *due_flags); });

  AddApplicationsTransitionCommand(*applications, context, exit_code);
}

}  // namespace tollgate::cli

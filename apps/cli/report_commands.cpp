// `tollgate report stats|criteria`: the licensing statistics and the criteria report
// (reports/), rendered as a table, JSON, CSV or Markdown. Both act as a stored user
// (--as): the statistics are aggregates anyone may see; the criteria report names an
// applicant only to users who may see its applications.
#include <iostream>

#include "applications_support.h"
#include "commands.h"
#include "tollgate/forms/report_render.h"
#include "tollgate/reports/criteria_report.h"
#include "tollgate/reports/history.h"
#include "tollgate/reports/stats.h"

namespace tollgate::cli {
namespace {

struct Flags {
  ActingFlags acting;
  std::string as_of;
  std::string from;
  std::string to;
  std::string format = "table";
};

Result<forms::ReportFormat> FormatFlag(const std::string& name) {
  auto format = forms::ParseReportFormat(name);
  if (!format) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "--format: unknown format '" + name + "' (table, json, csv, md)");
  }
  return *format;
}

int RunStats(const Context& context, const Flags& flags) {
  auto format = FormatFlag(flags.format);
  if (!format.ok()) return Fail(format.error());
  auto as_of = DateFlag("--as-of", flags.as_of);
  if (!as_of.ok()) return Fail(as_of.error());
  int code = 0;
  auto session = Session::Open(context, flags.acting, code);
  if (!session) return code;
  auto histories = reports::LoadHistories(session->store());
  if (!histories.ok()) return Fail(histories.error());
  forms::RenderStats(reports::ComputeStats(*histories, *as_of), *format, std::cout);
  return 0;
}

int RunCriteria(const Context& context, const Flags& flags) {
  auto format = FormatFlag(flags.format);
  if (!format.ok()) return Fail(format.error());
  std::optional<Date> from;
  if (!flags.from.empty()) {
    auto parsed = DateFlag("--from", flags.from);
    if (!parsed.ok()) return Fail(parsed.error());
    from = *parsed;
  }
  auto to = DateFlag("--to", flags.to);
  if (!to.ok()) return Fail(to.error());
  if (from && *from > *to) {
    return Fail(MakeError(ErrorCode::kInvalidArgument,
                          "--from " + from->ToString() + " is after --to " + to->ToString()));
  }
  int code = 0;
  auto session = Session::Open(context, flags.acting, code);
  if (!session) return code;
  auto histories = reports::LoadHistories(session->store());
  if (!histories.ok()) return Fail(histories.error());
  forms::RenderCriteriaReport(
      reports::ComputeCriteriaReport(*histories, session->user(), session->catalog(), from, *to),
      *format, std::cout);
  return 0;
}

}  // namespace

void AddReportCommands(CLI::App& app, Context& context, int& exit_code) {
  auto* report = app.add_subcommand("report", "licensing statistics and the criteria report");
  report->require_subcommand(1);

  auto stats_flags = std::make_shared<Flags>();
  auto* stats = report->add_subcommand(
      "stats", "received, processed, outcomes, days to decision and overdue, as of a date");
  AddActingFlags(*stats, stats_flags->acting, /*with_date=*/false);
  stats->add_option("--as-of", stats_flags->as_of, "the date the figures are for (default today)");
  stats->add_option("--format", stats_flags->format, "table, json, csv or md");
  stats->callback([&, stats_flags] { exit_code = RunStats(context, *stats_flags); });

  auto criteria_flags = std::make_shared<Flags>();
  auto* criteria = report->add_subcommand(
      "criteria", "per decision the criteria applied and the outcome; per criterion the counts");
  AddActingFlags(*criteria, criteria_flags->acting, /*with_date=*/false);
  criteria->add_option("--from", criteria_flags->from, "first day of the period (default: all)");
  criteria->add_option("--to", criteria_flags->to, "last day of the period (default today)");
  criteria->add_option("--format", criteria_flags->format, "table, json, csv or md");
  criteria->callback([&, criteria_flags] { exit_code = RunCriteria(context, *criteria_flags); });
}

}  // namespace tollgate::cli

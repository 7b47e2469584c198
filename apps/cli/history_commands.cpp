// `tollgate history screenings|determinations|prune` (issue 15, item 6): the answers on
// record, filtered, as a table, JSON or CSV (history/history.h, the forms the API
// exports too), and the retention prune (15 CFR 762.6) with its audit record. With
// --as USER a read sees what that user may see over the API; without it, the operator
// who holds the database sees every record.
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <limits>

#include "commands.h"
#include "tollgate/history/history.h"
#include "tollgate/licensing/clock.h"

namespace tollgate::cli {
namespace {

struct ReadFlags {
  history::HistoryQuery query;
  std::string format = "table";
  std::string as;
};

struct PruneFlags {
  int retention_years = history::kDefaultRetentionYears;
  std::string older_than;
  std::string by;
};

void PrintScreenings(const std::vector<storage::ScreeningRecord>& records) {
  if (records.empty()) {
    std::cout << "no screening on record matches\n";
    return;
  }
  for (const auto& r : records) {
    std::cout << r.id << "  " << r.recorded_at << "  " << std::left << std::setw(16) << r.outcome
              << std::right << " " << std::fixed << std::setprecision(3) << r.top_score << "  \""
              << r.name << "\" as of " << r.as_of << "  by " << r.requested_by
              << (r.organization.empty() ? "" : " (" + r.organization + ")") << " via " << r.channel
              << "\n";
  }
}

void PrintDeterminations(const std::vector<storage::DeterminationRecord>& records) {
  if (records.empty()) {
    std::cout << "no determination on record matches\n";
    return;
  }
  for (const auto& r : records) {
    std::cout << r.id << "  " << r.recorded_at << "  " << std::left << std::setw(20) << r.decision
              << std::right << " for " << r.transaction_date.ToString() << "  by " << r.requested_by
              << (r.organization.empty() ? "" : " (" + r.organization + ")") << "\n";
  }
}

int RunRead(const Context& context, const ReadFlags& flags, history::Kind kind) {
  if (flags.format != "table" && flags.format != "json" && flags.format != "csv") {
    return Fail(MakeError(ErrorCode::kInvalidArgument,
                          "--format: unknown format '" + flags.format + "' (table, json, csv)"));
  }
  // No limit unless asked: an export is the whole history that matches.
  auto filter =
      history::ParseHistoryFilter(flags.query, kind, std::numeric_limits<std::int64_t>::max(),
                                  std::numeric_limits<std::int64_t>::max(), "--");
  if (!filter.ok()) return Fail(filter.error());
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  std::optional<licensing::User> viewer;
  if (!flags.as.empty()) {
    auto user = store->GetUser(flags.as);
    if (!user.ok()) return Fail(user.error());
    viewer = *user;
  }
  if (auto s = history::RestrictToViewer(viewer ? &*viewer : nullptr, *filter); !s.ok()) {
    return Fail(s.error());
  }
  if (kind == history::Kind::kScreenings) {
    auto records = store->FindScreenings(*filter);
    if (!records.ok()) return Fail(records.error());
    if (flags.format == "csv") {
      std::cout << history::ScreeningsCsv(*records);
    } else if (flags.format == "json") {
      std::cout << history::ScreeningsJson(*records, *filter).dump(2) << "\n";
    } else {
      PrintScreenings(*records);
    }
    return 0;
  }
  auto records = store->FindDeterminations(*filter);
  if (!records.ok()) return Fail(records.error());
  if (flags.format == "csv") {
    std::cout << history::DeterminationsCsv(*records);
  } else if (flags.format == "json") {
    std::cout << history::DeterminationsJson(*records, *filter).dump(2) << "\n";
  } else {
    PrintDeterminations(*records);
  }
  return 0;
}

int RunPrune(const Context& context, const PruneFlags& flags) {
  std::string cutoff;
  std::string reason;
  if (!flags.older_than.empty()) {
    auto date = DateFlag("--older-than", flags.older_than);
    if (!date.ok()) return Fail(date.error());
    // Never inside the five years of 15 CFR 762.6(a).
    auto earliest = history::RetentionCutoff(Date::Today(), history::kDefaultRetentionYears);
    if (!earliest.ok()) return Fail(earliest.error());
    cutoff = date->ToString() + "T00:00:00Z";
    if (cutoff > *earliest) {
      return Fail(MakeError(ErrorCode::kInvalidArgument,
                            "--older-than " + date->ToString() +
                                ": records must be kept five years (15 CFR 762.6), so nothing "
                                "recorded on or after " +
                                earliest->substr(0, 10) + " may be pruned"));
    }
    reason = "records older than " + date->ToString();
  } else {
    auto computed = history::RetentionCutoff(Date::Today(), flags.retention_years);
    if (!computed.ok()) return Fail(computed.error());
    cutoff = *computed;
    reason = "retention of " + std::to_string(flags.retention_years) + " years";
  }
  std::string who = flags.by;
  if (who.empty()) {
    const char* login = std::getenv("USER");
    who = login != nullptr && *login != '\0' ? login : "unknown";
  }
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  auto pruned = history::Prune(*store, cutoff, reason,
                               {"operator " + who, licensing::SystemClock().Timestamp()});
  if (!pruned.ok()) return Fail(pruned.error());
  std::cout << "pruned " << pruned->screenings << " screening(s) and " << pruned->determinations
            << " determination(s) recorded before " << pruned->cutoff << " (" << reason
            << "); the audit log records the prune\n";
  return 0;
}

void AddReadCommand(CLI::App& history, Context& context, int& exit_code, const char* name,
                    const char* description, history::Kind kind) {
  auto flags = std::make_shared<ReadFlags>();
  auto* command = history.add_subcommand(name, description);
  command->add_option("--org", flags->query.organization, "only this organization's records");
  command->add_option("--party", flags->query.party,
                      "only records naming a party containing this (case and punctuation "
                      "ignored)");
  command->add_option("--from", flags->query.from, "recorded on or after this date (UTC)");
  command->add_option("--to", flags->query.to, "recorded on or before this date (UTC)");
  command->add_option("--outcome", flags->query.outcome,
                      kind == history::Kind::kScreenings
                          ? "hit, review, no_hit or nothing_screened"
                          : "the decision: NO_LICENSE_REQUIRED, AUTHORIZED, LICENSE_REQUIRED, "
                            "REVIEW or PROHIBITED");
  if (kind == history::Kind::kScreenings) {
    command->add_option("--channel", flags->query.channel,
                        "cli, api, batch, continuous (re-screened on a list change) or "
                        "party_import (screened as the master was imported)");
  }
  command->add_option("--format", flags->format, "table (default), json or csv");
  command->add_option("--limit", flags->query.limit, "at most this many, newest first");
  command->add_option("--offset", flags->query.offset, "skip this many newest first");
  command->add_option("--as", flags->as, "read as this stored user sees (default: everything)");
  command->callback([&, flags, kind] { exit_code = RunRead(context, *flags, kind); });
}

}  // namespace

void AddHistoryCommands(CLI::App& app, Context& context, int& exit_code) {
  auto* history = app.add_subcommand(
      "history", "the screenings and determinations on record (15 CFR 762), and their prune");
  history->require_subcommand(1);
  AddReadCommand(*history, context, exit_code, "screenings", "screenings on record, newest first",
                 history::Kind::kScreenings);
  AddReadCommand(*history, context, exit_code, "determinations",
                 "determinations on record, newest first", history::Kind::kDeterminations);
  auto flags = std::make_shared<PruneFlags>();
  auto* prune = history->add_subcommand(
      "prune", "delete records older than the retention (default 5 years, 15 CFR 762.6)");
  auto* years = prune->add_option("--retention-years", flags->retention_years,
                                  "keep this many years (default 5)");
  auto* older = prune->add_option("--older-than", flags->older_than,
                                  "delete what was recorded before this date (at least five "
                                  "years ago)");
  years->excludes(older);
  prune->add_option("--by", flags->by, "who prunes, for the audit log (default $USER)");
  prune->callback([&, flags] { exit_code = RunPrune(context, *flags); });
}

}  // namespace tollgate::cli

// `tollgate screen NAME ...` and `tollgate screen --batch IN.csv --out OUT.csv`.
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"
#include "screen_batch.h"
#include "screen_support.h"
#include "tollgate/forms/screening_json.h"
#include "tollgate/history/history.h"
#include "tollgate/screening/query_facts.h"

namespace tollgate::cli {
namespace {

struct ScreenArgs {
  std::string name;
  std::string country, type, as_of;
  std::string dob, nationality;
  std::vector<std::string> ids;
  double threshold = screening::kDefaultThreshold;
  std::size_t limit = screening::kDefaultLimit;
  bool json = false;
  std::string batch_in, batch_out;
  unsigned threads = 0;
};

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

void PrintHuman(const std::string& query, const std::vector<screening::Match>& matches, Date as_of,
                double threshold, const std::vector<storage::ListVersion>& searched) {
  if (searched.empty()) {
    std::cout << "nothing screened for \"" << query << "\": no list version is in force on "
              << as_of.ToString() << "\n";
    return;
  }
  std::cout << "lists searched: " << forms::ListsSearchedText(searched) << "\n";
  if (matches.empty()) {
    std::cout << "no match for \"" << query << "\" at or above " << threshold
              << " in the lists in force on " << as_of.ToString() << "\n";
    return;
  }
  std::cout << matches.size() << " match(es) for \"" << query << "\" on " << as_of.ToString()
            << " (threshold " << threshold << "):\n";
  for (const auto& m : matches) {
    const auto& e = *m.entry;
    std::cout << "\n  " << std::fixed << std::setprecision(3) << m.score << "  " << e.list << " "
              << e.entry_id << "  " << e.name << "\n";
    if (m.matched_alias) std::cout << "         matched alias: " << m.matched_name << "\n";
    if (!e.federal_register.empty())
      std::cout << "         Federal Register: " << Join(e.federal_register, "; ") << "\n";
    if (!e.license_requirement.empty())
      std::cout << "         license requirement: " << e.license_requirement << "\n";
    if (!e.license_policy.empty())
      std::cout << "         review policy: " << e.license_policy << "\n";
    if (e.start_date) std::cout << "         listed from: " << e.start_date->ToString() << "\n";
    std::cout << "         why: " << m.explanation << "\n";
  }
}

int RunScreen(const Context& context, const ScreenArgs& args) {
  auto as_of = DateFlag("--as-of", args.as_of);
  if (!as_of.ok()) return Fail(as_of.error());
  if (args.threshold < 0 || args.threshold > 1) {
    return Fail(MakeError(ErrorCode::kInvalidArgument, "--threshold must be between 0 and 1"));
  }
  if (auto s = history::CheckRecordable(args.name, "NAME"); !s.ok()) return Fail(s.error());
  screening::Query query;
  query.name = args.name;
  query.as_of = *as_of;
  query.threshold = args.threshold;
  query.limit = args.limit;
  if (!args.country.empty()) {
    auto country = ValidateCountryFlag(args.country);
    if (!country.ok()) return Fail(country.error());
    query.country = *country;
  }
  if (!args.type.empty()) {
    auto type = lists::ParseEntryType(args.type);
    if (!type) {
      return Fail(
          MakeError(ErrorCode::kInvalidArgument,
                    "--type '" + args.type + "': expected entity, individual, vessel or aircraft"));
    }
    query.type = *type;
  }
  if (auto facts = SetQueryFacts(args.dob, args.nationality, args.ids, query); !facts.ok()) {
    return Fail(facts.error());
  }
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  auto in_force = BuildIndexInForce(*store, *as_of);
  if (!in_force.ok()) return Fail(in_force.error());

  auto matches = in_force->index->Screen(query);
  // On record before it is answered (15 CFR 762.2(a)), a no-hit and a date with no list
  // in force too: the record is what shows an auditor what was searched.
  auto ids = history::RecordScreenings(
      *store, {history::ScreeningRecordOf(query, *as_of, in_force->versions, matches,
                                          {"operator", "", "cli"})});
  if (!ids.ok()) return Fail(ids.error());
  if (args.json) {
    auto out = forms::ScreenJson(*as_of, in_force->versions, matches, &args.name);
    out["record_id"] = ids->front();
    std::cout << out.dump(2) << "\n";
  } else {
    PrintHuman(args.name, matches, *as_of, args.threshold, in_force->versions);
  }
  if (in_force->versions.empty()) {
    std::cerr << "tollgate: warning: " << forms::NoListInForceMessage(*as_of) << "\n";
    return kExitNoListInForce;
  }
  return 0;
}

}  // namespace

void AddScreenCommand(CLI::App& app, Context& context, int& exit_code) {
  auto args = std::make_shared<ScreenArgs>();
  auto* screen = app.add_subcommand(
      "screen", "screen a name (or a CSV of names) against the lists in force on a date");
  screen->footer(
      "Exit status: 0 screened (matches or none); 10 nothing was screened, no list version is "
      "in force on the date; 2 bad input.");
  screen->add_option("name", args->name, "the party's name");
  screen->add_option("--country", args->country, "ISO 3166 alpha-2 code of the party");
  screen->add_option("--type", args->type, "entity, individual, vessel or aircraft");
  screen->add_option("--dob", args->dob,
                     "date or year of birth (1960-03-04 or 1960): agreeing raises the score, "
                     "contradicting takes it below the threshold unless the name is exact");
  screen->add_option("--nationality", args->nationality,
                     "nationality (ISO alpha-2 or name), compared with the entry's nationalities");
  screen->add_option("--id", args->ids,
                     "identifier TYPE:NUMBER or NUMBER (passport:A1234567, imo:9243801); "
                     "repeatable");
  screen->add_option("--as-of", args->as_of, "date of the transaction (default: today)");
  screen->add_option("--threshold", args->threshold, "minimum score, 0..1");
  screen->add_option("--limit", args->limit, "most matches to show");
  screen->add_flag("--json", args->json,
                   "JSON: {as_of, query, lists_searched, lists_in_force, warnings, matches (best "
                   "first)}");
  auto* batch = screen->add_option("--batch", args->batch_in,
                                   "CSV with a header: name (required), id, country, "
                                   "date_of_birth, nationality, identifier");
  auto* out = screen->add_option("--out", args->batch_out,
                                 "CSV to write: id,query,score,list,entry_id,name,matched_name,"
                                 "outcome,lists_searched (a row for every name)");
  screen->add_option("--threads", args->threads, "worker threads (default: every core)");
  batch->needs(out);
  out->needs(batch);
  screen->callback([&, args] {
    if (!args->batch_in.empty()) {
      if (!args->name.empty()) {
        exit_code =
            Fail(MakeError(ErrorCode::kInvalidArgument, "give either NAME or --batch, not both"));
        return;
      }
      BatchOptions options{args->batch_in, args->batch_out, args->threads, args->threshold,
                           args->as_of};
      exit_code = RunScreenBatch(context, options);
      return;
    }
    if (args->name.empty()) {
      exit_code = Fail(MakeError(ErrorCode::kInvalidArgument,
                                 "screen needs a NAME (or --batch IN.csv --out OUT.csv)"));
      return;
    }
    exit_code = RunScreen(context, *args);
  });
}

}  // namespace tollgate::cli

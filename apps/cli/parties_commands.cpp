// `tollgate parties import|list|show|remove`: an organization's party master
// (tollgate/parties/). Run with --as USER it acts as that user (only an applicant, on
// its own organization); without, as the operator who holds the database, on the
// organization --org names.
#include <iostream>
#include <optional>

#include "commands.h"
#include "master_support.h"
#include "tollgate/licensing/clock.h"
#include "tollgate/licensing/organization.h"
#include "tollgate/parties/access.h"
#include "tollgate/parties/import.h"
#include "tollgate/parties/party_file.h"
#include "tollgate/rules/locate.h"

namespace tollgate::cli {
namespace {

struct PartiesArgs {
  std::string org, as, file, external_id, as_of;
  bool json = false;
};

std::optional<Master> OpenMaster(const Context& context, const PartiesArgs& args, int& exit_code) {
  return cli::OpenMaster(context, args.org, args.as, exit_code);
}

std::string Outcome(const parties::Party& party) {
  const auto& s = party.screening;
  if (s.screened_at.empty()) return "not screened";
  if (s.lists.empty()) return "no list in force on " + s.as_of;
  if (s.hits == 0) return "no match (lists of " + s.as_of + ")";
  char score[16];
  std::snprintf(score, sizeof score, "%.2f", s.top_score);
  return std::to_string(s.hits) + " match(es), top score " + score + " (lists of " + s.as_of + ")";
}

void PrintParty(const parties::Party& p) {
  std::cout << "party " << p.external_id << " (" << p.organization << ", id " << p.id
            << ", revision " << p.revision << ")\n"
            << "  name:       " << p.name << "\n"
            << "  type:       " << lists::EntryTypeName(p.type) << "\n"
            << "  country:    " << p.country << "\n";
  for (const auto& a : p.aliases) std::cout << "  alias:      " << a << "\n";
  if (!p.address.empty()) std::cout << "  address:    " << p.address << "\n";
  if (!p.date_of_birth.empty()) std::cout << "  born:       " << p.date_of_birth << "\n";
  for (const auto& i : p.identifiers) {
    std::cout << "  identifier: " << i.type << " " << i.value << "\n";
  }
  std::cout << "  updated:    " << p.updated_at << " by " << p.updated_by << "\n"
            << "  screening:  " << Outcome(p) << "\n";
  for (const auto& m : p.screening.matches) {
    std::cout << "    " << m.value("list", "") << " " << m.value("entry_id", "") << ": "
              << m.value("entry_name", "") << " (score " << m.value("score", 0.0) << ", "
              << m.value("effect", "") << ")\n";
  }
}

int RunImport(const Context& context, const PartiesArgs& args) {
  // The whole file is read and checked before the database is opened: a malformed
  // file stores nothing.
  auto parsed = parties::ReadPartiesFile(args.file);
  if (!parsed.ok()) return Fail(parsed.error());
  auto as_of = DateFlag("--as-of", args.as_of);
  if (!as_of.ok()) return Fail(as_of.error());
  auto rules = rules::LoadRulesAt("");
  if (!rules.ok()) return Fail(rules.error());
  int code = 0;
  auto master = OpenMaster(context, args, code);
  if (!master) return code;
  rules::Engine engine(*rules, *master->store);
  const std::size_t total = parsed->size();
  parties::Progress progress = [total](std::size_t done, std::size_t to_screen) {
    if (total >= 1000) std::cerr << "screened " << done << " of " << to_screen << " parties\n";
  };
  licensing::SystemClock clock;
  auto summary =
      parties::ImportParties(*master->store, engine, master->organization,
                             std::move(parsed).value(), {master->actor, clock.Timestamp()}, *as_of,
                             progress, (*rules)->list_rules.screening().review_threshold);
  if (!summary.ok()) return Fail(summary.error());
  if (summary->lists.empty() && summary->added + summary->changed > 0) {
    std::cerr << "warning: no list in force on " << as_of->ToString()
              << ": the parties were stored without being screened against any list\n";
  }
  if (args.json) {
    nlohmann::json with_hits = nlohmann::json::array();
    for (const auto& p : summary->with_hits) with_hits.push_back(parties::ToJson(p));
    std::cout << nlohmann::json{{"organization", master->organization},
                                {"added", summary->added},
                                {"changed", summary->changed},
                                {"unchanged", summary->unchanged},
                                {"lists_searched", summary->lists},
                                {"with_hits", with_hits}}
                     .dump(2)
              << "\n";
    return 0;
  }
  std::cout << args.file << ": " << summary->added << " added, " << summary->changed << " changed, "
            << summary->unchanged << " unchanged; " << summary->with_hits.size()
            << " with a match\n";
  for (const auto& p : summary->with_hits) {
    std::cout << "  " << p.external_id << "  " << p.name << ": " << Outcome(p) << "\n";
  }
  return 0;
}

int RunList(const Context& context, const PartiesArgs& args) {
  int code = 0;
  auto master = OpenMaster(context, args, code);
  if (!master) return code;
  auto found = master->store->ListParties(master->organization);
  if (!found.ok()) return Fail(found.error());
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : *found) out.push_back(parties::ToJson(p));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (found->empty()) std::cout << "no parties in " << master->organization << "'s master\n";
  for (const auto& p : *found) {
    std::cout << p.external_id << "  " << p.name << "  " << p.country << "  "
              << lists::EntryTypeName(p.type) << "  rev " << p.revision << "  " << Outcome(p)
              << "\n";
  }
  return 0;
}

int RunShow(const Context& context, const PartiesArgs& args) {
  int code = 0;
  auto master = OpenMaster(context, args, code);
  if (!master) return code;
  auto party = master->store->GetParty(master->organization, args.external_id);
  if (!party.ok()) return Fail(party.error());
  if (args.json) {
    std::cout << parties::ToJson(*party).dump(2) << "\n";
  } else {
    PrintParty(*party);
  }
  return 0;
}

int RunRemove(const Context& context, const PartiesArgs& args) {
  int code = 0;
  auto master = OpenMaster(context, args, code);
  if (!master) return code;
  licensing::SystemClock clock;
  if (auto s = master->store->RemoveParty(master->organization, args.external_id,
                                          {master->actor, clock.Timestamp()});
      !s.ok()) {
    return Fail(s.error());
  }
  std::cout << "removed party " << args.external_id << " from " << master->organization << "\n";
  return 0;
}

void AddMasterFlags(CLI::App& command, PartiesArgs& args) {
  command.add_option("--org", args.org, "the organization whose party master (an applicant's own)");
  command.add_option("--as", args.as, "act as this stored user (an applicant of the organization)");
  command.add_flag("--json", args.json, "print JSON");
}

}  // namespace

void AddPartiesCommands(CLI::App& app, Context& context, int& exit_code) {
  auto* parties = app.add_subcommand("parties", "an organization's party master, screened");
  parties->require_subcommand(1);
  auto args = std::make_shared<PartiesArgs>();

  auto* import = parties->add_subcommand(
      "import", "add or change parties from a CSV or JSON file (upsert by external id)");
  import->add_option("file", args->file, "CSV (header row) or JSON file")->required();
  import->add_option("--as-of", args->as_of, "screen against the lists in force on this date");
  AddMasterFlags(*import, *args);
  import->callback([&context, &exit_code, args] { exit_code = RunImport(context, *args);
});

auto* list = parties->add_subcommand("list", "the organization's parties");
AddMasterFlags(*list, *args);
list->callback([&context, &exit_code, args] { exit_code = RunList(context, *args); });

auto* show = parties->add_subcommand("show", "one party with its latest screening");
show->add_option("external_id", args->external_id, "the party's external id")->required();
AddMasterFlags(*show, *args);
show->callback([&context, &exit_code, args] { exit_code = RunShow(context, *args); });

auto* remove = parties->add_subcommand("remove", "remove a party from the master");
remove->add_option("external_id", args->external_id, "the party's external id")->required();
AddMasterFlags(*remove, *args);
remove->callback([&context, &exit_code, args] { exit_code = RunRemove(context, *args); });
}  // namespace tollgate::cli

}  // namespace tollgate::cli

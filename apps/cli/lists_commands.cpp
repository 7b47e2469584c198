// `tollgate lists import|status|diff`: list versions in the store.
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "screening_support.h"
#include "tollgate/forms/lists_json.h"
#include "tollgate/licensing/list_change.h"
#include "tollgate/lists/diff_versions.h"
#include "tollgate/lists/import.h"

namespace tollgate::cli {
namespace {

// Short names users type for a feed (`lists diff SDN`).
std::string ResolveFeedName(const std::string& name) {
  static const std::map<std::string, std::string> kAliases = {
      {"SDN", "ofac-sdn"},  {"CONS", "ofac-cons"}, {"UN", "un"},  {"DPL", "bis-dpl"},
      {"ISN", "state-isn"}, {"DTC", "state-dtc"},  {"CSL", "csl"}};
  std::string upper;
  for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto it = kAliases.find(upper);
  return it == kAliases.end() ? name : it->second;
}

int RunImport(const Context& context, const std::string& path, const std::string& format_name,
              const std::string& as_of_text, bool primary_only) {
  lists::ImportOptions options;
  options.primary_only = primary_only;
  if (!format_name.empty()) {
    auto format = lists::ParseFormat(format_name);
    if (!format.ok()) return Fail(format.error());
    options.format = *format;
  }
  if (!as_of_text.empty()) {
    auto as_of = DateFlag("--as-of", as_of_text);
    if (!as_of.ok()) return Fail(as_of.error());
    options.as_of = *as_of;
  }
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  // The import and the re-screening of the open applications it causes: one transaction.
  auto report = licensing::ImportAndRescreen(*store, path, options, CliRules());
  if (!report.ok()) return Fail(report.error());
  for (const auto& w : report->warnings) std::cerr << "tollgate: warning: " << w << "\n";
  const auto& v = report->version;
  if (report->unchanged) {
    std::cout << path << ": identical to version " << v.id << " of " << v.feed << " (in force from "
              << v.as_of.ToString() << "); nothing stored\n";
  } else {
    std::cout << "imported " << path << " as version " << v.id << " of " << v.feed << " ("
              << v.format << "): " << v.entry_count << " entries, in force from "
              << v.as_of.ToString() << "\n";
    PrintNewMatches(report->new_matches);
    PrintAlertChanges(*report);
  }
  return 0;
}

int RunStatus(const Context& context, const std::string& as_of_text, bool json) {
  auto as_of = DateFlag("--as-of", as_of_text);
  if (!as_of.ok()) return Fail(as_of.error());
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  auto versions = store->ListVersions();
  if (!versions.ok()) return Fail(versions.error());
  auto in_force = lists::VersionsInForce(*store, *as_of);
  if (!in_force.ok()) return Fail(in_force.error());
  auto entries = lists::EntriesInForce(*store, *as_of);
  if (!entries.ok()) return Fail(entries.error());
  std::map<std::string, int> by_list;
  for (const auto& e : *entries) ++by_list[e.list];

  if (json) {
    nlohmann::json out = {{"as_of", as_of->ToString()},
                          {"versions", nlohmann::json::array()},
                          {"in_force", nlohmann::json::array()},
                          {"entries_in_force_by_list", by_list}};
    for (const auto& v : *versions) out["versions"].push_back(forms::VersionJson(v));
    for (const auto& v : *in_force) out["in_force"].push_back(v.id);
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (versions->empty()) {
    std::cout << "no lists imported yet: try `tollgate lists import FILE`\n";
    return 0;
  }
  std::cout << std::left << std::setw(4) << "id" << std::setw(11) << "feed" << std::setw(11)
            << "as of" << std::setw(9) << "entries" << std::setw(22) << "imported"
            << "file\n";
  for (const auto& v : *versions) {
    bool current = false;
    for (const auto& f : *in_force) current = current || f.id == v.id;
    std::cout << std::setw(4) << v.id << std::setw(11) << v.feed << std::setw(11)
              << v.as_of.ToString() << std::setw(9) << v.entry_count << std::setw(22)
              << v.imported_at << v.file_name << (current ? "  (in force)" : "") << "\n";
  }
  std::cout << "\nentries in force on " << as_of->ToString() << ":";
  for (const auto& [list, n] : by_list) std::cout << " " << list << " " << n << ";";
  std::cout << " total " << entries->size() << "\n";
  return 0;
}

int RunDiff(const Context& context, const std::string& source, std::int64_t from_id,
            std::int64_t to_id, bool json) {
  const std::string feed = ResolveFeedName(source);
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  std::optional<lists::DiffArgument> wrong;
  auto found = lists::DiffVersions(*store, feed, from_id, to_id, &wrong);
  if (!found.ok()) {
    Error error = found.error();
    if (wrong == lists::DiffArgument::kSource) {
      error.message += " (see `tollgate lists status`)";
    }
    return Fail(error);
  }
  const auto* from = &found->from;
  const auto* to = &found->to;
  const auto& diff = found->diff;

  if (json) {
    std::cout << forms::DiffJson(feed, *from, *to, diff).dump(2) << "\n";
    return 0;
  }
  std::cout << feed << ": version " << from->id << " (" << from->as_of.ToString() << ", "
            << from->file_name << ") -> version " << to->id << " (" << to->as_of.ToString() << ", "
            << to->file_name << ")\n";
  for (const auto& e : diff.added)
    std::cout << "+ " << e.list << " " << e.entry_id << "  " << e.name << "\n";
  for (const auto& e : diff.removed)
    std::cout << "- " << e.list << " " << e.entry_id << "  " << e.name << "\n";
  for (const auto& c : diff.changed) {
    std::cout << "~ " << c.after.list << " " << c.after.entry_id << "  " << c.after.name << "  (";
    for (std::size_t i = 0; i < c.fields.size(); ++i) std::cout << (i ? ", " : "") << c.fields[i];
    std::cout << ")\n";
  }
  std::cout << diff.added.size() << " added, " << diff.removed.size() << " removed, "
            << diff.changed.size() << " changed\n";
  return 0;
}

}  // namespace

void AddListsCommands(CLI::App& app, Context& context, int& exit_code) {
  auto* lists =
      app.add_subcommand("lists", "restricted-list versions: import, status, diff, update");
  lists->require_subcommand(1);

  struct ImportArgs {
    std::string path, format, as_of;
    bool primary_only = false;
  };
  auto import_args = std::make_shared<ImportArgs>();
  auto* import_cmd =
      lists->add_subcommand("import", "validate a list file and store it as a new version");
  import_cmd->add_option("path", import_args->path, "the list file")->required();
  import_cmd->add_option("--format", import_args->format,
                         "csl-csv, csl-json, ofac-sdn, ofac-cons, un-xml, bis-dpl, state-isn, "
                         "state-dtc (default: detected from the content)");
  import_cmd->add_option(
      "--as-of", import_args->as_of,
      "date the version is in force from (default: the file's own date, else today)");
  import_cmd->add_flag("--primary-only", import_args->primary_only,
                       "store an OFAC sdn.csv or cons_prim.csv without its alt and add files "
                       "beside it (aliases from the remarks only, no addresses)");
  import_cmd->callback([&, import_args] {
    exit_code = RunImport(context, import_args->path, import_args->format, import_args->as_of,
                          import_args->primary_only);
  });

  struct StatusArgs {
    std::string as_of;
    bool json = false;
  };
  auto status_args = std::make_shared<StatusArgs>();
  auto* status = lists->add_subcommand("status", "versions stored, and what is in force on a date");
  status->add_option("--as-of", status_args->as_of, "date (default: today)");
  status->add_flag("--json", status_args->json, "machine-readable output");
  status->callback(
      [&, status_args] { exit_code = RunStatus(context, status_args->as_of, status_args->json); });

  struct DiffArgs {
    std::string source;
    std::int64_t from = 0, to = 0;
    bool json = false;
  };
  auto diff_args = std::make_shared<DiffArgs>();
  auto* diff =
      lists->add_subcommand("diff", "entries added, removed and changed between two versions");
  diff->add_option("source", diff_args->source,
                   "feed: csl, ofac-sdn, ofac-cons, un, bis-dpl, state-isn, state-dtc "
                   "(or SDN, UN, DPL, ISN, DTC, CSL)")
      ->required();
  diff->add_option("--from", diff_args->from, "version id (default: the one before --to)");
  diff->add_option("--to", diff_args->to, "version id (default: the latest)");
  diff->add_flag("--json", diff_args->json, "machine-readable output");
  diff->callback([&, diff_args] {
    exit_code =
        RunDiff(context, diff_args->source, diff_args->from, diff_args->to, diff_args->json);
  });

  AddListsUpdateCommand(*lists, context, exit_code);
}

}  // namespace tollgate::cli

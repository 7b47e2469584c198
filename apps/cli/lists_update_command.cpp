// `tollgate lists update`: download the official files and import what changed.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "screening_support.h"
#include "tollgate/licensing/list_change.h"
#include "tollgate/lists/update.h"

namespace tollgate::cli {
namespace {

struct UpdateArgs {
  std::string sources;
  std::string as_of;
  bool json = false;
};

std::string Megabytes(std::int64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

int RunUpdate(const Context& context, const UpdateArgs& args) {
  std::optional<std::filesystem::path> flag;
  if (!args.sources.empty()) flag = args.sources;
  auto path = lists::ResolveSourcesPath(flag);
  if (!path.ok()) return Fail(path.error());
  auto sources = lists::LoadSources(*path);
  if (!sources.ok()) return Fail(sources.error());

  lists::UpdateOptions options;
  if (!args.as_of.empty()) {
    auto as_of = DateFlag("--as-of", args.as_of);
    if (!as_of.ok()) return Fail(as_of.error());
    options.as_of = *as_of;
  }
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;

  // Progress only on a terminal: a log file should get the per-source lines alone.
  const bool terminal = isatty(STDERR_FILENO) != 0;
  if (terminal) {
    options.on_progress = [](const lists::DownloadProgress& p) {
      std::fprintf(stderr, "\r%.*s: file %zu/%zu, %s%s%s   ", static_cast<int>(p.source.size()),
                   p.source.data(), p.file_index + 1, p.file_count,
                   Megabytes(p.bytes_so_far).c_str(), p.bytes_total ? " of " : "",
                   p.bytes_total ? Megabytes(*p.bytes_total).c_str() : "");
    };
  }
  options.on_source_done = [terminal, json = args.json](const lists::SourceReport& r) {
    if (terminal) std::fprintf(stderr, "\r\033[K");
    if (json) return;
    std::cerr << r.source << ": " << lists::SourceOutcomeName(r.outcome);
    if (r.version) {
      std::cerr << " (version " << r.version->id << " of " << r.feed << ", "
                << r.version->entry_count << " entries, " << Megabytes(r.downloaded_bytes) << ")";
    }
    if (r.error) std::cerr << ": " << r.error->message;
    std::cerr << "\n";
    for (const auto& w : r.warnings) std::cerr << "  warning: " << w << "\n";
  };

  // Each source's import and the re-screening it causes: one transaction per source.
  auto report = licensing::UpdateAndRescreen(*store, *sources, options, CliRules());
  if (!report.ok()) return Fail(report.error());
  if (args.json) std::cout << lists::ToJson(*report).dump(2) << "\n";
  std::size_t new_matches = 0;
  for (const auto& r : report->sources) new_matches += r.new_matches;
  PrintNewMatches(new_matches);
  const auto failed = report->CountOf(lists::SourceOutcome::kFailed);
  std::cerr << report->CountOf(lists::SourceOutcome::kImported) << " imported, "
            << report->CountOf(lists::SourceOutcome::kUnchanged) << " unchanged, " << failed
            << " failed\n";
  if (failed == 0) return 0;
  for (const auto& r : report->sources) {
    if (r.error) return ExitCodeFor(r.error->code);
  }
  return ExitCodeFor(ErrorCode::kIoError);
}

}  // namespace

void AddListsUpdateCommand(CLI::App& lists, Context& context, int& exit_code) {
  auto args = std::make_shared<UpdateArgs>();
  auto* update = lists.add_subcommand(
      "update", "download the official list files and import those that changed");
  update->add_option("--sources", args->sources,
                     "sources file (default: $TOLLGATE_SOURCES, else data/sources.json)");
  update->add_option("--as-of", args->as_of, "date the new versions are in force from");
  update->add_flag("--json", args->json, "machine-readable report");
  update->callback([&, args] { exit_code = RunUpdate(context, *args); });
}

}  // namespace tollgate::cli

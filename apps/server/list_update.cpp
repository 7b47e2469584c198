#include "list_update.h"

#include <filesystem>
#include <optional>

#include "tollgate/licensing/list_change.h"

namespace tollgate::server {

Result<lists::UpdateReport> UpdateListsNow(ServerState& state, storage::Store& store,
                                           const std::string& actor) {
  std::optional<std::filesystem::path> given;
  if (!state.options().sources_file.empty()) given = state.options().sources_file;
  auto path = lists::ResolveSourcesPath(given);
  if (!path.ok()) return path.error();
  auto sources = lists::LoadSources(*path);
  if (!sources.ok()) return sources.error();
  lists::UpdateOptions options;
  options.actor = actor;
  auto report = licensing::UpdateAndRescreen(store, *sources, options, state.rules_loader(),
                                             &state.party_index());
  if (!report.ok()) return report.error();
  if (auto s = state.ListsChanged(store); !s.ok()) return s.error();
  return report;
}

}  // namespace tollgate::server

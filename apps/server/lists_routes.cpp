// List versions over HTTP: status and diff (any user), import and update (admin), in
// the JSON of `tollgate lists status|diff|update --json`. An import is written to a
// private temporary folder under a name the server chooses (only the extension of
// the given name is kept), read and validated whole, then stored in one transaction.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "../cli/lists_support.h"
#include "routes.h"
#include "tollgate/licensing/list_change.h"
#include "tollgate/lists/diff.h"
#include "tollgate/lists/import.h"
#include "tollgate/lists/update.h"

namespace tollgate::server {
namespace {

using licensing::Role;

std::optional<ApiError> OptionalDate(const ApiRequest& request, const char* name,
                                     std::optional<Date>& out) {
  const std::string text = Query(request, name);
  if (text.empty()) return std::nullopt;
  auto date = Date::Parse(text);
  if (!date.ok()) return Invalid(name, date.error().message);
  out = *date;
  return std::nullopt;
}

ApiResponse Status(ServerState& state, storage::Store& store, const Caller*,
                   const ApiRequest& request) {
  std::optional<Date> as_of;
  if (auto e = OptionalDate(request, "as_of", as_of)) return ErrorResponse(*e);
  const Date date = as_of.value_or(state.clock().Today());
  auto versions = store.ListVersions();
  if (!versions.ok()) return ErrorResponse(FromError(versions.error()));
  auto entries = lists::EntriesInForce(store, date);
  if (!entries.ok()) return ErrorResponse(FromError(entries.error()));
  std::map<std::string, int> by_list;
  for (const auto& e : *entries) ++by_list[e.list];
  nlohmann::json out = {{"as_of", date.ToString()},
                        {"versions", nlohmann::json::array()},
                        {"in_force", nlohmann::json::array()},
                        {"entries_in_force_by_list", by_list}};
  for (const auto& v : *versions) out["versions"].push_back(cli::VersionJson(v));
  for (const auto& v : lists::SelectInForce(*versions, date)) out["in_force"].push_back(v.id);
  return Json(out);
}

std::optional<ApiError> IdParam(const ApiRequest& request, const char* name, std::int64_t& out) {
  const std::string text = Query(request, name);
  if (text.empty()) return std::nullopt;
  try {
    std::size_t used = 0;
    out = std::stoll(text, &used);
    if (used != text.size() || out < 1) throw std::invalid_argument(text);
  } catch (const std::exception&) {
    return Invalid(name, "expected a version id (a positive integer)");
  }
  return std::nullopt;
}

ApiResponse Diff(ServerState&, storage::Store& store, const Caller*, const ApiRequest& request) {
  const std::string feed = Query(request, "source");
  if (feed.empty()) return ErrorResponse(Invalid("source", "required: a feed, e.g. ofac-sdn"));
  std::int64_t from_id = 0, to_id = 0;
  if (auto e = IdParam(request, "from", from_id)) return ErrorResponse(*e);
  if (auto e = IdParam(request, "to", to_id)) return ErrorResponse(*e);
  auto versions = store.ListVersions(feed);
  if (!versions.ok()) return ErrorResponse(FromError(versions.error()));
  if (versions->size() < 2 && (from_id == 0 || to_id == 0)) {
    return ErrorResponse(
        FromError(MakeError(ErrorCode::kNotFound, "feed '" + feed + "' has " +
                                                      std::to_string(versions->size()) +
                                                      " version(s); a diff needs two"),
                  "source"));
  }
  if (to_id == 0) to_id = versions->back().id;
  if (from_id == 0) {
    for (const auto& v : *versions) {
      if (v.id < to_id) from_id = v.id;
    }
  }
  const storage::ListVersion* from = nullptr;
  const storage::ListVersion* to = nullptr;
  for (const auto& v : *versions) {
    if (v.id == from_id) from = &v;
    if (v.id == to_id) to = &v;
  }
  if (from == nullptr || to == nullptr) {
    return ErrorResponse(FromError(
        MakeError(ErrorCode::kNotFound, "version " + std::to_string(from ? to_id : from_id) +
                                            " is not a version of " + feed),
        from ? "to" : "from"));
  }
  auto before = store.LoadEntries(from->id);
  if (!before.ok()) return ErrorResponse(FromError(before.error()));
  auto after = store.LoadEntries(to->id);
  if (!after.ok()) return ErrorResponse(FromError(after.error()));
  auto diff = lists::DiffEntries(*before, *after);
  return Json(cli::DiffJson(feed, *from, *to, diff));
}

// A private folder removed with everything in it when the import is done.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "tollgate-upload-XXXXXX");
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Only a plain extension of the client's file name is kept ("entity.csv" -> ".csv"):
// the name never becomes a path, so "../../etc/passwd" cannot name a file.
std::string SafeExtension(const std::string& name) {
  const auto dot = name.rfind('.');
  if (dot == std::string::npos) return "";
  std::string ext = name.substr(dot);
  if (ext.size() > 8) return "";
  for (std::size_t i = 1; i < ext.size(); ++i) {
    const char c = ext[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return "";
  }
  return ext;
}

ApiResponse Import(ServerState& state, storage::Store& store, const Caller* caller,
                   const ApiRequest& request) {
  if (auto denied = RequireRole(*caller, {Role::kAdmin})) return ErrorResponse(*denied);
  lists::ImportOptions options;
  if (const std::string format = Query(request, "format"); !format.empty()) {
    auto parsed = lists::ParseFormat(format);
    if (!parsed.ok()) return ErrorResponse(FromError(parsed.error(), "format"));
    options.format = *parsed;
  }
  if (auto e = OptionalDate(request, "as_of", options.as_of)) return ErrorResponse(*e);
  if (request.body.empty()) return ErrorResponse(Invalid("body", "the list file is empty"));
  TempDir dir;
  if (dir.path().empty()) {
    return ErrorResponse(FromError(MakeError(ErrorCode::kIoError, "no temporary folder")));
  }
  const auto path = dir.path() / ("upload" + SafeExtension(Query(request, "name")));
  {
    std::ofstream out(path, std::ios::binary);
    out << request.body;
    if (!out.flush()) {
      return ErrorResponse(FromError(MakeError(ErrorCode::kIoError, "cannot write the upload")));
    }
  }
  options.actor = licensing::Describe(licensing::ActorFor(caller->user));
  // The import and the re-screening of the open applications: one transaction.
  auto report = licensing::ImportAndRescreen(store, path, options, state.rules_loader());
  if (!report.ok()) {
    // The reader names the file by its temporary path; the client knows it as "body".
    Error error = report.error();
    for (std::size_t at; (at = error.message.find(path.string())) != std::string::npos;) {
      error.message.replace(at, path.string().size(), "body");
    }
    return ErrorResponse(FromError(error));
  }
  if (auto s = state.ListsChanged(store); !s.ok()) return ErrorResponse(FromError(s.error()));
  return Json({{"version", cli::VersionJson(report->version)},
               {"unchanged", report->unchanged},
               {"warnings", report->warnings},
               {"new_matches", report->new_matches}},
              report->unchanged ? 200 : 201);
}

ApiResponse Update(ServerState& state, storage::Store& store, const Caller* caller,
                   const ApiRequest&) {
  if (auto denied = RequireRole(*caller, {Role::kAdmin})) return ErrorResponse(*denied);
  auto path = lists::ResolveSourcesPath();
  if (!path.ok()) return ErrorResponse(FromError(path.error()));
  auto sources = lists::LoadSources(*path);
  if (!sources.ok()) return ErrorResponse(FromError(sources.error()));
  lists::UpdateOptions options;
  options.actor = licensing::Describe(licensing::ActorFor(caller->user));
  auto report = licensing::UpdateAndRescreen(store, *sources, options, state.rules_loader());
  if (!report.ok()) return ErrorResponse(FromError(report.error()));
  if (auto s = state.ListsChanged(store); !s.ok()) return ErrorResponse(FromError(s.error()));
  return Json(lists::ToJson(*report));
}

}  // namespace

void AddListsRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/lists/status", Access::kUser, Status});
  routes.push_back({"GET", "/api/lists/diff", Access::kUser, Diff});
  routes.push_back({"POST", "/api/lists/import", Access::kUser, Import, /*upload=*/true});
  routes.push_back({"POST", "/api/lists/update", Access::kUser, Update});
}

}  // namespace tollgate::server

// List versions over HTTP: status and diff (any user), import and update (admin), in
// the JSON of `tollgate lists status|diff|update --json`. An import (a raw body of any
// content type, or multipart parts: an OFAC set's three files) is written to a private
// temporary folder (lists/upload.h), read and validated whole, then stored in one
// transaction; the version keeps the client's file name, and no message names the folder.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "list_update.h"
#include "routes.h"
#include "tollgate/forms/lists_json.h"
#include "tollgate/licensing/list_change.h"
#include "tollgate/lists/diff_versions.h"
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
  for (const auto& v : *versions) out["versions"].push_back(forms::VersionJson(v));
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
  std::optional<lists::DiffArgument> wrong;
  auto found = lists::DiffVersions(store, feed, from_id, to_id, &wrong);
  if (!found.ok()) {
    return ErrorResponse(FromError(found.error(), wrong ? lists::DiffArgumentName(*wrong) : ""));
  }
  return Json(forms::DiffJson(feed, found->from, found->to, found->diff));
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

// The settings of an import, from the query or, in a multipart request, from its text
// parts (`curl -F as_of=2024-05-01`): a part without a file name and one of these names.
bool IsSetting(const lists::UploadedFile& part) {
  return part.name.empty() && (part.field == "as_of" || part.field == "format" ||
                               part.field == "name" || part.field == "primary_only");
}

std::string Setting(const ApiRequest& request, const std::string& name) {
  for (const auto& part : request.parts) {
    if (IsSetting(part) && part.field == name) return part.bytes;
  }
  return Query(request, name);
}

// What is wrong with the files sent is the body's fault; anything else is no field's.
std::string FileField(const Error& error) {
  const bool input = error.code == ErrorCode::kParseError ||
                     error.code == ErrorCode::kInvalidArgument || error.code == ErrorCode::kRefused;
  return input ? "body" : "";
}

ApiResponse Import(ServerState& state, storage::Store& store, const Caller* caller,
                   const ApiRequest& request) {
  if (auto denied = RequireRole(*caller, {Role::kAdmin})) return ErrorResponse(*denied);
  lists::ImportOptions options;
  if (const std::string format = Setting(request, "format"); !format.empty()) {
    auto parsed = lists::ParseFormat(format);
    if (!parsed.ok()) return ErrorResponse(FromError(parsed.error(), "format"));
    options.format = *parsed;
  }
  if (const std::string as_of = Setting(request, "as_of"); !as_of.empty()) {
    auto date = Date::Parse(as_of);
    if (!date.ok()) return ErrorResponse(Invalid("as_of", date.error().message));
    options.as_of = *date;
  }
  if (const std::string flag = Setting(request, "primary_only"); !flag.empty()) {
    if (flag != "true" && flag != "false") {
      return ErrorResponse(Invalid("primary_only", "expected true or false"));
    }
    options.primary_only = flag == "true";
  }
  // Any content type is a raw file (curl's -d and --data-binary say
  // application/x-www-form-urlencoded); multipart/form-data carries one or more files.
  std::vector<lists::UploadedFile> files;
  if (request.multipart) {
    for (const auto& part : request.parts) {
      if (!IsSetting(part)) files.push_back(part);
    }
  } else if (!request.body.empty()) {
    files.push_back({"", Query(request, "name"), request.body});
  }
  if (files.empty()) {
    return ErrorResponse(Invalid("body", request.multipart
                                             ? "no file part: send the list as a part named file"
                                             : "the list file is empty"));
  }
  TempDir dir;
  if (dir.path().empty()) {
    return ErrorResponse(FromError(MakeError(ErrorCode::kIoError, "no temporary folder")));
  }
  auto staged = lists::StageUpload(dir.path(), files, options.format);
  if (!staged.ok()) {
    Error error = staged.error();
    error.message = lists::ClientText({}, dir.path(), error.message);
    return ErrorResponse(FromError(error, FileField(error)));
  }
  options.file_name = staged->file_name;
  options.actor = licensing::Describe(licensing::ActorFor(caller->user));
  // The import and the re-screening of the open applications: one transaction.
  auto report = licensing::ImportAndRescreen(store, staged->primary, options, state.rules_loader(),
                                             &state.party_index());
  if (!report.ok()) {
    // The reader names the files by their staged paths; the client knows its own names.
    Error error = report.error();
    error.message = lists::ClientText(*staged, dir.path(), error.message);
    return ErrorResponse(FromError(error, FileField(error)));
  }
  if (auto s = state.ListsChanged(store); !s.ok()) return ErrorResponse(FromError(s.error()));
  nlohmann::json warnings = nlohmann::json::array();
  for (const auto& w : report->warnings) {
    warnings.push_back(lists::ClientText(*staged, dir.path(), w));
  }
  return Json({{"version", forms::VersionJson(report->version)},
               {"unchanged", report->unchanged},
               {"warnings", warnings},
               {"new_matches", report->new_matches},
               {"alerts",
                {{"opened", report->alerts_opened},
                 {"reopened", report->alerts_reopened},
                 {"closed", report->alerts_closed}}}},
              report->unchanged ? 200 : 201);
}

ApiResponse Update(ServerState& state, storage::Store& store, const Caller* caller,
                   const ApiRequest&) {
  if (auto denied = RequireRole(*caller, {Role::kAdmin})) return ErrorResponse(*denied);
  auto report =
      UpdateListsNow(state, store, licensing::Describe(licensing::ActorFor(caller->user)));
  if (!report.ok()) return ErrorResponse(FromError(report.error()));
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

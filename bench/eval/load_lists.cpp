// Loads every list file of shared/data/lists with the project's own readers. OFAC's
// companion files (alt, add) are read together with their primary file, so a file
// that another file's reader consumed is not loaded again on its own.
#include <algorithm>
#include <set>

#include "eval_data.h"
#include "tollgate/lists/format.h"

namespace tollgate::eval {

std::vector<lists::ListEntry> LoadAllLists(const std::filesystem::path& lists_dir,
                                           std::vector<std::string>& problems) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(lists_dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) {
    problems.push_back(lists_dir.string() + ": " + ec.message());
    return {};
  }
  std::sort(files.begin(), files.end());
  std::vector<lists::ParsedList> parsed;
  std::vector<std::filesystem::path> parsed_files;
  std::set<std::filesystem::path> companions;
  std::vector<std::pair<std::filesystem::path, std::string>> failures;
  for (const auto& file : files) {
    auto result = lists::ReadListFile(file);
    if (!result.ok()) {
      failures.emplace_back(file, result.error().message);
      continue;
    }
    for (const auto& read : result->files_read) {
      if (std::filesystem::weakly_canonical(read) != std::filesystem::weakly_canonical(file)) {
        companions.insert(std::filesystem::weakly_canonical(read));
      }
    }
    parsed_files.push_back(file);
    parsed.push_back(std::move(result).value());
  }
  for (const auto& [file, message] : failures) {
    // A companion file is not a list on its own; its primary file read it.
    if (companions.count(std::filesystem::weakly_canonical(file))) continue;
    problems.push_back(file.filename().string() + ": " + message);
  }
  std::vector<lists::ListEntry> entries;
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    if (companions.count(std::filesystem::weakly_canonical(parsed_files[i]))) continue;
    for (auto& entry : parsed[i].entries) entries.push_back(std::move(entry));
  }
  return entries;
}

std::vector<ListedName> ListedNames(const std::vector<lists::ListEntry>& entries) {
  std::vector<ListedName> names;
  for (std::size_t e = 0; e < entries.size(); ++e) {
    names.push_back({entries[e].name, e});
    for (const auto& alias : entries[e].aliases) names.push_back({alias.name, e});
  }
  return names;
}

}  // namespace tollgate::eval

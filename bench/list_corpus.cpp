#include "list_corpus.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "tollgate/lists/format.h"

namespace tollgate::bench {

Result<ListCorpus> LoadListCorpus(const std::filesystem::path& directory) {
  std::error_code error;
  std::vector<std::filesystem::path> paths;
  for (const auto& item : std::filesystem::directory_iterator(directory, error)) {
    if (item.is_regular_file()) paths.push_back(item.path());
  }
  if (error) {
    return MakeError(ErrorCode::kIoError, directory.string() + ": " + error.message());
  }
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) {
    return MakeError(ErrorCode::kNotFound, directory.string() + ": no list files");
  }

  // Read everything first: only then is it known which files were companions.
  std::map<std::filesystem::path, Result<lists::ParsedList>> parsed;
  std::map<std::filesystem::path, std::filesystem::path> companion_of;
  for (const auto& path : paths) {
    Result<lists::ParsedList> list = lists::ReadListFile(path);
    if (list.ok()) {
      for (const auto& used : list->files_read) {
        const auto used_path = std::filesystem::weakly_canonical(used);
        if (used_path != std::filesystem::weakly_canonical(path)) {
          companion_of.emplace(used_path, path);
        }
      }
    }
    parsed.emplace(path, std::move(list));
  }

  ListCorpus corpus;
  for (const auto& path : paths) {
    Result<lists::ParsedList>& list = parsed.at(path);
    const auto companion = companion_of.find(std::filesystem::weakly_canonical(path));
    if (companion != companion_of.end()) {
      corpus.files.push_back(
          {path.filename().string(), "companion of " + companion->second.filename().string(), 0});
      continue;
    }
    if (!list.ok()) return list.error();
    corpus.files.push_back(
        {path.filename().string(), lists::FormatName(list->format), list->entries.size()});
    std::move(list->entries.begin(), list->entries.end(), std::back_inserter(corpus.entries));
  }
  return corpus;
}

}  // namespace tollgate::bench

#include "tollgate/lists/diff_versions.h"

namespace tollgate::lists {
namespace {

Error Wrong(DiffArgument argument, std::optional<DiffArgument>* wrong, std::string message) {
  if (wrong != nullptr) *wrong = argument;
  return MakeError(ErrorCode::kNotFound, std::move(message));
}

}  // namespace

const char* DiffArgumentName(DiffArgument argument) {
  switch (argument) {
    case DiffArgument::kSource:
      return "source";
    case DiffArgument::kFrom:
      return "from";
    case DiffArgument::kTo:
      return "to";
  }
  return "source";
}

Result<DiffPair> SelectDiffVersions(const std::vector<storage::ListVersion>& versions,
                                    const std::string& feed, std::int64_t from_id,
                                    std::int64_t to_id, std::optional<DiffArgument>* wrong) {
  if (versions.size() < 2 && (from_id == 0 || to_id == 0)) {
    return Wrong(DiffArgument::kSource, wrong,
                 "feed '" + feed + "' has " + std::to_string(versions.size()) +
                     " version(s); a diff needs two");
  }
  if (to_id == 0) to_id = versions.back().id;
  if (from_id == 0) {
    // The version imported just before `to`.
    for (const auto& v : versions) {
      if (v.id < to_id) from_id = v.id;
    }
  }
  const storage::ListVersion* from = nullptr;
  const storage::ListVersion* to = nullptr;
  for (const auto& v : versions) {
    if (v.id == from_id) from = &v;
    if (v.id == to_id) to = &v;
  }
  if (from == nullptr) {
    return Wrong(DiffArgument::kFrom, wrong,
                 "version " + std::to_string(from_id) + " is not a version of " + feed);
  }
  if (to == nullptr) {
    return Wrong(DiffArgument::kTo, wrong,
                 "version " + std::to_string(to_id) + " is not a version of " + feed);
  }
  return DiffPair{*from, *to};
}

Result<VersionDiff> DiffVersions(storage::Store& store, const std::string& feed,
                                 std::int64_t from_id, std::int64_t to_id,
                                 std::optional<DiffArgument>* wrong) {
  auto versions = store.ListVersions(feed);
  if (!versions.ok()) return versions.error();
  auto pair = SelectDiffVersions(*versions, feed, from_id, to_id, wrong);
  if (!pair.ok()) return pair.error();
  auto before = store.LoadEntries(pair->from.id);
  if (!before.ok()) return before.error();
  auto after = store.LoadEntries(pair->to.id);
  if (!after.ok()) return after.error();
  VersionDiff out{std::move(pair->from), std::move(pair->to), {}};
  out.diff = DiffEntries(*before, *after);
  return out;
}

}  // namespace tollgate::lists

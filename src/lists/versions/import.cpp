#include "tollgate/lists/import.h"

#include <algorithm>
#include <chrono>
#include <ctime>

#include "tollgate/common/sha256.h"
#include "tollgate/lists/in_force_index.h"

namespace tollgate::lists {
namespace {

std::string UtcTimestampNow() {
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

Result<ImportReport> ImportListFile(storage::Store& store, const std::filesystem::path& path,
                                    const ImportOptions& options) {
  // Read and validate everything before touching the store: a malformed file fails
  // here and nothing is written.
  auto parsed = ReadListFile(path, options.format);
  if (!parsed.ok()) return parsed.error();
  // The version's identity covers every file the reader used: for OFAC's legacy set a
  // change in alt.csv or add.csv alone is a new version too.
  std::string digests;
  for (const auto& file : parsed->files_read) {
    auto sha = Sha256OfFile(file);
    if (!sha.ok()) return sha.error();
    digests += *sha;
  }
  const std::string sha = parsed->files_read.size() == 1 ? digests : Sha256Hex(digests);

  storage::ListVersion version;
  version.feed = FeedOf(parsed->format);
  version.format = FormatName(parsed->format);
  version.as_of = options.as_of.value_or(parsed->file_date.value_or(Date::Today()));
  version.imported_at = UtcTimestampNow();
  version.file_name = path.filename().string();
  version.sha256 = sha;

  ImportReport report;
  report.warnings = parsed->warnings;

  auto existing = store.ListVersions(version.feed);
  if (!existing.ok()) return existing.error();
  if (!existing->empty()) {
    const auto& latest = existing->back();
    // The same bytes are the same version (a daily `lists update` must not pile up
    // copies), unless the user says explicitly that they are in force from another date.
    const bool same_date = !options.as_of || *options.as_of == latest.as_of;
    if (latest.sha256 == version.sha256 && same_date) {
      report.version = latest;
      report.unchanged = true;
      return report;
    }
  }
  auto stored = store.AddListVersion(std::move(version), parsed->entries);
  if (!stored.ok()) return stored.error();
  report.version = std::move(stored).value();
  return report;
}

Result<std::vector<storage::ListVersion>> VersionsInForce(storage::Store& store, Date date) {
  auto all = store.ListVersions();
  if (!all.ok()) return all.error();
  return SelectInForce(*all, date);
}

Result<std::vector<ListEntry>> EntriesInForce(storage::Store& store, Date date) {
  auto versions = VersionsInForce(store, date);
  if (!versions.ok()) return versions.error();
  std::vector<ListEntry> out;
  for (const auto& v : *versions) {
    auto entries = store.LoadEntries(v.id);
    if (!entries.ok()) return entries.error();
    for (auto& e : *entries) {
      if (InForceOn(e, date)) out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace tollgate::lists

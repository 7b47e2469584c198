#include "tollgate/lists/import.h"

#include <algorithm>
#include <chrono>
#include <ctime>

#include "tollgate/common/sha256.h"
#include "tollgate/lists/in_force_index.h"
#include "tollgate/storage/unit_of_work.h"

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

// Names what to add: the alias file carries most of an OFAC entry's names (in the
// sample of issue 13, 115 of 300 aliases were found without it) and the address file
// all of its addresses, which screening by country needs.
Error MissingCompanions(const std::string& name, const ParsedList& parsed) {
  std::string missing;
  for (std::size_t i = 0; i < parsed.missing_companions.size(); ++i) {
    missing += (i == 0 ? "" : " and ") + parsed.missing_companions[i];
  }
  return MakeError(ErrorCode::kRefused,
                   name + " is an OFAC primary file (" +
                       (parsed.format == Format::kOfacCons ? "cons_prim.csv" : "sdn.csv") +
                       ") without its alias and address files: add " + missing +
                       " (beside it for `lists import`; in the same multipart request, as parts "
                       "named alt and add, for an upload), or import it primary-only "
                       "(--primary-only, or primary_only=true) to keep only the aliases its "
                       "remarks name and no addresses");
}

}  // namespace

Result<PreparedImport> PrepareImport(const std::filesystem::path& path,
                                     const ImportOptions& options) {
  // Read and validate everything before touching the store: a malformed file fails
  // here and nothing is written.
  auto parsed = ReadListFile(path, options.format);
  if (!parsed.ok()) return parsed.error();
  if (!parsed->missing_companions.empty() && !options.primary_only) {
    return MissingCompanions(
        options.file_name.empty() ? path.filename().string() : options.file_name, *parsed);
  }
  // The version's identity covers every file the reader used: for OFAC's legacy set a
  // change in alt.csv or add.csv alone is a new version too.
  std::string digests;
  for (const auto& file : parsed->files_read) {
    auto sha = Sha256OfFile(file);
    if (!sha.ok()) return sha.error();
    digests += *sha;
  }
  PreparedImport prepared;
  prepared.version.feed = FeedOf(parsed->format);
  prepared.version.format = FormatName(parsed->format);
  prepared.version.as_of = options.as_of.value_or(parsed->file_date.value_or(Date::Today()));
  prepared.version.imported_at = UtcTimestampNow();
  prepared.version.file_name =
      options.file_name.empty() ? path.filename().string() : options.file_name;
  prepared.version.sha256 = parsed->files_read.size() == 1 ? digests : Sha256Hex(digests);
  prepared.parsed = std::move(parsed).value();
  return prepared;
}

Result<ImportReport> StoreImport(storage::Store& store, PreparedImport prepared,
                                 const ImportOptions& options) {
  ImportReport report;
  report.warnings = prepared.parsed.warnings;
  storage::ListVersion& version = prepared.version;
  // The identical check and the write in one unit: it holds the write lock, so of two
  // imports of the same file at once, the second sees the first's version.
  auto unit = storage::UnitOfWork::Begin(store);
  if (!unit.ok()) return unit.error();
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
  const storage::ChangeStamp stamp{options.actor, version.imported_at};
  auto stored = store.AddListVersion(std::move(version), prepared.parsed.entries, stamp);
  if (!stored.ok()) return stored.error();
  if (auto c = unit->Commit(); !c.ok()) return c.error();
  report.version = std::move(stored).value();
  return report;
}

Result<ImportReport> ImportListFile(storage::Store& store, const std::filesystem::path& path,
                                    const ImportOptions& options) {
  auto prepared = PrepareImport(path, options);
  if (!prepared.ok()) return prepared.error();
  return StoreImport(store, std::move(prepared).value(), options);
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

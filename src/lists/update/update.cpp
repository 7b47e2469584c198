// UpdateLists: download each source's files into a private temporary directory, then
// import the primary file. Sources are independent: one failing never stops the next.
#include "tollgate/lists/update.h"

#include <exception>
#include <nlohmann/json.hpp>

#include "lists/update/download.h"
#include "lists/update/temp_dir.h"
#include "tollgate/lists/import.h"

namespace tollgate::lists {
namespace {

std::string UrlsOf(const Source& source) {
  std::string urls;
  for (const SourceFile& file : source.files) {
    if (!urls.empty()) urls += ", ";
    urls += file.url;
  }
  return urls;
}

// Downloads every file of `source` into `directory`; returns the bytes saved. The first
// failure ends the source: importing without a companion would store the list without
// its aliases or addresses.
Result<std::int64_t> DownloadAll(const Source& source, const std::filesystem::path& directory,
                                 const UpdateOptions& options) {
  const DownloadLimits limits{options.connect_timeout, options.total_timeout};
  std::int64_t saved = 0;
  for (std::size_t i = 0; i < source.files.size(); ++i) {
    const SourceFile& file = source.files[i];
    ByteProgress progress;
    if (options.on_progress) {
      progress = [&](std::int64_t so_far, std::optional<std::int64_t> total) {
        options.on_progress(
            DownloadProgress{source.name, file.url, i, source.files.size(), so_far, total});
      };
    }
    Result<std::int64_t> bytes = DownloadFile(file.url, directory / file.save_as, limits, progress);
    if (!bytes) return bytes.error();
    saved += *bytes;
  }
  return saved;
}

void UpdateSource(storage::Store& store, const Source& source,
                  const std::filesystem::path& directory, const UpdateOptions& options,
                  SourceReport& report) {
  std::error_code ec;
  std::filesystem::create_directory(directory, ec);
  if (ec) {
    report.error =
        MakeError(ErrorCode::kIoError, "cannot create " + directory.string() + ": " + ec.message());
    return;
  }
  Result<std::int64_t> saved = DownloadAll(source, directory, options);
  if (!saved) {
    report.error = saved.error();
    return;
  }
  report.downloaded_bytes = *saved;

  ImportOptions import_options;
  import_options.format = source.format;
  import_options.as_of = options.as_of;
  import_options.actor = options.actor;
  const std::filesystem::path primary = directory / source.files.front().save_as;
  Result<ImportReport> imported = options.import ? options.import(store, primary, import_options)
                                                 : ImportListFile(store, primary, import_options);
  if (!imported) {
    // The reader names the temporary file; the URL tells the user what was wrong.
    Error error = imported.error();
    error.message += " (downloaded from " + UrlsOf(source) + ")";
    report.error = std::move(error);
    return;
  }
  report.outcome = imported->unchanged ? SourceOutcome::kUnchanged : SourceOutcome::kImported;
  report.version = imported->version;
  report.warnings = imported->warnings;
  report.new_matches = imported->new_matches;
}

}  // namespace

const char* SourceOutcomeName(SourceOutcome outcome) {
  switch (outcome) {
    case SourceOutcome::kImported:
      return "imported";
    case SourceOutcome::kUnchanged:
      return "unchanged";
    case SourceOutcome::kFailed:
      return "failed";
  }
  return "failed";
}

std::size_t UpdateReport::CountOf(SourceOutcome outcome) const {
  std::size_t count = 0;
  for (const SourceReport& source : sources) count += source.outcome == outcome ? 1 : 0;
  return count;
}

Result<UpdateReport> UpdateLists(storage::Store& store, const std::vector<Source>& sources,
                                 const UpdateOptions& options) {
  if (Status valid = ValidateSources(sources); !valid) return valid.error();
  std::filesystem::path parent = options.temp_parent;
  if (parent.empty()) {
    std::error_code ec;
    parent = std::filesystem::temp_directory_path(ec);
    if (ec) {
      return MakeError(ErrorCode::kIoError, "no temporary directory: " + ec.message());
    }
  }
  Result<ScopedTempDir> temp = ScopedTempDir::Create(parent);
  if (!temp) return temp.error();

  UpdateReport report;
  for (const Source& source : sources) {
    SourceReport source_report;
    source_report.source = source.name;
    source_report.feed = FeedOf(source.format);
    const std::filesystem::path directory = temp->path() / source.name;
    try {
      UpdateSource(store, source, directory, options, source_report);
    } catch (const std::exception& e) {
      // Exceptions stop at the library boundary; the next source still runs.
      source_report.outcome = SourceOutcome::kFailed;
      source_report.error =
          MakeError(ErrorCode::kInternal, "updating " + source.name + " failed: " + e.what());
    }
    // The files are in the store now (or rejected); do not hold them for later sources.
    std::error_code ec;
    std::filesystem::remove_all(directory, ec);
    if (options.on_source_done) options.on_source_done(source_report);
    report.sources.push_back(std::move(source_report));
  }
  return report;
}

nlohmann::json ToJson(const UpdateReport& report) {
  nlohmann::json sources = nlohmann::json::array();
  for (const SourceReport& source : report.sources) {
    nlohmann::json item = {{"source", source.source},
                           {"feed", source.feed},
                           {"outcome", SourceOutcomeName(source.outcome)},
                           {"downloaded_bytes", source.downloaded_bytes},
                           {"warnings", source.warnings}};
    if (source.version) {
      item["version"] = {{"id", source.version->id},
                         {"as_of", source.version->as_of.ToString()},
                         {"entry_count", source.version->entry_count},
                         {"sha256", source.version->sha256}};
    }
    if (source.error) {
      item["error"] = {{"code", ErrorCodeName(source.error->code)},
                       {"message", source.error->message}};
    }
    sources.push_back(std::move(item));
  }
  return {{"sources", sources}};
}

}  // namespace tollgate::lists

#include "storage/stored_rows.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "storage/stored_entry_reader.h"

namespace tollgate::storage {

Result<lists::ListEntry> DecodeStoredEntry(std::string_view body, std::int64_t version_id) {
  // The plain canonical form without a JSON tree; the rest (and every damaged body, with
  // its message) through the tree and EntryFromJson.
  if (auto entry = ReadCanonicalEntry(body)) return std::move(*entry);
  auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    return MakeError(ErrorCode::kStorageError, "list version " + std::to_string(version_id) +
                                                   ": a stored entry is not valid JSON");
  }
  auto entry = lists::EntryFromJson(json);
  if (!entry.ok()) {
    return MakeError(ErrorCode::kStorageError,
                     "list version " + std::to_string(version_id) +
                         ": a stored entry is damaged: " + entry.error().message);
  }
  return entry;
}

Result<ListVersion> DecodeVersionRow(std::int64_t id, std::string feed, std::string format,
                                     const std::string& as_of, std::string imported_at,
                                     std::string file_name, std::string sha256,
                                     std::int64_t entry_count) {
  auto date = Date::Parse(as_of);
  if (!date.ok()) {
    return MakeError(ErrorCode::kStorageError,
                     "list version " + std::to_string(id) + ": stored as_of is not a date");
  }
  ListVersion v;
  v.id = id;
  v.feed = std::move(feed);
  v.format = std::move(format);
  v.as_of = *date;
  v.imported_at = std::move(imported_at);
  v.file_name = std::move(file_name);
  v.sha256 = std::move(sha256);
  v.entry_count = entry_count;
  return v;
}

Error UnknownVersion(std::int64_t version_id) {
  return MakeError(ErrorCode::kNotFound,
                   "no list version " + std::to_string(version_id) + " in the store");
}

audit::Entry ListImported(const ListVersion& version, const ChangeStamp& stamp) {
  return audit::Entry{stamp.timestamp,
                      stamp.actor,
                      "list.import",
                      "list version " + std::to_string(version.id),
                      nullptr,
                      {{"id", version.id},
                       {"feed", version.feed},
                       {"format", version.format},
                       {"as_of", version.as_of.ToString()},
                       {"file_name", version.file_name},
                       {"sha256", version.sha256},
                       {"entries", version.entry_count}}};
}

std::string ScoreText(double score) {
  // Most parties of a master match nothing: their score of 0 on record, without printf.
  if (score == 0 && !std::signbit(score)) return "0";
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", score);
  return text;
}

}  // namespace tollgate::storage

// A list file sent over HTTP, made ready for lists::PrepareImport: one file, or an
// OFAC legacy set (the primary file with its alias and address files), written into a
// private folder under names the reader looks for, while the version keeps the name
// the client gave and messages name the client's files, never the folder.
//
// Thread-safety: free functions without shared state.
// Failure: kInvalidArgument naming the part at fault (no primary file, two of them, a
// companion without an OFAC primary, two files of one name); kIoError when the folder
// cannot be written.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/lists/format.h"

namespace tollgate::lists {

struct UploadedFile {
  std::string field;  // the multipart part's name ("file", "alt", "add"), "" for a raw body
  std::string name;   // the file name the client gave, "" when none
  std::string bytes;
};

struct StagedUpload {
  std::filesystem::path primary;  // what to import
  std::string file_name;          // the primary's name as the client gave it (made safe)
  // Each written file and the name the client knows it by, for rewriting messages.
  std::vector<std::pair<std::string, std::string>> names;
};

// Writes `files` into `dir` (an empty private folder). Parts named "alt" or "add", or
// files whose name holds the word alt or add ("ofac_alt_2021-07.csv", "cons_add.csv"),
// are an OFAC set's companions; the one other file is the primary. `format`, when
// given, is the primary's; otherwise it is detected from its content.
Result<StagedUpload> StageUpload(const std::filesystem::path& dir,
                                 const std::vector<UploadedFile>& files,
                                 std::optional<Format> format);

// `text` with every staged path, and the folder itself, replaced by the client's name.
std::string ClientText(const StagedUpload& staged, const std::filesystem::path& dir,
                       std::string text);

}  // namespace tollgate::lists

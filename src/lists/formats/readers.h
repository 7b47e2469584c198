// One reader per official list format (private to src/lists/formats; the public entry
// point is ReadListFile in tollgate/lists/format.h). Each takes the file's path, which
// names it in messages and locates companion files, and its raw bytes.
//
// Thread-safety: free functions without shared state.
// Failure: kParseError "FILE:LINE: field NAME: what is wrong" for the first malformed
// record; kIoError when a companion file exists but cannot be read. A reader never
// returns part of a file.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "tollgate/common/result.h"
#include "tollgate/lists/format.h"

namespace tollgate::lists::formats {

Result<ParsedList> ReadCslCsv(const std::filesystem::path& path, std::string_view bytes);
Result<ParsedList> ReadCslJson(const std::filesystem::path& path, std::string_view bytes);
// kOfacSdn or kOfacCons: the primary file plus alt/add companions found beside it.
Result<ParsedList> ReadOfacLegacy(const std::filesystem::path& path, std::string_view bytes,
                                  Format format);
Result<ParsedList> ReadUnXml(const std::filesystem::path& path, std::string_view bytes);
Result<ParsedList> ReadBisDpl(const std::filesystem::path& path, std::string_view bytes);
Result<ParsedList> ReadStateIsn(const std::filesystem::path& path, std::string_view bytes);
Result<ParsedList> ReadStateDtc(const std::filesystem::path& path, std::string_view bytes);

// Content-based detection (see DetectFormat).
Result<Format> DetectFormatOfBytes(const std::filesystem::path& path, std::string_view bytes);

// Detection (when `format` is empty) and the reader of the format, on bytes in memory.
// Unlike ReadListFile it lets an exception through: the fuzz targets (fuzz/) call it so
// that one escaping a reader is a finding, not a kInternal error.
Result<ParsedList> ReadListBytes(const std::filesystem::path& path, std::string_view bytes,
                                 std::optional<Format> format);

}  // namespace tollgate::lists::formats

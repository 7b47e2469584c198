// Helpers shared by the list-file readers (private to src/lists/formats): reading and
// decoding a file, cleaning text, splitting the list-valued columns, Federal Register
// citations, stable ids for files without ids, and country resolution.
//
// Thread-safety: free functions without shared state.
// Failure: functions that read or decode input return a Result whose Error names the
// file and the line; the others cannot fail.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/lists/entry.h"

namespace tollgate::lists::formats {

// The whole file; kIoError naming the file when it cannot be read.
Result<std::string> ReadFileBytes(const std::filesystem::path& path);

// How a format's bytes become text. Every list publisher writes UTF-8 except OFAC,
// whose legacy CSV files are Windows-1252 (DOMAIN.md §6).
enum class TextEncoding {
  kUtf8,               // anything else is refused: read as Latin-1, a name would no
                       // longer match ("\xFF\xFESHINING PATH" is not "SHINING PATH")
  kUtf8OrWindows1252,  // valid UTF-8 is kept; any other byte is read as Windows-1252
};

// UTF-8 text from a list file's bytes. A UTF-8 byte order mark is dropped; C1 controls
// that come from cp1252 text encoded twice (U+0092 for a right quote) are repaired.
// Fails with kParseError "SOURCE:LINE: ..." on a byte that is not text in `encoding`
// (the first such byte: its value and its character on the line), on a UTF-16 byte
// order mark, and on control bytes other than tab, CR and LF, which mean a binary or
// corrupted file.
Result<std::string> DecodeText(std::string_view bytes, const std::string& source,
                               TextEncoding encoding = TextEncoding::kUtf8);

// Offset of the first byte of `text` that does not begin a well-formed UTF-8 sequence
// (RFC 3629), or npos when all of it is UTF-8.
std::size_t FirstInvalidUtf8(std::string_view text);

// "byte 0xFF at character N is not UTF-8": for the first invalid byte of a field, where
// `invalid` is FirstInvalidUtf8(field).
std::string InvalidUtf8What(std::string_view field, std::size_t invalid);

// 1-based line of byte `offset` in `text`.
int LineAt(std::string_view text, std::size_t offset);

// Trimmed, with each run of white space (including line breaks and no-break spaces)
// turned into one space.
std::string CleanText(std::string_view text);

// `text` split on `separator`, each part cleaned, empty parts dropped.
std::vector<std::string> SplitClean(std::string_view text, std::string_view separator);

// Federal Register citations in a free-text column, normalized to "84 FR 22961":
// "68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06" gives two. Text with no citation in
// that form (State's "Vol. 83, No. 91, 05/10/2018") is kept whole, cleaned.
std::vector<std::string> SplitFederalRegister(std::string_view text);

// A stable id for an entry of a file that has none: the first 16 hex digits of the
// SHA-256 of the parts, so a re-import of the same row gives the same id.
std::string DigestId(std::initializer_list<std::string_view> parts);

// Makes ids unique within each list of one file: rows that share name and date (one
// denial order with several addresses) get "-2", "-3", ... in file order.
void MakeIdsUnique(std::vector<ListEntry>& entries);

// Sets the country of `address` from a column holding a name ("China") or, with
// `code_first`, a code ("CN") or a name. Unresolved text stays in country_name only.
void SetCountry(Address& address, std::string_view written, bool code_first);
// A nationality as an ISO code when the name resolves, else as written.
std::string NationalityCode(std::string_view written);

// Appends `value` unless it is empty or already present.
void AddUnique(std::vector<std::string>& values, std::string value);

// "SOURCE:LINE: field NAME: what" with kParseError.
Error FieldParseError(const std::string& source, int line, std::string_view field,
                      std::string_view what);

// ASCII case-insensitive comparison and search.
bool EqualsNoCase(std::string_view a, std::string_view b);
bool StartsWithNoCase(std::string_view text, std::string_view prefix);
std::size_t FindNoCase(std::string_view text, std::string_view needle, std::size_t from = 0);

}  // namespace tollgate::lists::formats

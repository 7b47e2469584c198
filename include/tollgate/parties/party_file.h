// Reading a party master file: CSV with a header row, or JSON (an array of party
// objects, or {"parties": [...]}), chosen by the file's extension or its first
// character. The whole file is read before anything is stored, and a file with one bad
// party is refused whole (issue 15: "a malformed file is refused whole, naming its line
// and field").
//
// CSV columns, found by their header name (any order, case ignored): external_id,
// name, country (required), aliases, address, type, date_of_birth, identifiers. A
// column the reader does not know is refused (a misspelt "adress" would drop every
// address). Several aliases or identifiers in one field are separated by ";"; an
// identifier is "TYPE:VALUE" ("passport:X1234567"). An empty type is "entity".
//
// Thread-safety: pure functions.
// Failure: kParseError "SOURCE:LINE: field NAME: what is wrong" (JSON: the line on
// which the party's object starts); a file named twice the same external id is refused
// at the second, naming the first's line. kIoError when the file cannot be read.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/parties/party.h"

namespace tollgate::parties {

enum class FileFormat { kCsv, kJson };

// JSON when the name ends in .json or .jsonl, or the text starts with '[' or '{'
// (after spaces and a byte-order mark); CSV otherwise.
FileFormat DetectFormat(const std::string& source, std::string_view text);

// `source` names the input in messages (the file name).
Result<std::vector<Party>> ParsePartiesCsv(std::string_view bytes, const std::string& source);
Result<std::vector<Party>> ParsePartiesJson(std::string_view text, const std::string& source);
Result<std::vector<Party>> ParseParties(std::string_view text, const std::string& source);
Result<std::vector<Party>> ReadPartiesFile(const std::filesystem::path& path);

}  // namespace tollgate::parties

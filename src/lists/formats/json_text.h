// Parsing a list file's JSON text (private to src/lists/formats) so that every input,
// legal JSON beyond what a double holds ("1e400") included, comes back as a value or a
// located error and never as an exception.
//
// Thread-safety: free functions without shared state.
// Failure: kParseError "SOURCE:LINE: field KEY: what is wrong", KEY being the last
// object key read before the error (omitted when there was none).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "tollgate/common/result.h"

namespace tollgate::lists::formats {

Result<nlohmann::json> ParseJsonText(std::string_view text, const std::string& source);

// `text` with every byte that is not UTF-8 written as "\xFF", so that a message quoting
// input stays valid UTF-8 (it is written into JSON answers and stored).
std::string QuotableText(std::string_view text);

}  // namespace tollgate::lists::formats

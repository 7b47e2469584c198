// JSON text from outside (HTTP request bodies, files given to the CLI) parsed with a
// bound on nesting depth, in one pass. nlohmann's parser itself is iterative, but
// copying, comparing or dumping a parsed value recurses once per level: a 200 KB body
// nested 100,000 deep parses fine and then overflows the stack of whoever copies it.
// Refusing such text at the parse keeps every later use safe.
//
// Thread-safety: pure functions.
// Failure: kParseError naming the byte offset of a syntax error, or the limit when
// the text nests deeper; never an exception.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

#include "tollgate/common/result.h"

namespace tollgate {

// Far above any document Tollgate reads (an application form nests 4 levels deep),
// far below what a request thread's stack survives when the value is copied.
inline constexpr std::size_t kMaxJsonDepth = 64;

struct JsonLimits {
  std::size_t max_depth = kMaxJsonDepth;  // objects and arrays inside each other
};

// The parsed value, or kParseError: "not valid JSON at byte N: ..." or "nested deeper
// than 64 levels (at byte N)". `what` starts the message (e.g. "the body", a path).
Result<nlohmann::json> ParseJsonLimited(std::string_view text, std::string_view what,
                                        const JsonLimits& limits = {});

}  // namespace tollgate

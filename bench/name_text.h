// Text helpers shared by the benchmark peers: the one normalization both the scan
// baseline and the SimString peer see, so neither is handicapped by case or
// punctuation that the engine would fold anyway.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tollgate::bench {

// ASCII letters lower-cased, every other ASCII byte that is not a digit becomes a
// single space, runs of spaces collapse, ends trimmed. Bytes >= 0x80 pass through
// unchanged: the peers are byte-oriented and the benchmark does not transliterate.
std::string FoldAscii(std::string_view text);

// Splits a folded name on spaces.
std::vector<std::string_view> SplitTokens(std::string_view folded);

// FoldAscii, then the tokens sorted and joined by one space: "Ivan PETROV" and
// "PETROV, Ivan" give the same key, which is what makes the scan order-insensitive.
std::string TokenSortKey(std::string_view text);

}  // namespace tollgate::bench

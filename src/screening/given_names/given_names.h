// Given names written as a nickname or short form (issue 16, item 2): "Bill" for
// William, "Ben" for Benjamin. The pairs come from a public table
// (data/names/given_name_nicknames.csv; source and license in data/names/README.md,
// "Given names"), compiled in so that an index needs no file to build. A pair is
// formal name <-> nickname as the table gives it; two nicknames of one name are not
// paired with each other (Bill / Will), which would widen every group of the table.
//
// Thread-safety: an immutable table built on first use (thread-safe static init).
// Failure: none; a word the table does not hold has no partner.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <utility>

namespace tollgate::screening {

// One row of the table: formal name, nickname (folded, lower-case ASCII).
struct NicknameRow {
  std::string_view formal;
  std::string_view nickname;
};

// The table's rows, sorted by formal name then nickname.
std::span<const NicknameRow> NicknameRows();

// True when one of `a`, `b` is a nickname of the other in the table.
bool NicknamePair(std::string_view a, std::string_view b);

// The words the table pairs with `word` (formal names of a nickname and nicknames of a
// formal name), each once, sorted; empty when it holds none.
std::span<const std::string_view> NicknamePartners(std::string_view word);

}  // namespace tollgate::screening

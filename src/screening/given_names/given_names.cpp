#include "screening/given_names/given_names.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace tollgate::screening {
namespace {

constexpr NicknameRow kRows[] = {
#include "screening/given_names/nicknames.inc"
};

// The scorer asks about every pair of words it aligns; almost none is in the table.
// Two bit filters rule most out before any hashing: one of the words' shapes (first
// letter, last letter, length) and one of the pairs' shapes.
std::uint32_t WordShape(std::string_view word) {
  const auto letter = [](char c) { return static_cast<std::uint32_t>(c) & 31u; };
  return (letter(word.front()) << 10) | (letter(word.back()) << 5) |
         static_cast<std::uint32_t>(std::min<std::size_t>(word.size(), 31));
}
constexpr std::uint32_t kShapeBits = 1u << 15;
constexpr std::uint32_t kPairBits = 1u << 16;
std::uint32_t PairBit(std::string_view a, std::string_view b) {
  return (WordShape(a) * 0x9e3779b1u ^ WordShape(b) * 0x85ebca6bu) >> 16;
}

struct Tables {
  // Every word of the table -> its partners, each list sorted.
  std::unordered_map<std::string_view, std::vector<std::string_view>> partners;
  std::vector<std::uint64_t> shapes = std::vector<std::uint64_t>(kShapeBits / 64);
  std::vector<std::uint64_t> pairs = std::vector<std::uint64_t>(kPairBits / 64);
  static bool Test(const std::vector<std::uint64_t>& bits, std::uint32_t bit) {
    return bits[bit >> 6] >> (bit & 63) & 1;
  }
  static void Set(std::vector<std::uint64_t>& bits, std::uint32_t bit) {
    bits[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }
  bool MayHold(std::string_view word) const {
    return !word.empty() && Test(shapes, WordShape(word));
  }
  bool MayPair(std::string_view a, std::string_view b) const {
    return !a.empty() && !b.empty() && Test(pairs, PairBit(a, b));
  }
};

const Tables& GetTables() {
  static const Tables kTables = [] {
    Tables t;
    for (const NicknameRow& row : kRows) {
      t.partners[row.formal].push_back(row.nickname);
      t.partners[row.nickname].push_back(row.formal);
      Tables::Set(t.pairs, PairBit(row.formal, row.nickname));
      Tables::Set(t.pairs, PairBit(row.nickname, row.formal));
    }
    for (auto& [word, list] : t.partners) {
      Tables::Set(t.shapes, WordShape(word));
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    return t;
  }();
  return kTables;
}

}  // namespace

std::span<const NicknameRow> NicknameRows() { return kRows; }

std::span<const std::string_view> NicknamePartners(std::string_view word) {
  const Tables& tables = GetTables();
  if (!tables.MayHold(word)) return {};
  const auto& partners = tables.partners;
  const auto it = partners.find(word);
  if (it == partners.end()) return {};
  return it->second;
}

bool NicknamePair(std::string_view a, std::string_view b) {
  if (!GetTables().MayPair(a, b)) return false;
  const std::span<const std::string_view> partners = NicknamePartners(a);
  return std::binary_search(partners.begin(), partners.end(), b);
}

}  // namespace tollgate::screening

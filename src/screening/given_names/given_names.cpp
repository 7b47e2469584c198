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

// A bit per (first letter, length below 32) of the table's words: the scorer asks
// about every pair of words it aligns, and most words are ruled out by one load,
// before any hashing.
bool Shaped(std::string_view word) {
  return word.size() < 32 && word.front() >= 'a' && word.front() <= 'z';
}

struct Tables {
  // Every word of the table -> its partners, each list sorted.
  std::unordered_map<std::string_view, std::vector<std::string_view>> partners;
  std::array<std::uint32_t, 26> lengths{};
  bool MayHold(std::string_view word) const {
    return !word.empty() && Shaped(word) && (lengths[word.front() - 'a'] >> word.size() & 1);
  }
};

const Tables& GetTables() {
  static const Tables kTables = [] {
    Tables t;
    for (const NicknameRow& row : kRows) {
      t.partners[row.formal].push_back(row.nickname);
      t.partners[row.nickname].push_back(row.formal);
    }
    for (auto& [word, list] : t.partners) {
      if (Shaped(word)) t.lengths[word.front() - 'a'] |= 1u << word.size();
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
  if (!GetTables().MayHold(b)) return false;
  const std::span<const std::string_view> partners = NicknamePartners(a);
  return std::binary_search(partners.begin(), partners.end(), b);
}

}  // namespace tollgate::screening

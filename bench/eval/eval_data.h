// The evaluation harness's inputs: every restricted list in shared/data/lists, the
// deterministic manipulations of listed names, generated clean names, and the
// labelled name pairs. Used by eval_main.cpp only.
//
// Thread-safety: plain functions; each call owns its data.
// Failure: LoadAllLists reports unreadable files in `problems` and goes on with the
// rest; the other functions do not fail.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tollgate/lists/entry.h"

namespace tollgate::eval {

std::vector<lists::ListEntry> LoadAllLists(const std::filesystem::path& lists_dir,
                                           std::vector<std::string>& problems);

// A listed name and the entry it belongs to.
struct ListedName {
  std::string text;
  std::size_t entry = 0;  // index into the loaded entries
};

// Every primary name and alias of `entries`, in order.
std::vector<ListedName> ListedNames(const std::vector<lists::ListEntry>& entries);

// One altered name: what was done, the result, and where it came from.
struct Manipulated {
  std::string category;  // "legal_form", "word_order", "typo1", ...
  std::string original;
  std::string text;
  std::size_t entry = 0;
};

// Small deterministic generator (splitmix64), so runs agree on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next();
  std::size_t Below(std::size_t n) { return n == 0 ? 0 : Next() % n; }
  bool Chance(int percent) { return Below(100) < static_cast<std::size_t>(percent); }

 private:
  std::uint64_t state_;
};

// A name's words split at spaces, and joined back with single spaces.
std::vector<std::string> Words(const std::string& name);
std::string Join(const std::vector<std::string>& words);

// One keyboard-style slip in a word of two letters or more, never in its first letter:
// substitution, deletion, insertion or transposition of neighbours.
void Typo(std::string& word, Random& random);

// The manipulation categories, in report order.
const std::vector<std::string>& ManipulationCategories();

// Applies `category` to `name`; nullopt when it does not apply (e.g. no legal form
// to change) or would not change the name.
std::optional<std::string> Manipulate(const std::string& category, const std::string& name,
                                      bool individual, Random& random);

// Plausible company and person names built from common words and names.
std::vector<std::string> GenerateCleanNames(std::size_t count, Random& random);

struct NamePair {
  std::string case_group;  // the file's own grouping: "nk_checks", "synth_people", ...
  std::string schema;      // "Person", "Company", ...
  std::string name1;
  std::string name2;
  bool is_match = false;
};

std::vector<NamePair> LoadNamePairs(const std::filesystem::path& csv);

}  // namespace tollgate::eval

#include "query_mix.h"

#include <algorithm>
#include <unordered_set>

#include "name_generator.h"
#include "name_text.h"
#include "rng.h"

namespace tollgate::bench {
namespace {

std::vector<std::string> SplitOnSpace(const std::string& text) {
  std::vector<std::string> tokens;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) tokens.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return tokens;
}

std::string Join(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& token : tokens) {
    if (!out.empty()) out.push_back(' ');
    out.append(token);
  }
  return out;
}

bool IsLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// One keyboard-style edit at a letter: substitute, delete, insert or transpose. The
// replacement letter keeps the case of its neighbour, as a typist's slip would.
std::string Typo(const std::string& name, Rng& rng) {
  std::vector<std::size_t> letters;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (IsLetter(name[i])) letters.push_back(i);
  }
  if (letters.empty()) return name + "X";
  const std::size_t at = letters[rng.Below(letters.size())];
  const bool upper = name[at] >= 'A' && name[at] <= 'Z';
  const char letter = static_cast<char>((upper ? 'A' : 'a') + rng.Below(26));
  std::string out = name;
  switch (rng.Below(4)) {
    case 0:
      out[at] = letter == name[at] ? static_cast<char>(upper ? 'Q' : 'q') : letter;
      break;
    case 1:
      // Deleting the only letter of a one-letter name would leave nothing to find.
      if (letters.size() > 1) {
        out.erase(at, 1);
      } else {
        out.insert(at, 1, letter);
      }
      break;
    case 2:
      out.insert(at, 1, letter);
      break;
    default:
      if (at + 1 < out.size() && IsLetter(out[at + 1]) && out[at] != out[at + 1]) {
        std::swap(out[at], out[at + 1]);
      } else {
        out[at] = letter == name[at] ? static_cast<char>(upper ? 'Q' : 'q') : letter;
      }
      break;
  }
  return out;
}

}  // namespace

const char* QueryKindName(QueryKind kind) {
  switch (kind) {
    case QueryKind::kExact:
      return "exact";
    case QueryKind::kPerturbed:
      return "perturbed";
    case QueryKind::kClean:
      return "clean";
  }
  return "?";
}

const char* PerturbationName(Perturbation perturbation) {
  switch (perturbation) {
    case Perturbation::kNone:
      return "none";
    case Perturbation::kTypo:
      return "typo";
    case Perturbation::kDroppedWord:
      return "dropped word";
    case Perturbation::kReordered:
      return "reordered";
  }
  return "?";
}

std::string Perturb(const std::string& name, Perturbation wanted, std::uint64_t draw,
                    Perturbation* applied) {
  Rng rng(draw);
  *applied = Perturbation::kNone;
  if (name.empty()) return name;
  std::vector<std::string> tokens = SplitOnSpace(name);
  if (wanted == Perturbation::kDroppedWord && tokens.size() >= 3) {
    tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(rng.Below(tokens.size())));
    *applied = Perturbation::kDroppedWord;
    return Join(tokens);
  }
  if (wanted == Perturbation::kReordered && tokens.size() >= 2) {
    // "SURNAME, Given" is written "Given SURNAME" by whoever fills in a form.
    const std::size_t comma = name.find(", ");
    *applied = Perturbation::kReordered;
    if (comma != std::string::npos) {
      return name.substr(comma + 2) + " " + name.substr(0, comma);
    }
    std::rotate(tokens.begin(), tokens.begin() + 1, tokens.end());
    return Join(tokens);
  }
  *applied = Perturbation::kTypo;
  return Typo(name, rng);
}

std::vector<BenchQuery> MakeQueryMix(const NameTable& table, std::size_t count, std::uint64_t seed,
                                     Vocabulary clean_vocabulary) {
  std::unordered_set<std::string> listed;
  listed.reserve(table.names.size() * 2);
  for (const std::string& name : table.names) listed.insert(FoldAscii(name));

  Rng rng(seed);
  NameGenerator clean_names(seed ^ 0x5eed'c1ea'0000'0001ULL, clean_vocabulary);
  std::vector<BenchQuery> queries;
  queries.reserve(count);
  constexpr Perturbation kCycle[] = {Perturbation::kTypo, Perturbation::kDroppedWord,
                                     Perturbation::kReordered};
  std::size_t perturbed = 0;
  while (queries.size() < count && !table.names.empty()) {
    BenchQuery query;
    switch (queries.size() % 3) {
      case 0: {
        const std::size_t name = rng.Below(table.names.size());
        query.kind = QueryKind::kExact;
        query.text = table.names[name];
        query.source_entry = table.entry_of[name];
        break;
      }
      case 1: {
        const std::size_t name = rng.Below(table.names.size());
        query.kind = QueryKind::kPerturbed;
        query.text =
            Perturb(table.names[name], kCycle[perturbed++ % 3], rng.Next(), &query.perturbation);
        query.source_entry = table.entry_of[name];
        break;
      }
      default: {
        do {
          query.text = clean_names.Next(clean_names.NextType());
        } while (listed.contains(FoldAscii(query.text)));
        query.kind = QueryKind::kClean;
        break;
      }
    }
    queries.push_back(std::move(query));
  }
  return queries;
}

}  // namespace tollgate::bench

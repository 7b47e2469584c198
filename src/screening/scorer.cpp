#include "screening/scorer.h"

#include <algorithm>
#include <cmath>

#include "screening/edit_distance.h"
#include "screening/evasion.h"
#include "screening/given_names/given_names.h"

namespace tollgate::screening {
namespace {

bool IsConcatenation(std::string_view whole, std::string_view first, std::string_view second) {
  return whole.size() == first.size() + second.size() && whole.starts_with(first) &&
         whole.ends_with(second);
}

bool IsPrefixAbbreviation(std::string_view a, std::string_view b) {
  const std::string_view& shorter = a.size() < b.size() ? a : b;
  const std::string_view& longer = a.size() < b.size() ? b : a;
  return shorter.size() >= kMinAbbreviation && shorter.size() <= kMaxAbbreviation &&
         longer.size() >= shorter.size() + 2 && longer.starts_with(shorter);
}

// Order in which edges claim tokens: most similar first, then heavier, then by
// position, so the alignment never depends on how the edges were gathered.
bool EdgeBefore(const Edge& a, const Edge& b) {
  if (a.similarity != b.similarity) return a.similarity > b.similarity;
  if (a.weight != b.weight) return a.weight > b.weight;
  if (a.query_first != b.query_first) return a.query_first < b.query_first;
  if (a.name_first != b.name_first) return a.name_first < b.name_first;
  return a.kind < b.kind;
}

// A query token that, left unaligned, makes a one-word name another name: a word or a
// number. Legal forms, particles, titles and initials do not, nor business words: on
// the development set counting them lost one in ten of the first table's listed names
// with a word added (extra_word 98.8% -> 89.0%) for 7 of 3,998 clean names.
bool CountsAsOwnWord(TokenClass token_class) { return IsDistinctive(token_class); }

// True when a query token of CountsAsOwnWord left unaligned is a word of the query's own: not
// within typo distance of any name token, as a misspelt legal form or common word of
// the name is ("globl" for global, "oysc" for ojsc; the lexicon corrects only words
// of 6+ letters). The one-word cap applies only then.
bool HasWordOfItsOwn(std::span<const ScoringToken> query, std::span<const ScoringToken> name,
                     std::uint64_t query_used) {
  for (std::size_t i = 0; i < query.size(); ++i) {
    if ((query_used >> i & 1) || !CountsAsOwnWord(query[i].token_class)) continue;
    const bool near = std::any_of(name.begin(), name.end(), [&](const ScoringToken& n) {
      const int max_typos = std::max(1, MaxTyposBetween(query[i].canon.size(), n.text.size()));
      return BoundedOsaDistance(query[i].canon, n.text, max_typos) <= max_typos;
    });
    if (!near) return true;
  }
  return false;
}

}  // namespace

double ClassWeight(TokenClass token_class) {
  switch (token_class) {
    case TokenClass::kWord:
    case TokenClass::kNumber:
      return 1.0;
    case TokenClass::kInitial:
      return 0.3;
    case TokenClass::kCommon:
      return 0.25;
    case TokenClass::kLegalForm:
    case TokenClass::kParticle:
      return 0.1;
  }
  return 1.0;
}

double WordWeight(std::size_t document_frequency, std::size_t names) {
  if (document_frequency == 0) return 1.0;
  const double n = static_cast<double>(names) + 1.0;
  const double rarity = std::log(n / static_cast<double>(document_frequency)) / std::log(n);
  return 0.25 + 0.75 * std::clamp(rarity, 0.0, 1.0);
}

bool PhoneticPair(std::string_view a, std::string_view b) {
  const int max_edits = MaxPhoneticEdits(std::max(a.size(), b.size()));
  return BoundedOsaDistance(a, b, max_edits) <= max_edits;
}

double PairSimilarity(const ScoringToken& query, const ScoringToken& name, EdgeKind& kind) {
  if (query.canon == name.canon) {
    kind = EdgeKind::kExact;
    return 1.0;
  }
  const TokenClass qc = query.token_class;
  const TokenClass nc = name.token_class;
  if (qc == TokenClass::kInitial || nc == TokenClass::kInitial) {
    // An initial in the query may stand for a listed word ("J. Smith"); a listed
    // initial is not expanded, so a query word missing from a listed name is extra.
    if (qc == TokenClass::kInitial && nc == TokenClass::kWord &&
        name.canon.front() == query.canon.front()) {
      kind = EdgeKind::kInitial;
      return kInitialSimilarity;
    }
    return 0;
  }
  if (qc == TokenClass::kNumber || nc == TokenClass::kNumber) return 0;
  const bool query_word = qc == TokenClass::kWord;
  if (query_word != (nc == TokenClass::kWord)) return 0;
  // Read as written: '1' stands for i (the canon) or l ("kha1i1" / khalil).
  if (query_word && query.text != query.canon && ReadsAs(query.text, name.canon)) {
    kind = EdgeKind::kLookAlike;
    return kLookAlikeSimilarity;
  }

  double best = 0;
  const int max_typos = MaxTyposBetween(query.canon.size(), name.canon.size());
  if (max_typos > 0 && !TooManyMissingLetters(query.letters, name.letters, max_typos)) {
    const int d = BoundedOsaDistance(query.canon, name.canon, max_typos);
    if (d <= max_typos) {
      best = 1.0 -
             kTypoCost * d / static_cast<double>(std::max(query.canon.size(), name.canon.size()));
      kind = EdgeKind::kTypo;
    }
  }
  if (!query_word) return best;
  if (kPhoneticSimilarity > best && !query.phonetic.empty() && query.phonetic == name.phonetic &&
      !TooManyMissingLetters(query.letters, name.letters,
                             MaxPhoneticEdits(std::max(query.canon.size(), name.canon.size()))) &&
      PhoneticPair(query.canon, name.canon)) {
    best = kPhoneticSimilarity;
    kind = EdgeKind::kPhonetic;
  }
  if (kAbbreviationSimilarity > best && IsPrefixAbbreviation(query.canon, name.canon)) {
    best = kAbbreviationSimilarity;
    kind = EdgeKind::kAbbreviation;
  }
  if (kNicknameSimilarity > best && NicknamePair(query.canon, name.canon)) {
    best = kNicknameSimilarity;
    kind = EdgeKind::kNickname;
  }
  return best;
}

AlignmentResult ScoreAlignment(std::span<const ScoringToken> query,
                               std::span<const ScoringToken> name, std::vector<Edge>* edges_out) {
  thread_local std::vector<Edge> edges;
  edges.clear();
  for (std::size_t i = 0; i < query.size(); ++i) {
    for (std::size_t j = 0; j < name.size(); ++j) {
      EdgeKind kind = EdgeKind::kExact;
      const double s = PairSimilarity(query[i], name[j], kind);
      if (s > 0) {
        edges.push_back({static_cast<std::uint8_t>(i), 1, static_cast<std::uint8_t>(j), 1, kind, s,
                         name[j].weight});
      }
      if (i + 1 < query.size() &&
          (IsConcatenation(name[j].canon, query[i].canon, query[i + 1].canon) ||
           IsConcatenation(name[j].text, query[i].text, query[i + 1].text))) {
        edges.push_back({static_cast<std::uint8_t>(i), 2, static_cast<std::uint8_t>(j), 1,
                         EdgeKind::kSplit, kSplitJoinSimilarity, name[j].weight});
      }
      if (j + 1 < name.size() &&
          (IsDistinctive(name[j].token_class) || IsDistinctive(name[j + 1].token_class)) &&
          (IsConcatenation(query[i].canon, name[j].canon, name[j + 1].canon) ||
           IsConcatenation(query[i].text, name[j].text, name[j + 1].text))) {
        edges.push_back({static_cast<std::uint8_t>(i), 1, static_cast<std::uint8_t>(j), 2,
                         EdgeKind::kJoined, kSplitJoinSimilarity,
                         name[j].weight + name[j + 1].weight});
      }
    }
  }
  std::sort(edges.begin(), edges.end(), EdgeBefore);

  std::uint64_t query_used = 0;
  std::uint64_t name_used = 0;
  double numerator = 0;
  double aligned = 0;
  bool distinctive_edge = false;
  bool all_exact = true;
  if (edges_out) edges_out->clear();
  for (const Edge& e : edges) {
    const std::uint64_t q_bits = ((std::uint64_t{1} << e.query_count) - 1) << e.query_first;
    const std::uint64_t n_bits = ((std::uint64_t{1} << e.name_count) - 1) << e.name_first;
    if ((query_used & q_bits) || (name_used & n_bits)) continue;
    query_used |= q_bits;
    name_used |= n_bits;
    numerator += e.similarity * 2 * e.weight;
    aligned += 2 * e.weight;
    all_exact = all_exact && e.kind == EdgeKind::kExact;
    if (e.kind != EdgeKind::kInitial) {
      for (std::size_t j = e.name_first; j < e.name_first + e.name_count; ++j) {
        distinctive_edge = distinctive_edge || IsDistinctive(name[j].token_class);
      }
    }
    if (edges_out) edges_out->push_back(e);
  }
  double extra = 0;
  double missing = 0;
  bool extra_own = false;
  for (std::size_t i = 0; i < query.size(); ++i) {
    if (query_used >> i & 1) continue;
    extra += query[i].weight;
    extra_own = extra_own || CountsAsOwnWord(query[i].token_class);
  }
  int name_distinctive_count = 0;
  for (std::size_t j = 0; j < name.size(); ++j) {
    name_distinctive_count += IsDistinctive(name[j].token_class) ? 1 : 0;
    if (!(name_used >> j & 1)) missing += name[j].weight;
  }
  const bool name_distinctive = name_distinctive_count > 0;
  AlignmentResult result;
  const double denominator = aligned + kExtraFactor * extra + kMissingFactor * missing;
  result.score = denominator > 0 ? numerator / denominator : 0;
  const bool same_common_words =
      !name_distinctive && all_exact && extra == 0 && missing == 0 && !name.empty();
  if (!distinctive_edge && !same_common_words && result.score > kCommonOnlyCap) {
    result.score = kCommonOnlyCap;
    result.capped = true;
  }
  if (name_distinctive_count == 1 && extra_own && result.score > kOneWordCap &&
      HasWordOfItsOwn(query, name, query_used)) {
    result.score = kOneWordCap;
    result.one_word = true;
  }
  return result;
}

}  // namespace tollgate::screening

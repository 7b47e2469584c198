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

// True when `token` is within typo distance of one of `others` (as written, at least
// one edit allowed): a misspelt word or legal form left unaligned ("globl" for global,
// "oysc" for ojsc; the lexicon corrects only words of 6+ letters), not a word of its own.
bool NearAny(const ScoringToken& token, std::span<const ScoringToken> others) {
  return std::any_of(others.begin(), others.end(), [&](const ScoringToken& other) {
    const int max_typos = std::max(1, MaxTyposBetween(token.canon.size(), other.text.size()));
    return BoundedOsaDistance(token.canon, other.text, max_typos) <= max_typos;
  });
}

// A query token that, left unaligned, makes a one-word name another name: a word or a
// number, and a business word ("Consulting", "Logistics") unless the query also holds
// the name's own business words (and its legal forms, when it has no business word:
// ScoreAlignment's name_generic_kept). Issue 16 item 4: a one-word name matches
// only that word plus legal forms or initials. A business word beside the name's own
// generic words describes the same company ("GREEN Global SHIPPING" for GREEN SHIPPING;
// counting it lost one in ten of the first table's listed names with a word added,
// extra_word 98.8% -> 89.0%), beside none of them another one ("Novak Logistics S.A.
// de C.V." for NOVAK OOO, "Lighthouse Consulting GmbH" for LIGHTHOUSE).
bool CountsAsOwnWord(TokenClass token_class, bool name_generic_kept) {
  return IsDistinctive(token_class) || (token_class == TokenClass::kCommon && !name_generic_kept);
}

// True when a query token of CountsAsOwnWord left unaligned is a word of the query's
// own: not NearAny name token. The one-word cap applies only then.
bool HasWordOfItsOwn(std::span<const ScoringToken> query, std::span<const ScoringToken> name,
                     std::uint64_t query_used, bool name_generic_kept) {
  for (std::size_t i = 0; i < query.size(); ++i) {
    if ((query_used >> i & 1) || !CountsAsOwnWord(query[i].token_class, name_generic_kept)) {
      continue;
    }
    if (!NearAny(query[i], name)) return true;
  }
  return false;
}

// Words and initials: the tokens that tell one person or company from another.
bool Identifies(TokenClass token_class) {
  return IsDistinctive(token_class) || token_class == TokenClass::kInitial;
}

// True when `a` is spelt like `b`: within kPhoneticMinEdits edits or a third of the
// longer word, as phonetic pairs are ("Sechev" / Sechin, "Husayn" / Hussein), or one
// begins or ends with the other, of 3+ letters (words written together, "malualdhal"
// / dhal, that a join could not align because one of them was aligned already).
bool Resembles(const ScoringToken& a, const ScoringToken& b) {
  const std::string_view& part = a.text.size() < b.text.size() ? a.text : b.text;
  const std::string_view& whole = a.text.size() < b.text.size() ? b.text : a.text;
  if (part.size() >= 3 && (whole.starts_with(part) || whole.ends_with(part))) return true;
  const int max_edits = MaxPhoneticEdits(std::max(a.canon.size(), b.canon.size()));
  return BoundedOsaDistance(a.canon, b.canon, max_edits) <= max_edits;
}

// Weight of the tokens of `tokens` outside `used` that Identifies and that resemble
// no token of `others` outside `others_used`: words one name has in place of the
// other's, not misspelt beyond a typo pair.
double OwnUnalignedWeight(std::span<const ScoringToken> tokens, std::uint64_t used,
                          std::span<const ScoringToken> others, std::uint64_t others_used) {
  double weight = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if ((used >> i & 1) || !Identifies(tokens[i].token_class)) continue;
    bool resembles = false;
    for (std::size_t j = 0; j < others.size() && !resembles; ++j) {
      resembles = !(others_used >> j & 1) && Resembles(tokens[i], others[j]);
    }
    if (!resembles) weight += tokens[i].weight;
  }
  return weight;
}

// True when the query holds every word of the name's legal form or common word `token`
// as written, together or apart ("LIMITED Industrial LIABILITY COMPANY" holds "limited
// liability company").
bool HoldsWordsOf(const ScoringToken& token, std::span<const ScoringToken> query) {
  std::string_view rest = token.text;
  while (!rest.empty()) {
    const std::size_t space = rest.find(' ');
    const std::string_view word = rest.substr(0, space);
    const bool held = std::any_of(query.begin(), query.end(), [&](const ScoringToken& q) {
      return q.text == word || q.canon == word;
    });
    if (!word.empty() && !held) return false;
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  return true;
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

namespace {

// Reads a word as the romanizations of Arabic and Persian names agree on it: a doubled
// letter once (the shadda is often left out), the diphthong written ai, ay, ei or ey as
// one sound 'E', y as a vowel i: "husayn", "hussein" and "husain" all read "husEn",
// "shaykh" and "sheikh" "shEkh". Other vowels stay as written, so "horizon" is not
// "horryzin" nor "morrin" "miran". One letter at a time, without a copy: most pairs
// differ within the first letters.
class RomanizationReader {
 public:
  explicit RomanizationReader(std::string_view word) : word_(word) {}
  // The next letter as read, or '\0' at the end.
  char Next() {
    if (at_ >= word_.size()) return '\0';
    const char c = word_[at_];
    const char next = At(at_ + 1);
    at_ += 1;
    char read = c == 'y' ? 'i' : c;
    if ((c == 'a' || c == 'e') && (next == 'i' || next == 'y')) {
      read = 'E';
      at_ += 1;
    }
    while (At(at_) == word_[at_ - 1]) ++at_;  // a doubled letter once
    return read;
  }

 private:
  char At(std::size_t i) const { return i < word_.size() ? word_[i] : '\0'; }
  std::string_view word_;
  std::size_t at_ = 0;
};

bool SameRomanization(std::string_view a, std::string_view b) {
  RomanizationReader ra(a), rb(b);
  for (;;) {
    const char x = ra.Next();
    if (x != rb.Next()) return false;
    if (x == '\0') return true;
  }
}

}  // namespace

bool PhoneticPair(std::string_view a, std::string_view b) {
  const int max_edits = MaxPhoneticEdits(std::max(a.size(), b.size()));
  if (BoundedOsaDistance(a, b, max_edits) <= max_edits) return true;
  // Spelt apart only by a doubled letter and the spelling of a diphthong.
  return SameRomanization(a, b);
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
  int joined_words = 0;
  bool all_exact = true;
  bool exact_word = false;     // a distinctive name word aligned with similarity 1
  double initial_aligned = 0;  // 2 w of the initials aligned with words
  // Every pair aligned in full (similarity 1: the same word or look-alikes for it) and
  // each distinctive name word of kWholeNameMinLetters or more; with fewer than two
  // such words no name is whole.
  bool whole_name_words = true;
  int whole_name_count = 0;
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
    whole_name_words = whole_name_words && e.similarity >= 1.0;
    // Two words of the name the query writes as one ("HONORBANK" for HONOR BANK) make
    // one word of it for the one-word cap.
    if (e.kind == EdgeKind::kJoined && IsDistinctive(name[e.name_first].token_class) &&
        IsDistinctive(name[e.name_first + 1].token_class)) {
      ++joined_words;
    }
    if (e.kind != EdgeKind::kInitial) {
      for (std::size_t j = e.name_first; j < e.name_first + e.name_count; ++j) {
        if (!IsDistinctive(name[j].token_class)) continue;
        distinctive_edge = true;
        exact_word = exact_word || e.similarity >= 1.0;
        whole_name_words = whole_name_words && name[j].canon.size() >= kWholeNameMinLetters;
        ++whole_name_count;
      }
    } else {
      initial_aligned += 2 * e.weight;
    }
    if (edges_out) edges_out->push_back(e);
  }
  double extra = 0;
  double missing = 0;
  int name_distinctive_count = 0;
  bool name_generic = false;
  bool name_business = false;     // a legal form or common word: a company's name
  bool name_generic_kept = true;  // the unaligned business words and particles held
  bool name_legal_forms_kept = true;
  bool name_trade_words = false;  // a business word or particle, not a legal form
  bool name_identifier_missing = false;
  for (std::size_t j = 0; j < name.size(); ++j) {
    const bool distinctive = IsDistinctive(name[j].token_class);
    const bool generic = !distinctive && name[j].token_class != TokenClass::kInitial;
    const bool legal_form = name[j].token_class == TokenClass::kLegalForm;
    name_distinctive_count += distinctive ? 1 : 0;
    name_generic = name_generic || generic;
    name_business = name_business || legal_form || name[j].token_class == TokenClass::kCommon;
    name_trade_words = name_trade_words || (generic && !legal_form);
    if (name_used >> j & 1) continue;
    missing += name[j].weight;
    const bool held = !generic || HoldsWordsOf(name[j], query);
    (legal_form ? name_legal_forms_kept : name_generic_kept) &= held;
    name_identifier_missing = name_identifier_missing || Identifies(name[j].token_class);
  }
  // A name's legal form ("Co., Ltd.") is routinely dropped or written otherwise: a query
  // that keeps the words of the name's trade ("Huawei Technologies Holding" for "Huawei
  // Technologies Co., Ltd.") has kept what the name says of itself, and its own business
  // word names no other company. A name with no such word ("GREEN LLC") must keep its
  // legal form too: a one-word name adds no more than that (issue 16, item 4).
  name_generic_kept =
      name_generic && name_generic_kept && (name_legal_forms_kept || name_trade_words);
  bool extra_own = false;
  bool query_identifier_extra = false;
  bool query_word_extra = false;
  bool extra_words_only = true;  // every query token left over an ordinary word
  for (std::size_t i = 0; i < query.size(); ++i) {
    if (query_used >> i & 1) continue;
    extra += query[i].weight;
    extra_words_only = extra_words_only && query[i].token_class == TokenClass::kWord;
    query_word_extra = query_word_extra || IsDistinctive(query[i].token_class);
    extra_own = extra_own || CountsAsOwnWord(query[i].token_class, name_generic_kept);
    query_identifier_extra = query_identifier_extra || Identifies(query[i].token_class);
  }
  // An initial counts in full only beside a word that agrees exactly and no word or
  // number of the query's own left over (scorer.h, kInitialSimilarity); the edges were chosen at
  // the larger similarity, and lowering it afterwards only lowers the score.
  if (initial_aligned > 0 && (query_word_extra || !exact_word)) {
    numerator -= (kInitialSimilarity - kWeakInitialSimilarity) * initial_aligned;
    if (edges_out) {
      for (Edge& e : *edges_out) {
        if (e.kind == EdgeKind::kInitial) e.similarity = kWeakInitialSimilarity;
      }
    }
  }
  // A word replaced is not a word left out: when each name has words or initials of its
  // own where the other has none ("... HABBUSH AL-DULAIMI" / "... HABBUSH AL-TIKRITI",
  // "Hans O Friedrich" / "Hans Joachim Friedrich"), the lesser of the two weights counts
  // in full on both sides (kSubstitutionFactor), as evidence of another person or
  // company; a word only omitted or only added keeps the milder factors.
  double substituted = 0;
  if (name_identifier_missing && query_identifier_extra) {
    substituted = std::min(OwnUnalignedWeight(query, query_used, name, name_used),
                           OwnUnalignedWeight(name, name_used, query, query_used));
  }
  const bool name_distinctive = name_distinctive_count > 0;
  AlignmentResult result;
  result.substituted = substituted;
  whole_name_words = whole_name_words && whole_name_count >= 2;
  // The whole listed name inside a longer query (scorer.h, kWholeNameExtraFactor).
  result.whole_name = extra > 0 && extra_words_only && missing == 0 && whole_name_words &&
                      !name_business && initial_aligned == 0 && 2 * extra <= aligned;
  const double extra_factor = result.whole_name ? kWholeNameExtraFactor : kExtraFactor;
  const double denominator =
      aligned + extra_factor * extra + kMissingFactor * missing + kSubstitutionFactor * substituted;
  result.score = denominator > 0 ? numerator / denominator : 0;
  const bool same_common_words =
      !name_distinctive && all_exact && extra == 0 && missing == 0 && !name.empty();
  if (!distinctive_edge && !same_common_words && result.score > kCommonOnlyCap) {
    result.score = kCommonOnlyCap;
    result.capped = true;
  }
  if (name_distinctive_count - joined_words == 1 && extra_own && result.score > kOneWordCap &&
      HasWordOfItsOwn(query, name, query_used, name_generic_kept)) {
    result.score = kOneWordCap;
    result.one_word = true;
  }
  return result;
}

}  // namespace tollgate::screening

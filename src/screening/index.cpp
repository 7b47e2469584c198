// Index::Screen and Index::Explain: prepare the query once, gather candidates from
// the lookups, score them with the shared scorer, keep each entry's best name, and
// describe the winners.
#include <algorithm>
#include <cstdio>
#include <string>

#include "screening/candidates.h"
#include "screening/explain.h"
#include "screening/facts.h"
#include "screening/index_impl.h"
#include "screening/scripts/screen_forms.h"

namespace tollgate::screening {
namespace {

bool InForce(const IndexedEntry& entry, const std::optional<Date>& as_of) {
  if (!as_of) return true;
  const int day = as_of->days_since_epoch();
  return (!entry.start_days || *entry.start_days <= day) &&
         (!entry.end_days || day <= *entry.end_days);
}

struct Scored {
  std::uint32_t entry = 0;
  std::uint32_t name = 0;  // index into Impl::names
  double score = 0;
  double name_score = 0;
  // The alignment the score came from: edges [edge_begin, +edge_count) of the query's
  // saved edges, kept so that explaining a match does not align it again.
  std::uint32_t edge_begin = 0;
  std::uint32_t edge_count = 0;
  AlignmentResult alignment;  // its caps and substitution, for the explanation
};

// Best first; equal scores in list and id order so results never depend on the
// order of the candidates.
bool Better(const Index::Impl& impl, const Scored& a, const Scored& b) {
  if (a.score != b.score) return a.score > b.score;
  if (!impl.names_only) {
    const lists::ListEntry& ea = *impl.entries[a.entry].entry;
    const lists::ListEntry& eb = *impl.entries[b.entry].entry;
    if (ea.list != eb.list) return ea.list < eb.list;
    if (ea.entry_id != eb.entry_id) return ea.entry_id < eb.entry_id;
  }
  return a.entry < b.entry;
}

// A match with its entry, scores and matched name; with `notes`, also the notes of its
// adjustments (Describe adds the rest of the explanation).
Match MatchOf(const QueryFacts& facts, const SecondaryFacts& secondary, const IndexedEntry& entry,
              std::size_t position, std::string name_text, bool alias, bool weak, double name_score,
              bool notes) {
  Match match;
  match.entry = entry.entry;
  match.position = position;
  match.name_score = name_score;
  if (weak && notes) {
    char penalty[16];
    std::snprintf(penalty, sizeof penalty, "%.2f", kWeakAliasPenalty);
    match.adjustments.push_back(
        std::string("a weak alias (the list marks it low quality): name score -") + penalty);
  }
  std::vector<std::string>* adjustments = notes ? &match.adjustments : nullptr;
  const double adjustment = Adjust(facts, entry, adjustments) +
                            AdjustForFacts(secondary, ListedFacts(entry), name_score, adjustments);
  match.score = std::clamp(name_score + adjustment, 0.0, 1.0);
  match.matched_name = std::move(name_text);
  match.matched_alias = alias;
  return match;
}

}  // namespace

Index::Index(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Index::~Index() = default;

std::vector<Match> Index::Screen(const Query& query) const {
  const Impl& impl = *impl_;
  // A name in another script: each of its romanizations (scripts/).
  if (auto forms = ScreenScriptForms(*this, impl, query)) return std::move(*forms);
  const PreparedName prepared = PrepareName(impl, query.name, kMaxQueryTokens);
  if (prepared.tokens.empty() || query.limit == 0) return {};
  const QueryFacts facts = FactsOf(query, prepared);
  const SecondaryFacts secondary = SecondaryFactsOf(query);

  thread_local std::vector<ScoringToken> name_tokens;
  thread_local std::vector<Edge> edges;
  thread_local std::vector<Edge> saved_edges;  // of the names at or above the threshold
  thread_local std::vector<Scored> scored;
  scored.clear();
  saved_edges.clear();
  thread_local std::vector<Candidate> candidates;

  const double min_name_score =
      query.threshold - MaxRaise(facts) - MaxFactRaise(secondary) - kScoreTolerance;
  FindCandidates(impl, prepared, min_name_score, candidates);
  // Most candidates fail on the name alone: the entry (dates, type, countries), one
  // more cache miss on a large list, is read only for those that do not.
  for (const Candidate& candidate : candidates) {
    const IndexedName& name = impl.names[candidate.name];
    name_tokens.clear();
    for (std::uint32_t p = 0; p < name.token_count; ++p) {
      name_tokens.push_back(impl.NameToken(name.token_begin + p));
    }
    const AlignmentResult result = ScoreAlignment(prepared.scoring, name_tokens, &edges);
    const double name_score = name.weak ? WeakAliasScore(result.score) : result.score;
    if (name_score < min_name_score) continue;
    const IndexedEntry& entry = impl.EntryAt(name.entry);
    if (!InForce(entry, query.as_of)) continue;
    const double score =
        std::clamp(name_score + Adjust(facts, entry, nullptr) +
                       AdjustForFacts(secondary, ListedFacts(entry), name_score, nullptr),
                   0.0, 1.0);
    if (score >= query.threshold - kScoreTolerance) {
      scored.push_back({name.entry, candidate.name, score, name_score,
                        static_cast<std::uint32_t>(saved_edges.size()),
                        static_cast<std::uint32_t>(edges.size()), result});
      saved_edges.insert(saved_edges.end(), edges.begin(), edges.end());
    }
  }
  // Each entry once, under its best name (the earliest indexed on a tie, so the
  // primary name wins over an alias that scores the same).
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    if (a.entry != b.entry) return a.entry < b.entry;
    if (a.score != b.score) return a.score > b.score;
    return a.name < b.name;
  });
  scored.erase(std::unique(scored.begin(), scored.end(),
                           [](const Scored& a, const Scored& b) { return a.entry == b.entry; }),
               scored.end());
  std::sort(scored.begin(), scored.end(),
            [&](const Scored& a, const Scored& b) { return Better(impl, a, b); });
  if (scored.size() > query.limit) scored.resize(query.limit);

  std::vector<Match> matches;
  matches.reserve(scored.size());
  thread_local std::vector<DescribedToken> query_tokens;
  thread_local std::vector<DescribedToken> match_tokens;
  if (query.explain) DescribedTokens(prepared, query_tokens);
  for (const Scored& s : scored) {
    const IndexedName& name = impl.names[s.name];
    Match& match =
        matches.emplace_back(MatchOf(facts, secondary, impl.EntryAt(s.entry), s.entry, name.text,
                                     name.alias, name.weak, s.name_score, query.explain));
    if (!query.explain) continue;
    DescribedTokens(impl, s.name, match_tokens);
    Describe(query_tokens, match_tokens,
             std::span<const Edge>(saved_edges).subspan(s.edge_begin, s.edge_count), s.alignment,
             match);
  }
  return matches;
}

void Index::WaitForBackgroundBuild() const { WaitForSkeletonIndex(*impl_); }

Match Index::Explain(const Query& query, const lists::ListEntry& entry) const {
  const Impl& impl = *impl_;
  if (auto form = ExplainScriptForms(*this, impl, query, entry)) return std::move(*form);
  const PreparedName prepared = PrepareName(impl, query.name, kMaxQueryTokens);
  const IndexedEntry indexed = MakeIndexedEntry(entry);
  std::vector<EntryName> names = NamesOf(entry);
  std::size_t best = 0;
  double best_score = -1;
  for (std::size_t k = 0; k < names.size(); ++k) {
    const PreparedName name = PrepareName(impl, names[k].text, kMaxNameTokens);
    if (name.tokens.empty()) continue;
    const double alignment = ScoreAlignment(prepared.scoring, name.scoring, nullptr).score;
    const double score = names[k].weak ? WeakAliasScore(alignment) : alignment;
    if (score > best_score) {
      best_score = score;
      best = k;
    }
  }
  if (best_score < 0) {
    Match empty;
    empty.entry = indexed.entry;
    empty.explanation = "the entry has no name to compare.";
    return empty;
  }
  const PreparedName name = PrepareName(impl, names[best].text, kMaxNameTokens);
  std::vector<Edge> edges;
  const AlignmentResult result = ScoreAlignment(prepared.scoring, name.scoring, &edges);
  std::vector<DescribedToken> query_tokens;
  std::vector<DescribedToken> name_tokens;
  DescribedTokens(prepared, query_tokens);
  DescribedTokens(name, name_tokens);
  Match match =
      MatchOf(FactsOf(query, prepared), SecondaryFactsOf(query), indexed, 0,
              std::move(names[best].text), names[best].alias, names[best].weak, best_score, true);
  Describe(query_tokens, name_tokens, edges, result, match);
  return match;
}

}  // namespace tollgate::screening

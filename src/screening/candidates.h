// Candidate generation: which indexed names can reach the threshold for a query,
// found from a bounded number of lookups (exact tokens, typo deletions, phonetic and
// prefix keys, adjacent-token concatenations) and never by scanning all names.
//
// Reading order for a newcomer:
//   score_bound.h  the bound of a name's score, derived once with a worked example;
//                  pure functions, tested on their own (score_bound_test.cpp)
//   mark_table.h   the names a query reached and what it reached of each
//   lookups.h/.cpp the lookups: the index tokens each query token reaches (its terms),
//                  and the names concatenations reach
//   candidates.cpp the walks over the terms' postings and the bound of each name
//
// Each lookup marks which tokens of which names it reached. From those marks an
// upper bound on ScoreAlignment is computed per name (unmarked name words cannot be
// aligned; unmarked query words are extra; score_bound.h); names whose bound plus the
// largest possible adjustment stays below the threshold are dropped before scoring. Because every
// pair rule of the scorer between distinctive tokens has a lookup here, the bound is safe: nothing
// that would score at or above the threshold is dropped (reference_scorer_test.cpp checks this
// against a brute-force scan, on a few hundred names and on the 21,000 of the SDN list).
//
// A frequent word does not walk all its postings: the index tokens a query reaches
// are walked heaviest first, each only over the names whose total weight still
// leaves room for a match given the tokens walked before it (postings are sorted by
// name weight; see Finder::WalkTerms). Each posting lists its name's other
// distinctive tokens (PostingWords), so a walk bounds a name it reaches with every
// mark the lookups would give it before the name costs an entry in the mark table;
// the few names too long for that list learn the rest of their marks afterwards, so
// the bound above sees every mark it would have seen.
//
// Thread-safety: uses thread_local scratch; safe to call concurrently.
// Failure: none.
#pragma once

#include <cstdint>
#include <vector>

#include "screening/index_impl.h"

namespace tollgate::screening {

struct Candidate {
  std::uint32_t name = 0;
  double bound = 0;  // upper bound of the name score
};

// Names of `impl` whose score bound is at least `min_name_score`, in no particular
// order. `query` comes from PrepareName(impl, ..., kMaxQueryTokens).
// `out` is cleared first; callers keep it between queries to reuse its memory.
void FindCandidates(const Index::Impl& impl, const PreparedName& query, double min_name_score,
                    std::vector<Candidate>& out);

}  // namespace tollgate::screening

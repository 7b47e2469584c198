// Turns a scored alignment into what an analyst reads: the per-token alignment of a
// Match and its one-paragraph explanation, and the country and type adjustments.
//
// Thread-safety: pure functions.
// Failure: none.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "screening/index_impl.h"
#include "screening/scorer.h"
#include "tollgate/screening/screening.h"

namespace tollgate::screening {

inline constexpr double kCountryAgrees = 0.02;
inline constexpr double kCountryDiffers = -0.03;
inline constexpr double kTypeAgrees = 0.01;
inline constexpr double kTypeDiffers = -0.08;

// What the adjustments read of a query, worked out once per query.
struct QueryFacts {
  std::string country;  // upper-case ISO alpha-2, "" when not given
  std::optional<lists::EntryType> type;
  const NameToken* legal_form = nullptr;  // the query's first legal form, if any
};
QueryFacts FactsOf(const Query& query, const PreparedName& prepared);

// The most Adjust can add to any entry's score for a query with these facts; candidate
// pruning leaves room for it. Only an agreeing country or type raises a score, so a
// query that gives neither (most batch and bench queries) is pruned at its threshold.
double MaxRaise(const QueryFacts& facts);

// Sum of the adjustments for a query against an entry; with `notes`, also says why.
// Without an explicit type, a query that carries a legal form names an organisation,
// so an individual, vessel or aircraft entry disagrees.
double Adjust(const QueryFacts& facts, const IndexedEntry& entry, std::vector<std::string>* notes);

// What describing an alignment reads of each token, as views: a query's come from its
// PreparedName, an indexed name's straight from the index, with no copy of its words.
struct DescribedToken {
  std::string_view text;  // as written (folded)
  TokenClass token_class = TokenClass::kWord;
  bool abbreviation = false;
  bool corrected = false;
  double weight = 0;
};
// Views of `prepared`'s tokens, into `out` (cleared first); valid while it lives.
void DescribedTokens(const PreparedName& prepared, std::vector<DescribedToken>& out);
// Views of indexed name `name`'s tokens, into `out`; valid while the index lives.
void DescribedTokens(const Index::Impl& impl, std::uint32_t name, std::vector<DescribedToken>& out);

// Fills match.alignment and match.explanation (matched_name, matched_alias,
// adjustments and score must be set already) from the alignment `edges` that gave
// `result`.
void Describe(std::span<const DescribedToken> query, std::span<const DescribedToken> name,
              std::span<const Edge> edges, const AlignmentResult& result, Match& match);

}  // namespace tollgate::screening

// The lookups of candidate generation: from a prepared query, the index tokens each
// query token reaches (exactly, by a typo, phonetically, as an abbreviation: its
// terms), the names that concatenations of adjacent words reach (marked at once), the
// index's legal forms and common words the query could align, and the names made only
// of the query's common words. candidates.cpp then walks the terms' postings and bounds
// each name (score_bound.h).
//
// Thread-safety: one Scratch per thread. Failure: none.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "screening/index_impl.h"
#include "screening/mark_table.h"

namespace tollgate::screening {

// Per-thread scratch, reused from query to query.
struct Scratch {
  // An index token that a query token reaches (exactly, by a typo, phonetically or as
  // an abbreviation), and the part of its postings left unwalked.
  struct Term {
    std::uint32_t token = 0;
    std::uint32_t query = 0;         // position of the query token
    double weight = 0;               // the token's weight times its similarity to the query token
    std::uint32_t walked_begin = 0;  // into Impl::postings
    std::uint32_t walked_end = 0;
    // Postings in [walked_begin, walked_end) that were not marked: [skipped_begin,
    // skipped_end) of Scratch::skipped.
    std::uint32_t skipped_begin = 0;
    std::uint32_t skipped_end = 0;
  };
  MarkTable marks;
  std::vector<std::uint32_t> forced;  // same common words exactly: bound 1
  // Per token: the generation of the query token that last reached it; each query
  // token takes a new generation.
  std::vector<std::uint32_t> token_state;
  std::uint32_t generation = 0;
  // Per token, when it is a term: the query tokens reaching it and its best
  // Term::weight (together: one cache line for both).
  struct TokenTerms {
    std::uint32_t bits = 0;
    float weight = 0;
  };
  std::vector<TokenTerms> token_terms;
  std::vector<Term> terms;
  std::vector<double> next_weight;  // per term: the next lighter term of its query token
  std::vector<std::uint64_t> variants;
  std::vector<std::uint32_t> skipped;  // postings walks passed over (Term::skipped_begin)
  // Per low token (Impl::low_tokens): its weight when some query token pairs with it,
  // else 0; `low_set` lists the ones set.
  std::vector<float> low_alignable;
  std::vector<std::uint16_t> low_set;
  std::vector<std::uint32_t> neighbours;  // of a query word the index does not know
  std::vector<float> memo_bound;          // per set of reaching query tokens, see TokensFail
  std::vector<float> memo_extra;
  std::string joined;
};

// What the lookups found out besides the marks and terms they left in Scratch. The
// three concatenation sets are bit sets of query positions.
struct LookupFacts {
  struct Concatenations {
    std::uint32_t split = 0;  // tokens that, with a neighbour, spell a name word
    // Tokens that, joined with a neighbour, may spell a legal form or common word of
    // some name (or a name word): never counted as surely extra.
    std::uint32_t maybe_aligned = 0;
    std::uint32_t joinable = 0;  // tokens that some listed pair of words spells
  } concat;
  bool any_low = false;               // FindLowPartners could not tell: every low token may align
  bool low_term = false;              // a term is a low token (PostingWords do not list it)
  std::uint64_t term_filter[4] = {};  // see TermFilterBit
};

// The bit of `token` in LookupFacts::term_filter, a 256-bit filter of the terms: most
// tokens a name's PostingWords list are not terms, and the filter answers without a
// read of Scratch::token_terms.
inline std::uint32_t TermFilterBit(std::uint32_t token) { return (token * 0x9e3779b1u) >> 24; }

// Runs every lookup of `query` (PrepareName(impl, ..., kMaxQueryTokens)): fills
// `scratch` (marks, forced, terms, token_terms, low_alignable) and `facts`. The
// scratch's marks, forced names and terms must be empty.
void LookUp(const Index::Impl& impl, const PreparedName& query, Scratch& scratch,
            LookupFacts& facts);

// Marks every name of postings [begin, end) of `token` as reached by `query_tokens`.
inline void MarkPostings(const Index::Impl& impl, MarkTable& marks, std::uint32_t token,
                         std::uint32_t begin, std::uint32_t end, std::uint32_t query_tokens) {
  const double weight = impl.token_weight[token];
  for (std::uint32_t k = begin; k < end; ++k) {
    // Names are scattered: a walk starts their loads early.
    constexpr std::uint32_t kAhead = 8;
    if (k + kAhead < end) marks.Prefetch(impl.postings[k + kAhead] >> kPositionBits);
    const std::uint32_t posting = impl.postings[k];
    Update(marks.FindOrAdd(posting >> kPositionBits, impl.posting_bounds[k]), PositionBit(posting),
           query_tokens, weight);
  }
}

}  // namespace tollgate::screening

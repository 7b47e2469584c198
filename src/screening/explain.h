// Turns a scored alignment into what an analyst reads: the per-token alignment of a
// Match and its one-paragraph explanation, and the country and type adjustments.
//
// Thread-safety: pure functions.
// Failure: none.
#pragma once

#include <string>
#include <vector>

#include "screening/index_impl.h"
#include "screening/scorer.h"
#include "tollgate/screening/screening.h"

namespace tollgate::screening {

// The largest amount adjustments can add; candidate pruning leaves room for it.
inline constexpr double kMaxRaise = 0.03;
inline constexpr double kCountryAgrees = 0.02;
inline constexpr double kCountryDiffers = -0.03;
inline constexpr double kTypeAgrees = 0.01;
inline constexpr double kTypeDiffers = -0.05;

// Sum of the adjustments for `query` against an entry; with `notes`, also says why.
double Adjust(const Query& query, const IndexedEntry& entry, std::vector<std::string>* notes);

// Fills match.alignment and match.explanation (matched_name, matched_alias,
// adjustments and score must be set already).
void Describe(const PreparedName& query, const PreparedName& name, const std::vector<Edge>& edges,
              bool capped, Match& match);

}  // namespace tollgate::screening

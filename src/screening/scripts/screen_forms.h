// Screening a name written in another script under each of its romanized forms
// (script_forms.h), and the consonant-skeleton index its Arabic-script form is
// compared with. Index::Screen and Index::Explain call these first.
//
// Thread-safety: the skeleton index is built once, on the first query that needs it
// (std::call_once), then only read. Failure: none.
#pragma once

#include <optional>
#include <vector>

#include "screening/index_impl.h"

namespace tollgate::screening {

// A match through the consonant skeleton scores this share of its name score: it
// says less than a match of the letters (skeleton.h), so that an exact skeleton alone
// (1.0 -> 0.92) stays in the review band below an exact name.
inline constexpr double kSkeletonFactor = 0.92;

// A name in Han or Hangul matched to a name in the same script through a syllable
// that differs (a typo, phonetic or abbreviation pair: SameSyllabicScript) scores at
// most this, below the default threshold.
inline constexpr double kOtherSyllableCap = 0.8;

// Screen's answer when `query.name` needs its script forms or the Han rule
// (HanOnlyLength); nullopt when the plain path answers alone.
std::optional<std::vector<Match>> ScreenScriptForms(const Index& index, const Index::Impl& impl,
                                                    const Query& query);

// Likewise for Explain.
std::optional<Match> ExplainScriptForms(const Index& index, const Index::Impl& impl,
                                        const Query& query, const lists::ListEntry& entry);

}  // namespace tollgate::screening

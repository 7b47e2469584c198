// Screening a name written in another script under each of its romanized forms
// (script_forms.h), and the consonant-skeleton index its Arabic-script form is
// compared with. Index::Screen and Index::Explain call these first.
//
// Thread-safety: the skeleton index is built with the main index (StartSkeletonIndex),
// or by the first query that needs it (DeferSkeletonIndex), then only read. Failure: none.
#pragma once

#include <functional>
#include <memory>
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

// The names an entry is indexed under in the skeleton index: the consonant skeletons
// of its names (skeleton.h), each once, the first as its name, none weak.
std::vector<EntryName> SkeletonNamesOf(const lists::ListEntry& entry);

// Starts building the consonant-skeleton index of `impl`'s entries (the index an
// Arabic-script name is compared with): at once for a small index, else on a thread
// of its own, so that no query pays for it (one that comes before it is done waits
// for it). `build` builds, from the main index, an index of the same entries under
// SkeletonNamesOf that has no skeleton index of its own (its entries share the main
// index's: no copy of each listed entry). Reads impl.entries on that thread: they
// must be in place, and nothing may write them after.
struct BuiltIndex {
  std::shared_ptr<const Index> index;
  const Index::Impl* data = nullptr;  // index's own (Impl::skeleton_impl)
};
using IndexBuilder = std::function<BuiltIndex(const Index::Impl& main)>;
void StartSkeletonIndex(Index::Impl& impl, IndexBuilder build);

// Returns once the skeleton index StartSkeletonIndex started is built; at once for one
// that DeferSkeletonIndex defers (waiting would build it) and for none
// (Index::WaitForBackgroundBuild).
void WaitForSkeletonIndex(const Index::Impl& impl);

// Likewise for an index of names (Index::BuildNames, a party index), but built by the
// first query that needs it: a master of a million parties would hold its skeletons
// for the few names in Arabic script a list change brings.
using NamesIndexBuilder = std::function<std::shared_ptr<const Index>(std::vector<NamedEntry>)>;
void DeferSkeletonIndex(Index::Impl& impl, NamesIndexBuilder build);

// Screen's answer when `query.name` needs its script forms or the Han rule
// (HanOnlyLength); nullopt when the plain path answers alone.
std::optional<std::vector<Match>> ScreenScriptForms(const Index& index, const Index::Impl& impl,
                                                    const Query& query);

// Likewise for Explain.
std::optional<Match> ExplainScriptForms(const Index& index, const Index::Impl& impl,
                                        const Query& query, const lists::ListEntry& entry);

}  // namespace tollgate::screening

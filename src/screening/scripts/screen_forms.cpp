#include "screening/scripts/screen_forms.h"

#include <algorithm>
#include <chrono>
#include <future>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "screening/scripts/script_forms.h"
#include "screening/scripts/skeleton.h"

namespace tollgate::screening {
namespace {

// Sets `copy`'s name and aliases to the skeletons of `entry`'s names (NamesOf: the
// parts of a parenthesised name too), each written once. Each skeleton name's listed
// name rides in federal_register, in the order of name then aliases (marked "a" for an
// alias, "n" for a name), which scoring never reads: a match maps back without
// reading the entry's names again (NameWithSkeleton).
void SetSkeletonNames(const lists::ListEntry& entry, lists::ListEntry& copy) {
  for (const EntryName& name : NamesOf(entry)) {
    std::string skeleton = SkeletonName(name.text);
    if (skeleton.empty()) continue;
    const bool first = copy.name.empty();
    if (!first && (skeleton == copy.name ||
                   std::any_of(copy.aliases.begin(), copy.aliases.end(),
                               [&](const lists::Alias& a) { return a.name == skeleton; }))) {
      continue;
    }
    if (first) {
      copy.name = std::move(skeleton);
    } else {
      copy.aliases.push_back({std::move(skeleton), lists::AliasKind::kAka});
    }
    copy.federal_register.push_back((name.alias ? "a" : "n") + name.text);
  }
}

// `entry` under the skeletons of its names, carrying what scoring reads besides the
// names (Index::Explain of one entry against the skeleton index).
lists::ListEntry SkeletonEntry(const lists::ListEntry& entry) {
  lists::ListEntry copy;
  copy.list = entry.list;
  copy.entry_id = entry.entry_id;
  copy.type = entry.type;
  copy.addresses = entry.addresses;
  copy.nationalities = entry.nationalities;
  copy.dates_of_birth = entry.dates_of_birth;  // the secondary facts (facts.h)
  copy.ids = entry.ids;
  copy.start_date = entry.start_date;
  copy.end_date = entry.end_date;
  SetSkeletonNames(entry, copy);
  return copy;
}

// The skeleton index, waiting for its build (StartSkeletonIndex) or building it
// (an index of names) if it is not done; null in a skeleton index itself, which no
// name in Arabic script reaches. Its entry k is the main index's entry k
// (Match::position maps a match back).
const Index* SkeletonIndex(const Index::Impl& impl) {
  return impl.skeleton_index.valid() ? impl.skeleton_index.get().get() : nullptr;
}

// The listed name (and whether it is an alias) whose skeleton `skeleton_entry`
// matched as `skeleton` (SkeletonEntry); nullopt when it is not one of its names.
std::optional<std::pair<std::string, bool>> NameWithSkeleton(const lists::ListEntry& skeleton_entry,
                                                             const std::string& skeleton) {
  std::size_t slot = 0;
  if (skeleton != skeleton_entry.name) {
    const auto& aliases = skeleton_entry.aliases;
    const auto it = std::find_if(aliases.begin(), aliases.end(),
                                 [&](const lists::Alias& a) { return a.name == skeleton; });
    if (it == aliases.end()) return std::nullopt;
    slot = static_cast<std::size_t>(it - aliases.begin()) + 1;
  }
  if (slot >= skeleton_entry.federal_register.size()) return std::nullopt;
  const std::string_view listed = skeleton_entry.federal_register[slot];
  if (listed.empty()) return std::nullopt;
  return std::make_pair(std::string(listed.substr(1)), listed.front() == 'a');
}

// Likewise for an index of names, which keeps no skeleton entry: the first of
// `listed`'s names with that skeleton.
std::optional<std::pair<std::string, bool>> NameWithSkeletonAmong(const lists::ListEntry& listed,
                                                                  const std::string& skeleton) {
  for (const EntryName& name : NamesOf(listed)) {
    if (SkeletonName(name.text) == skeleton) return std::make_pair(name.text, name.alias);
  }
  return std::nullopt;
}

// Likewise for a name `skeleton` of the skeleton index `data` (StartSkeletonIndex),
// its entry `position`: what SkeletonNamesOf kept of it, without reading the listed
// names again (their skeletons go through ICU).
std::optional<std::pair<std::string, bool>> ListedNameOf(const Index::Impl& data,
                                                         std::size_t position,
                                                         const std::string& skeleton) {
  const auto first = std::lower_bound(
      data.names.begin(), data.names.end(), position,
      [](const IndexedName& name, std::size_t entry) { return name.entry < entry; });
  for (auto it = first; it != data.names.end() && it->entry == position; ++it) {
    if (it->text != skeleton) continue;
    const auto n = static_cast<std::size_t>(it - data.names.begin());
    const std::string_view listed =
        std::string_view(data.listed_texts)
            .substr(data.listed_begin[n], data.listed_begin[n + 1] - data.listed_begin[n]);
    if (listed.empty()) return std::nullopt;
    return std::make_pair(std::string(listed.substr(1)), listed.front() == 'a');
  }
  return std::nullopt;
}

// A match of the skeleton index as a match of `original` (`listed`: its names; null
// in an index of names), the main index's entry `position`: the name as listed, the
// name score scaled by kSkeletonFactor and the explanation saying how it was read.
void FromSkeleton(Match& match, const ScriptForm& form, const lists::ListEntry& listed,
                  std::shared_ptr<const lists::ListEntry> original, std::size_t position,
                  const Index::Impl* skeleton_data, bool explain) {
  const double adjustment = match.score - match.name_score;
  match.name_score *= kSkeletonFactor;
  match.score = std::clamp(match.name_score + adjustment, 0.0, 1.0);
  const std::string skeleton = match.matched_name;
  // The skeleton index screens the listed entries themselves (StartSkeletonIndex), so
  // a match of Screen holds `listed` and its index kept the listed names
  // (`skeleton_data`); one of Explain holds a SkeletonEntry; an index of names neither.
  std::optional<std::pair<std::string, bool>> name;
  if (match.entry && match.entry.get() != &listed) {
    name = NameWithSkeleton(*match.entry, skeleton);
  } else if (skeleton_data != nullptr && !skeleton_data->listed_begin.empty()) {
    name = ListedNameOf(*skeleton_data, position, skeleton);
  } else {
    name = NameWithSkeletonAmong(listed, skeleton);
  }
  if (name) {
    match.matched_name = name->first;
    match.matched_alias = name->second;
  }
  match.entry = std::move(original);
  match.position = position;
  if (!explain) return;
  match.explanation =
      "Its script writes no short vowels, or its romanizations disagree on "
      "them: compared by " +
      form.how + ", '" + form.text + "' against '" + match.matched_name + "' read '" + skeleton +
      "' (see README, how a score is made); a skeleton match counts " +
      std::to_string(kSkeletonFactor).substr(0, 4) + " of its name score. " + match.explanation;
}

// A skeleton is a coarse key: a match through it must align at least two words of
// the name (particles and legal forms do not count), so that one short skeleton
// ("fd" for Faiz, فيض) never carries a match alone.
// The words of a skeleton name that can carry a match (not "al", "bn", single letters).
int SkeletonWords(std::string_view skeleton) {
  int words = 0;
  for (const NameToken& token : TokenizeName(skeleton)) words += IsDistinctive(token.token_class);
  return words;
}

bool SkeletonMatchHolds(const Match& match) {
  int words = 0;
  for (const TokenAlignment& a : match.alignment) {
    if (a.query_token.empty() || a.entry_token.empty() || a.weight < 0.25) continue;
    if (a.kind != "exact" && a.kind != "split" && a.kind != "joined") continue;
    ++words;
  }
  return words >= 2;
}

void NoteForm(Match& match, const ScriptForm& form) {
  if (match.explanation.empty()) return;
  match.explanation = "Read as '" + form.text + "' (" + form.how + "). " + match.explanation;
}

// kOtherSyllableCap, when `match` (with its alignment) pairs syllables of one script
// otherwise than exactly, split or joined.
void CapOtherSyllables(Match& match, std::string_view query) {
  if (!SameSyllabicScript(query, match.matched_name)) return;
  const bool inexact =
      std::any_of(match.alignment.begin(), match.alignment.end(), [](const TokenAlignment& a) {
        return a.kind == "typo" || a.kind == "phonetic" || a.kind == "abbreviation";
      });
  if (!inexact || match.name_score <= kOtherSyllableCap) return;
  const double adjustment = match.score - match.name_score;
  match.name_score = kOtherSyllableCap;
  match.score = std::clamp(match.name_score + adjustment, 0.0, 1.0);
  if (!match.explanation.empty()) {
    match.explanation =
        "Both names are written in the same syllabic script and a syllable differs, so they "
        "name another person: the name score is capped at 0.80. " +
        match.explanation;
  }
}

bool Before(const Match& a, const Match& b) {
  if (a.score != b.score) return a.score > b.score;
  if (!a.entry || !b.entry) return a.position < b.position;  // an index of names
  if (a.entry->list != b.entry->list) return a.entry->list < b.entry->list;
  return a.entry->entry_id < b.entry->entry_id;
}

}  // namespace

std::vector<EntryName> SkeletonNamesOf(const lists::ListEntry& entry) {
  lists::ListEntry skeleton;
  SetSkeletonNames(entry, skeleton);
  std::vector<EntryName> names = NamesOf(skeleton);
  for (EntryName& name : names) {
    if (auto listed = NameWithSkeleton(skeleton, name.text)) {
      name.listed = (listed->second ? "a" : "n") + listed->first;
    }
  }
  return names;
}

void StartSkeletonIndex(Index::Impl& impl, IndexBuilder build) {
  // The entries live as long as `impl`, whose skeleton_index (its last member, so
  // the first destroyed) waits for the build to finish.
  auto task = [&impl, build = std::move(build)] {
    BuiltIndex built = build(impl);
    impl.skeleton_impl = built.data;  // before the future is ready: read after its get()
    return std::move(built.index);
  };
  // Below this many entries the build takes less than a thread's start-up (a single
  // entry's index for a rule, a test's handful).
  constexpr std::size_t kOnAThreadFrom = 1000;
  if (impl.entries.size() >= kOnAThreadFrom) {
    try {
      impl.skeleton_index = std::async(std::launch::async, task).share();
      return;
    } catch (const std::system_error&) {
      // no thread to be had: build it here
    }
  }
  std::promise<std::shared_ptr<const Index>> built;
  built.set_value(task());
  impl.skeleton_index = built.get_future().share();
}

void WaitForSkeletonIndex(const Index::Impl& impl) {
  const auto& skeleton = impl.skeleton_index;
  if (!skeleton.valid()) return;
  if (skeleton.wait_for(std::chrono::seconds(0)) == std::future_status::deferred) return;
  skeleton.wait();
}

void DeferSkeletonIndex(Index::Impl& impl, NamesIndexBuilder build) {
  auto task = [&impl, build = std::move(build)] {
    std::vector<NamedEntry> named(impl.EntryCount());
    for (std::uint32_t k = 0; k < named.size(); ++k) {
      lists::ListEntry skeleton = SkeletonEntry(EntryOfNames(impl, k));
      named[k].name = std::move(skeleton.name);
      for (auto& alias : skeleton.aliases) named[k].aliases.push_back(std::move(alias.name));
    }
    return build(std::move(named));
  };
  // Deferred: the first get() runs it, and a concurrent one waits for it.
  impl.skeleton_index = std::async(std::launch::deferred, std::move(task)).share();
}

std::optional<std::vector<Match>> ScreenScriptForms(const Index& index, const Index::Impl& impl,
                                                    const Query& query) {
  if (!HasNonAscii(query.name)) return std::nullopt;
  ScriptReading reading = ReadScripts(query.name);
  const int han = reading.han_only;
  if (han == 1) return std::vector<Match>{};
  Query plain = query;
  plain.name = std::move(reading.folded);  // ASCII: screened by the plain path
  if (han == 2) {
    std::vector<Match> matches = index.Screen(plain);
    std::erase_if(matches,
                  [&](const Match& m) { return !HanSyllablesAgree(plain.name, m.matched_name); });
    return matches;
  }
  const std::vector<ScriptForm>& forms = reading.forms;
  const bool syllabic = reading.syllabic;
  if (forms.empty() && !syllabic) return std::nullopt;

  // Each entry once, with its best score over the forms.
  std::unordered_map<std::size_t, Match> best;  // by position
  auto keep = [&](Match match) {
    if (syllabic) {
      CapOtherSyllables(match, query.name);
      if (!query.explain) {
        match.alignment.clear();
        match.adjustments.clear();
        match.explanation.clear();
      }
    }
    if (match.score < query.threshold - kScoreTolerance) return;
    auto [it, inserted] = best.try_emplace(match.position, match);
    if (!inserted && match.score > it->second.score) it->second = std::move(match);
  };
  plain.explain = query.explain || syllabic;  // CapOtherSyllables reads the alignment
  for (Match& match : index.Screen(plain)) keep(std::move(match));
  for (const ScriptForm& form : forms) {
    Query variant = plain;
    variant.name = form.text;
    if (!form.skeleton) {
      for (Match& match : index.Screen(variant)) {
        NoteForm(match, form);
        keep(std::move(match));
      }
      continue;
    }
    // One word (and particles) never matches by skeleton alone (SkeletonMatchHolds):
    // not worth a look.
    if (SkeletonWords(form.text) < 2) continue;
    // Scaling keeps the order (the adjustments aside); some matches fail
    // SkeletonMatchHolds: look a little deeper than asked.
    variant.limit = query.limit + 10;
    variant.explain = true;  // SkeletonMatchHolds reads the alignment
    const Index* skeletons = SkeletonIndex(impl);
    if (skeletons == nullptr) continue;
    for (Match& match : skeletons->Screen(variant)) {
      if (!SkeletonMatchHolds(match) ||
          match.name_score * kSkeletonFactor + (match.score - match.name_score) <
              query.threshold - kScoreTolerance) {
        continue;  // fails before the listed name is looked up (FromSkeleton)
      }
      const std::size_t position = match.position;  // the skeleton index's is the main's
      const std::shared_ptr<const lists::ListEntry>& original = impl.EntryAt(position).entry;
      if (original) {
        FromSkeleton(match, form, *original, original, position, impl.skeleton_impl, query.explain);
      } else {
        FromSkeleton(match, form, EntryOfNames(impl, static_cast<std::uint32_t>(position)), nullptr,
                     position, nullptr, query.explain);
      }
      if (!query.explain) {
        match.alignment.clear();
        match.adjustments.clear();
      }
      keep(std::move(match));
    }
  }
  std::vector<Match> matches;
  matches.reserve(best.size());
  for (auto& [key, match] : best) matches.push_back(std::move(match));
  std::sort(matches.begin(), matches.end(), Before);
  if (matches.size() > query.limit) matches.resize(query.limit);
  return matches;
}

std::optional<Match> ExplainScriptForms(const Index& index, const Index::Impl& impl,
                                        const Query& query, const lists::ListEntry& entry) {
  if (!HasNonAscii(query.name)) return std::nullopt;
  ScriptReading reading = ReadScripts(query.name);
  const int han = reading.han_only;
  const std::vector<ScriptForm>& forms = reading.forms;
  if (han == 0 && forms.empty() && !reading.syllabic) return std::nullopt;
  Query plain = query;
  plain.name = std::move(reading.folded);
  Match best = index.Explain(plain, entry);
  if (han == 1 || (han == 2 && !HanSyllablesAgree(plain.name, best.matched_name))) {
    best.score = 0;
    best.name_score = 0;
    best.explanation =
        (han == 1 ? "A single Han character reads as one syllable, the name of thousands of "
                    "people: it never makes a match on its own (score 0). "
                  : "Two Han characters read as a whole name: they match only a listed name that "
                    "is those two syllables (score 0). ") +
        best.explanation;
    return best;
  }
  CapOtherSyllables(best, query.name);
  if (han > 0) return best;
  for (const ScriptForm& form : forms) {
    Query variant = query;
    variant.name = form.text;
    Match match;
    if (form.skeleton) {
      const Index* skeletons = SkeletonIndex(impl);
      if (skeletons == nullptr) continue;
      match = skeletons->Explain(variant, SkeletonEntry(entry));
      if (!SkeletonMatchHolds(match)) continue;
      FromSkeleton(match, form, entry, best.entry, best.position, nullptr, true);
    } else {
      match = index.Explain(variant, entry);
      NoteForm(match, form);
      CapOtherSyllables(match, query.name);
    }
    if (match.score > best.score) best = std::move(match);
  }
  return best;
}

}  // namespace tollgate::screening

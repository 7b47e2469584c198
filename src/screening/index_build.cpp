// Index::Build and Index::Stats: normalizes every name once and lays out the
// postings and lookup keys that candidate generation reads (see index_impl.h).
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "screening/edit_distance.h"
#include "screening/index_impl.h"
#include "screening/phonetic.h"
#include "screening/scripts/screen_forms.h"

namespace tollgate::screening {
namespace {

bool HasDistinctive(const std::vector<NameToken>& tokens) {
  return std::any_of(tokens.begin(), tokens.end(),
                     [](const NameToken& t) { return IsDistinctive(t.token_class); });
}

std::optional<int> Days(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return date->days_since_epoch();
}

}  // namespace

IndexedEntry MakeIndexedEntry(lists::ListEntry entry) {
  IndexedEntry indexed;
  indexed.start_days = Days(entry.start_date);
  indexed.end_days = Days(entry.end_date);
  indexed.type = entry.type;
  auto add_country = [&](const std::string& code) {
    if (code.size() != 2) return;  // unresolved names of countries are not compared
    std::string upper = code;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (std::find(indexed.countries.begin(), indexed.countries.end(), upper) ==
        indexed.countries.end()) {
      indexed.countries.push_back(upper);
    }
  };
  for (const auto& address : entry.addresses) add_country(address.country);
  for (const auto& nationality : entry.nationalities) add_country(nationality);
  indexed.entry = std::make_shared<const lists::ListEntry>(std::move(entry));
  return indexed;
}

namespace {

class Builder {
 public:
  // keep_listed: the index keeps each name's EntryName::listed (a skeleton index).
  explicit Builder(Index::Impl& impl, bool keep_listed = false)
      : impl_(impl), keep_listed_(keep_listed) {
    if (keep_listed_) impl_.listed_begin.assign(1, 0);
  }

  void AddEntry(std::uint32_t entry_index, std::vector<EntryName> names) {
    std::vector<std::vector<std::uint32_t>> seen;  // token runs already indexed
    for (auto& name : names) {
      std::vector<NameToken> tokens = DistinctTokens(name.text, kMaxNameTokens);
      if (tokens.empty()) continue;
      std::vector<std::uint32_t> ids;
      ids.reserve(tokens.size());
      for (const auto& token : tokens) ids.push_back(Intern(token));
      if (std::find(seen.begin(), seen.end(), ids) != seen.end()) continue;
      for (const auto& token : tokens) {
        const std::uint32_t text = InternText(token.text);
        impl_.name_token_texts.push_back(text);
        impl_.name_token_flags.push_back(static_cast<std::uint8_t>(
            (token.abbreviation ? kAbbreviationFlag : 0) | (token.corrected ? kCorrectedFlag : 0)));
        if (!IsDistinctive(token.token_class) && low_texts_seen_.insert(text).second) {
          impl_.low_texts.Insert(HashKey(token.text, kLowTextSeed), text);
        }
      }
      IndexedName indexed;
      indexed.entry = entry_index;
      indexed.token_begin = static_cast<std::uint32_t>(impl_.name_tokens.size());
      indexed.token_count = static_cast<std::uint8_t>(ids.size());
      indexed.alias = name.alias;
      indexed.weak = name.weak;
      indexed.text = std::move(name.text);
      impl_.name_tokens.insert(impl_.name_tokens.end(), ids.begin(), ids.end());
      for (std::uint32_t id : ids) ++document_frequency_[id];
      impl_.names.push_back(std::move(indexed));
      if (keep_listed_) {
        impl_.listed_texts += name.listed;
        impl_.listed_begin.push_back(static_cast<std::uint32_t>(impl_.listed_texts.size()));
      }
      seen.push_back(std::move(ids));
    }
  }

  void Finish() {
    // Grown a name at a time, these hold up to twice what they need; the party index
    // of 1,000,000 names keeps them for as long as the process runs.
    impl_.names.shrink_to_fit();
    impl_.listed_begin.shrink_to_fit();
    impl_.listed_texts.shrink_to_fit();
    impl_.name_tokens.shrink_to_fit();
    impl_.name_token_texts.shrink_to_fit();
    impl_.name_token_flags.shrink_to_fit();
    impl_.texts.shrink_to_fit();
    impl_.token_canon.shrink_to_fit();
    impl_.token_phonetic.shrink_to_fit();
    impl_.token_class.shrink_to_fit();
    impl_.token_letters.shrink_to_fit();
    const std::size_t token_count = impl_.token_canon.size();
    impl_.token_weight.resize(token_count);
    for (std::size_t t = 0; t < token_count; ++t) {
      impl_.token_weight[t] = impl_.token_class[t] == TokenClass::kWord
                                  ? WordWeight(document_frequency_[t], impl_.names.size())
                                  : ClassWeight(impl_.token_class[t]);
    }
    BuildTokenViews();
    BuildLowTokens();
    BuildNameBounds();
    BuildPostings();
    BuildWordKeys();
    BuildNameKeys();
    for (auto* map : {&impl_.token_ids, &impl_.deletes, &impl_.phonetic, &impl_.prefixes,
                      &impl_.concat, &impl_.common_only, &impl_.low_texts}) {
      map->Freeze();
    }
    BuildPhoneticPairs();
    BuildTypoPairs();
    BuildAbbreviationPairs();
  }

 private:
  std::uint32_t Intern(const NameToken& token) {
    auto [it, inserted] =
        ids_.try_emplace(token.canon, static_cast<std::uint32_t>(impl_.token_canon.size()));
    if (inserted) {
      impl_.token_canon.push_back(token.canon);
      impl_.token_letters.push_back(LetterMask(token.canon));
      impl_.token_class.push_back(ClassOf(token.canon));
      impl_.token_phonetic.push_back(
          impl_.token_class.back() == TokenClass::kWord ? PhoneticKey(token.canon) : "");
      document_frequency_.push_back(0);
      impl_.token_ids.Insert(HashKey(token.canon, kTokenSeed), it->second);
    }
    return it->second;
  }

  // Impl::token_views: views into the token vectors, which no longer change.
  void BuildTokenViews() {
    const std::size_t token_count = impl_.token_canon.size();
    impl_.token_views.resize(token_count);
    for (std::size_t t = 0; t < token_count; ++t) {
      impl_.token_views[t] = {impl_.token_canon[t], impl_.token_canon[t],  impl_.token_phonetic[t],
                              impl_.token_class[t], impl_.token_weight[t], impl_.token_letters[t]};
    }
  }

  std::uint32_t InternText(const std::string& text) {
    auto [it, inserted] =
        text_ids_.try_emplace(text, static_cast<std::uint32_t>(impl_.texts.size()));
    if (inserted) impl_.texts.push_back(text);
    return it->second;
  }

  void BuildPostings() {
    const std::size_t token_count = impl_.token_canon.size();
    impl_.posting_begin.assign(token_count + 1, 0);
    for (std::uint32_t id : impl_.name_tokens) ++impl_.posting_begin[id + 1];
    for (std::size_t t = 0; t < token_count; ++t) {
      impl_.posting_begin[t + 1] += impl_.posting_begin[t];
    }
    impl_.postings.resize(impl_.name_tokens.size());
    std::vector<std::uint32_t> fill(impl_.posting_begin.begin(), impl_.posting_begin.end() - 1);
    for (std::uint32_t n = 0; n < impl_.names.size(); ++n) {
      const IndexedName& name = impl_.names[n];
      for (std::uint32_t p = 0; p < name.token_count; ++p) {
        const std::uint32_t id = impl_.name_tokens[name.token_begin + p];
        impl_.postings[fill[id]++] = n << kPositionBits | p;
      }
    }
    // Lightest names first; equal weights in name order, so the layout is deterministic.
    const auto& bounds = impl_.name_bounds;
    for (std::size_t t = 0; t < token_count; ++t) {
      std::stable_sort(impl_.postings.begin() + impl_.posting_begin[t],
                       impl_.postings.begin() + impl_.posting_begin[t + 1],
                       [&](std::uint32_t a, std::uint32_t b) {
                         return bounds[a >> kPositionBits].total_weight <
                                bounds[b >> kPositionBits].total_weight;
                       });
    }
    impl_.posting_bounds.resize(impl_.postings.size());
    impl_.posting_words.resize(impl_.postings.size());
    for (std::size_t k = 0; k < impl_.postings.size(); ++k) {
      const std::uint32_t posting = impl_.postings[k];
      impl_.posting_bounds[k] = bounds[posting >> kPositionBits];
      impl_.posting_words[k] =
          OtherWords(posting >> kPositionBits, posting & ((1u << kPositionBits) - 1));
    }
  }

  // The distinctive tokens of name `n` other than the one at `position` (PostingWords).
  PostingWords OtherWords(std::uint32_t n, std::uint32_t position) const {
    const IndexedName& name = impl_.names[n];
    const std::uint32_t* ids = impl_.name_tokens.data() + name.token_begin;
    PostingWords words;
    std::size_t used = 0;
    for (std::uint32_t p = 0; p < name.token_count; ++p) {
      if (p == position || !IsDistinctive(impl_.token_class[ids[p]])) continue;
      if (used == kPostingWords || ids[p] > kMaxPackedToken) {
        words = PostingWords{};
        words.slots[0] = kManyWords;
        return words;
      }
      words.slots[used++] = ids[p] << kPositionBits | p;
    }
    return words;
  }

  // What candidate pruning reads of each name (NameWeights).
  void BuildNameBounds() {
    impl_.name_bounds.resize(impl_.names.size());
    for (std::uint32_t n = 0; n < impl_.names.size(); ++n) {
      const IndexedName& name = impl_.names[n];
      NameWeights& bound = impl_.name_bounds[n];
      const std::uint32_t* ids = impl_.name_tokens.data() + name.token_begin;
      bool business = false;  // a legal form or common word (scorer.cpp: name_business)
      bool short_word = false;
      std::uint32_t distinctive = 0;
      for (std::uint32_t p = 0; p < name.token_count; ++p) {
        const TokenClass c = impl_.token_class[ids[p]];
        const float w = static_cast<float>(impl_.token_weight[ids[p]]);
        business = business || c == TokenClass::kLegalForm || c == TokenClass::kCommon;
        if (IsDistinctive(c)) {
          ++distinctive;
          short_word = short_word || impl_.token_canon[ids[p]].size() < kWholeNameMinLetters;
        }
        bound.total_weight += w;
        if (!IsDistinctive(c)) {
          bound.low_weight += w;
          bound.low_tokens.Add(impl_.low_number[ids[p]]);
        }
        if (c == TokenClass::kWord) {
          bound.max_weight = std::max(bound.max_weight, w);
          bound.word_initials |= InitialBit(impl_.token_canon[ids[p]].front());
        }
      }
      if (!business && !short_word && distinctive >= 2) bound.word_initials |= kMayBeWholeBit;
    }
  }

  // Typo, phonetic and prefix keys exist for ordinary words only: the scorer pairs
  // words only with words.
  void BuildWordKeys() {
    std::vector<std::uint64_t> variants;
    for (std::uint32_t t = 0; t < impl_.token_canon.size(); ++t) {
      if (impl_.token_class[t] != TokenClass::kWord) continue;
      const std::string& canon = impl_.token_canon[t];
      if (MaxTypos(canon.size()) > 0) {
        DeleteVariantHashes(canon, DeletionsFor(canon.size()), variants);
        for (std::uint64_t h : variants) impl_.deletes.Insert(h, t);
      }
      if (!impl_.token_phonetic[t].empty()) {
        impl_.phonetic.Insert(HashKey(impl_.token_phonetic[t], kPhoneticSeed), t);
      }
      for (std::size_t len = kMinAbbreviation; len <= kMaxAbbreviation && len + 2 <= canon.size();
           ++len) {
        impl_.prefixes.Insert(HashKey(std::string_view(canon).substr(0, len), kPrefixSeed), t);
      }
    }
  }

  void BuildPhoneticPairs() {
    impl_.phonetic_pairs = ListsOf<std::uint32_t>::Build(
        impl_.token_canon.size(), [&](std::size_t t, std::vector<std::uint32_t>& out) {
          const std::string& key = impl_.token_phonetic[t];
          if (key.empty() || impl_.token_class[t] != TokenClass::kWord) return;
          const std::string& canon = impl_.token_canon[t];
          impl_.phonetic.ForEach(HashKey(key, kPhoneticSeed), [&](std::uint32_t other) {
            if (other != t && impl_.token_phonetic[other] == key &&
                PhoneticPair(canon, impl_.token_canon[other])) {
              out.push_back(other);
            }
          });
        });
  }

  // Numbers the low tokens (before BuildNameBounds, which records them per name) and
  // pairs them once with each other. Past kManyLowTokens of them (never near on real
  // lists: a few hundred), the rest go unnumbered and their names unbounded by them.
  void BuildLowTokens() {
    const std::size_t token_count = impl_.token_canon.size();
    impl_.low_number.assign(token_count, kManyLowTokens);
    for (std::uint32_t t = 0; t < token_count; ++t) {
      if (IsDistinctive(impl_.token_class[t]) || impl_.low_tokens.size() == kManyLowTokens) {
        continue;
      }
      impl_.low_number[t] = static_cast<std::uint16_t>(impl_.low_tokens.size());
      impl_.low_tokens.push_back(t);
    }
    impl_.low_partners = ListsOf<std::uint16_t>::Build(
        impl_.low_tokens.size(), [&](std::size_t number, std::vector<std::uint16_t>& out) {
          ForEachLowPartner(impl_, impl_.TokenOf(impl_.low_tokens[number]),
                            [&](std::uint16_t partner) { out.push_back(partner); });
        });
  }

  void BuildTypoPairs() {
    std::vector<std::uint64_t> variants;
    std::vector<std::uint32_t> neighbours;
    impl_.typo_pairs = ListsOf<std::uint32_t>::Build(
        impl_.token_canon.size(), [&](std::size_t t, std::vector<std::uint32_t>& out) {
          if (impl_.token_class[t] != TokenClass::kWord) return;
          TypoNeighbours(impl_, impl_.token_canon[t], impl_.token_letters[t], variants, neighbours);
          for (std::uint32_t entry : neighbours) {
            if (TokenOf(entry) != t) out.push_back(entry);
          }
        });
  }

  void BuildAbbreviationPairs() {
    impl_.abbreviation_pairs = ListsOf<std::uint32_t>::Build(
        impl_.token_canon.size(), [&](std::size_t t, std::vector<std::uint32_t>& out) {
          if (impl_.token_class[t] != TokenClass::kWord) return;
          const std::size_t first = out.size();
          ForEachAbbreviationPartner(impl_, impl_.token_canon[t],
                                     [&](std::uint32_t other) { out.push_back(other); });
          std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
          out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(first), out.end()),
                    out.end());
        });
  }

  void BuildNameKeys() {
    std::string joined;
    std::string written;
    for (std::uint32_t n = 0; n < impl_.names.size(); ++n) {
      const IndexedName& name = impl_.names[n];
      const std::uint32_t* ids = impl_.name_tokens.data() + name.token_begin;
      bool distinctive = false;
      std::vector<std::string_view> canons;
      for (std::uint32_t p = 0; p < name.token_count; ++p) {
        const TokenClass c = impl_.token_class[ids[p]];
        distinctive = distinctive || IsDistinctive(c);
        canons.push_back(impl_.token_canon[ids[p]]);
        if (p + 1 < name.token_count &&
            (IsDistinctive(c) || IsDistinctive(impl_.token_class[ids[p + 1]]))) {
          joined = impl_.token_canon[ids[p]];
          joined += impl_.token_canon[ids[p + 1]];
          const std::uint32_t* texts = impl_.name_token_texts.data() + name.token_begin;
          written = impl_.texts[texts[p]];
          written += impl_.texts[texts[p + 1]];
          impl_.concat.Insert(HashKey(joined, kConcatSeed), n << kPositionBits | p);
          if (written != joined) {
            impl_.concat.Insert(HashKey(written, kConcatSeed), n << kPositionBits | p);
          }
        }
      }
      if (!distinctive) {
        impl_.common_only.Insert(HashKey(CommonOnlyKey(std::move(canons)), kCommonOnlySeed), n);
      }
    }
  }

  Index::Impl& impl_;
  bool keep_listed_ = false;
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::unordered_map<std::string, std::uint32_t> text_ids_;
  std::unordered_set<std::uint32_t> low_texts_seen_;
  std::vector<std::uint32_t> document_frequency_;
};

}  // namespace

std::string CommonOnlyKey(std::vector<std::string_view> canons) {
  std::sort(canons.begin(), canons.end());
  std::string key;
  for (auto canon : canons) {
    key += canon;
    key += ' ';
  }
  return key;
}

namespace {

// Adds `text`, and for a name with a parenthesised part ("Huawei Technologies Co.,
// Ltd. (Huawei)") the name without it and the part alone: names of their own.
void AddName(std::vector<EntryName>& names, const std::string& text, bool alias, bool weak) {
  names.push_back({text, alias, weak, {}});
  const auto open = text.find('(');
  const auto close = text.find(')', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return;
  std::string outside = text.substr(0, open) + " " + text.substr(close + 1);
  std::string inside = text.substr(open + 1, close - open - 1);
  for (auto* part : {&outside, &inside}) {
    if (HasDistinctive(TokenizeName(*part))) names.push_back({std::move(*part), alias, weak, {}});
  }
}

}  // namespace

std::vector<EntryName> NamesOf(const lists::ListEntry& entry) {
  std::vector<EntryName> names;
  AddName(names, entry.name, false, false);
  // Weak aliases last: a name written the same way as a weak alias and another name is
  // indexed once, under the first (Build), which must not be the weak one.
  for (const bool weak : {false, true}) {
    for (const auto& alias : entry.aliases) {
      if ((alias.kind == lists::AliasKind::kWeak) == weak) AddName(names, alias.name, true, weak);
    }
  }
  return names;
}

std::vector<EntryName> NamesOf(const NamedEntry& entry) {
  std::vector<EntryName> names;
  AddName(names, entry.name, false, false);
  for (const auto& alias : entry.aliases) AddName(names, alias, true, false);
  return names;
}

const lists::ListEntry& ListedFacts(const IndexedEntry& entry) {
  static const lists::ListEntry kNoFacts;
  return entry.entry ? *entry.entry : kNoFacts;
}

lists::ListEntry EntryOfNames(const Index::Impl& impl, std::uint32_t position) {
  // Names are laid out in the order of their entries (Build, BuildNames).
  const auto first = std::lower_bound(
      impl.names.begin(), impl.names.end(), position,
      [](const IndexedName& name, std::uint32_t entry) { return name.entry < entry; });
  lists::ListEntry entry;
  for (auto it = first; it != impl.names.end() && it->entry == position; ++it) {
    if (!it->alias && entry.name.empty()) {
      entry.name = it->text;
    } else {
      entry.aliases.push_back({it->text, lists::AliasKind::kAka});
    }
  }
  return entry;
}

namespace {

std::vector<IndexedEntry> IndexedEntries(std::vector<lists::ListEntry> entries) {
  std::vector<IndexedEntry> indexed;
  indexed.reserve(entries.size());
  for (auto& entry : entries) indexed.push_back(MakeIndexedEntry(std::move(entry)));
  return indexed;
}

}  // namespace

std::shared_ptr<const Index> Index::Build(std::vector<lists::ListEntry> entries) {
  auto impl = std::make_unique<Impl>();
  impl->entries = IndexedEntries(std::move(entries));  // the emptied entries freed at once
  // Reads impl.entries only, which nothing writes once they are in place.
  auto index_names = [](Impl& impl, auto names_of, bool keep_listed) {
    Builder builder(impl, keep_listed);
    for (std::uint32_t e = 0; e < impl.entries.size(); ++e) {
      builder.AddEntry(e, names_of(*impl.entries[e].entry));
    }
    builder.Finish();
  };
  // A name in Arabic script is compared with the entries' skeletons, an index of its
  // own (without one itself), built now rather than on the first such query, and
  // beside the rest rather than after it: a measure of what the index holds waits for
  // it (WaitForBackgroundBuild, lists::BuildMeasuredIndex), and the first answer after
  // a list change comes after that measure; started first, it is done by the time the
  // rest is, when a second core is free (screening_ab_bench prints how much later).
  // Its entries are the main index's (the listed entry shared, its facts copied), so
  // scoring reads the same facts without a copy of each entry (a 1M-name list's).
  StartSkeletonIndex(*impl, [index_names](const Impl& main) {
    auto skeleton = std::make_unique<Impl>();
    skeleton->entries = main.entries;
    index_names(
        *skeleton, [](const lists::ListEntry& entry) { return SkeletonNamesOf(entry); }, true);
    const Impl* data = skeleton.get();
    return BuiltIndex{std::shared_ptr<const Index>(new Index(std::move(skeleton))), data};
  });
  index_names(
      *impl, [](const lists::ListEntry& entry) { return NamesOf(entry); }, false);
  return std::shared_ptr<const Index>(new Index(std::move(impl)));
}

std::shared_ptr<const Index> Index::BuildNames(std::vector<NamedEntry> entries) {
  auto build = [](std::vector<NamedEntry> entries) {
    auto impl = std::make_unique<Impl>();
    impl->names_only = true;
    impl->name_entries = static_cast<std::uint32_t>(entries.size());
    Builder builder(*impl);
    for (std::uint32_t e = 0; e < entries.size(); ++e) {
      builder.AddEntry(e, NamesOf(entries[e]));
      entries[e] = {};  // held once, by the index's names
    }
    builder.Finish();
    return impl;
  };
  std::unique_ptr<Impl> impl = build(std::move(entries));
  DeferSkeletonIndex(*impl, [build](std::vector<NamedEntry> skeletons) {
    return std::shared_ptr<const Index>(new Index(build(std::move(skeletons))));
  });
  return std::shared_ptr<const Index>(new Index(std::move(impl)));
}

IndexStats Index::Stats() const {
  IndexStats stats;
  stats.entries = impl_->EntryCount();
  stats.names = impl_->names.size();
  stats.tokens = impl_->token_canon.size();
  std::size_t bytes = 0;
  for (const auto& name : impl_->names) bytes += sizeof name + name.text.capacity();
  for (const auto& canon : impl_->token_canon) bytes += sizeof canon + canon.capacity();
  for (const auto& key : impl_->token_phonetic) bytes += sizeof key + key.capacity();
  bytes +=
      (impl_->name_tokens.capacity() + impl_->name_token_texts.capacity()) * sizeof(std::uint32_t);
  bytes += impl_->name_token_flags.capacity();
  bytes += impl_->listed_begin.capacity() * sizeof(std::uint32_t) + impl_->listed_texts.capacity();
  for (const auto& text : impl_->texts) bytes += sizeof text + text.capacity();
  bytes += impl_->name_bounds.capacity() * sizeof(NameWeights);
  bytes += impl_->token_class.capacity() * sizeof(TokenClass);
  bytes += impl_->token_weight.capacity() * sizeof(double);
  bytes += impl_->token_letters.capacity() * sizeof(std::uint64_t);
  bytes += impl_->token_views.capacity() * sizeof(ScoringToken);
  bytes += (impl_->posting_begin.capacity() + impl_->postings.capacity()) * sizeof(std::uint32_t);
  bytes += impl_->posting_bounds.capacity() * sizeof(NameWeights);
  bytes += impl_->posting_words.capacity() * sizeof(PostingWords);
  bytes += impl_->phonetic_pairs.MemoryBytes() + impl_->typo_pairs.MemoryBytes() +
           impl_->abbreviation_pairs.MemoryBytes() + impl_->low_partners.MemoryBytes();
  bytes += impl_->low_tokens.capacity() * sizeof(std::uint32_t) +
           impl_->low_number.capacity() * sizeof(std::uint16_t);
  bytes += impl_->entries.capacity() * sizeof(IndexedEntry);
  for (const auto* map : {&impl_->token_ids, &impl_->deletes, &impl_->phonetic, &impl_->prefixes,
                          &impl_->concat, &impl_->common_only, &impl_->low_texts}) {
    bytes += map->MemoryBytes();
  }
  stats.memory_bytes = bytes;
  return stats;
}

}  // namespace tollgate::screening

#include <algorithm>

#include "screening/edit_distance.h"
#include "screening/index_impl.h"
#include "screening/phonetic.h"

namespace tollgate::screening {

std::uint32_t Index::Impl::FindToken(std::string_view canon) const {
  std::uint32_t found = kNoToken;
  token_ids.ForEach(HashKey(canon, kTokenSeed), [&](std::uint32_t id) {
    if (token_canon[id] == canon) found = id;
  });
  return found;
}

std::vector<NameToken> DistinctTokens(std::string_view text, std::size_t max_tokens) {
  std::vector<NameToken> tokens = TokenizeName(text);
  // In place: the first of each canon moves forward over the repeats.
  std::size_t kept = 0;
  for (std::size_t k = 0; k < tokens.size() && kept < max_tokens; ++k) {
    const auto first = tokens.begin();
    const auto last = tokens.begin() + static_cast<std::ptrdiff_t>(kept);
    if (std::any_of(first, last, [&](const NameToken& t) { return t.canon == tokens[k].canon; })) {
      continue;
    }
    if (kept != k) tokens[kept] = std::move(tokens[k]);
    ++kept;
  }
  tokens.resize(kept);
  return tokens;
}

PreparedName PrepareName(const Index::Impl& impl, std::string_view text, std::size_t max_tokens) {
  PreparedName prepared;
  prepared.tokens = DistinctTokens(text, max_tokens);
  const std::size_t n = prepared.tokens.size();
  prepared.phonetic.resize(n);
  prepared.ids.resize(n);
  prepared.scoring.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const NameToken& token = prepared.tokens[i];
    const std::uint32_t id = impl.FindToken(token.canon);
    prepared.ids[i] = id;
    // The index keyed its own tokens when it was built.
    std::string_view phonetic;
    if (token.token_class == TokenClass::kWord) {
      if (id != kNoToken) {
        phonetic = impl.token_phonetic[id];
      } else {
        prepared.phonetic[i] = PhoneticKey(token.canon);
        phonetic = prepared.phonetic[i];
      }
    }
    const double weight = id != kNoToken ? impl.token_weight[id]
                          : token.token_class == TokenClass::kWord
                              ? WordWeight(0, impl.names.size())
                              : ClassWeight(token.token_class);
    prepared.scoring[i] = {
        token.canon, token.text,
        phonetic,    token.token_class,
        weight,      id != kNoToken ? impl.token_letters[id] : LetterMask(token.canon)};
  }
  return prepared;
}

void DeleteVariantHashes(std::string_view word, int max_deletes, std::vector<std::uint64_t>& out) {
  out.clear();
  out.push_back(HashKey(word, kDeleteSeed));
  const std::size_t n = word.size();
  if (max_deletes >= 1 && n <= 64) {
    // HashKey runs over the letters in order, so the variants share the hash state of
    // the letters before their first deletion: each is finished from there, with no
    // copy of the word (HashKey is FinishHash of HashRange from HashStart, see flat_multimap.h).
    std::uint64_t before[65];
    before[0] = HashStart(kDeleteSeed);
    for (std::size_t k = 0; k < n; ++k) before[k + 1] = HashStep(before[k], word[k]);
    for (std::size_t i = 0; i < n; ++i) {
      out.push_back(FinishHash(HashRange(before[i], word.substr(i + 1))));
      if (max_deletes < 2) continue;
      std::uint64_t between = before[i];  // the letters before i, then i+1 .. j-1
      for (std::size_t j = i + 1; j < n; ++j) {
        out.push_back(FinishHash(HashRange(between, word.substr(j + 1))));
        between = HashStep(between, word[j]);
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

void TypoNeighbours(const Index::Impl& impl, std::string_view canon, std::uint64_t letters,
                    std::vector<std::uint64_t>& variants, std::vector<std::uint32_t>& out) {
  out.clear();
  if (MaxTypos(canon.size()) == 0) return;
  DeleteVariantHashes(canon, DeletionsFor(canon.size()), variants);
  for (std::uint64_t h : variants) impl.deletes.Prefetch(h);
  for (std::uint64_t h : variants) {
    impl.deletes.ForEach(h, [&](std::uint32_t t) { out.push_back(t); });
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  std::size_t kept = 0;
  for (const std::uint32_t t : out) {
    const std::string& other = impl.token_canon[t];
    const int allowed = MaxTyposBetween(canon.size(), other.size());
    if (allowed == 0 || TooManyMissingLetters(letters, impl.token_letters[t], allowed)) continue;
    const int d = BoundedOsaDistance(canon, other, allowed);
    if (d <= allowed) out[kept++] = d == 2 ? t | kTwoTypos : t;
  }
  out.resize(kept);
}

}  // namespace tollgate::screening

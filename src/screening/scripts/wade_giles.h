// Wade-Giles spellings of Mandarin syllables written in toneless pinyin, for Chinese
// names listed the older way (Taiwan, Hong Kong and most names romanized before 1979:
// "Chiang Ching-kuo" for 蒋经国, pinyin "jiang jing guo"). The rules are the
// correspondences of the two systems (data/names/README.md has the source), written as
// lists print them: without the apostrophe of the aspirates (ch'i -> chi) and without
// the umlaut (hsü -> hsu), so an aspirated and a plain syllable read alike, as they do
// in the listed names.
//
// Thread-safety: pure functions. Failure: none; a word that is no pinyin syllable is
// kept as it is.
#pragma once

#include <string>
#include <string_view>

namespace tollgate::screening {

// One toneless pinyin syllable (lower-case ASCII, "zhong") in Wade-Giles ("chung").
std::string WadeGilesSyllable(std::string_view pinyin);

// Every space-separated word of `pinyin` by WadeGilesSyllable; "" when no word changes.
std::string WadeGilesForm(std::string_view pinyin);

}  // namespace tollgate::screening

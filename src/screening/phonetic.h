// A phonetic key for one folded token, so that spellings of the same sound from
// different transliteration schemes meet: Mohammed / Muhammad / Mokhammed,
// Aleksandr / Alexander, Iwanow / Ivanov, Yusuf / Jusuf / Yousef, Huavej / Huawei.
// It is a deliberately coarse reduction: for words of four letters or more, a first
// letter, then consonant classes without vowels; three-letter words keep their
// vowels (Win ~ Vin, Jan ~ Yan, Awa ~ Ava, but not Kim ~ Kam).
//
// Thread-safety: a pure function.
// Failure: returns "" for tokens without letters or too short to key.
#pragma once

#include <string>
#include <string_view>

namespace tollgate::screening {

// Tokens shorter than this get no key; shorter than kMinVowellessLength keep vowels.
inline constexpr std::size_t kMinPhoneticLength = 3;
inline constexpr std::size_t kMinVowellessLength = 4;

std::string PhoneticKey(std::string_view token);

}  // namespace tollgate::screening

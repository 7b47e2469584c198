// Romanized forms of a name written in a script other than Latin, screened beside the
// default transliteration (normalize.h: ICU Any-Latin) so that a name is found
// whichever romanization system the list used. Screen tries each form and keeps each
// entry's best score; the explanation names the form that matched.
//
//   Cyrillic  the BGN/PCGN systems for Russian, Ukrainian (г -> h, и -> y, і -> i,
//             ї -> yi, є -> ye) and, for a name with і or ў, Belarusian (ICU
//             Russian-, Ukrainian- and Belarusian-Latin/BGN) beside ICU's ISO 9-like
//             default.
//   Hangul    syllable by syllable (a Korean given name is written as one word but
//             listed as "Jong Un"): Revised Romanization; the North Korean usage of
//             McCune-Reischauer without its breves (eo, eu -> o, u; k, t, p, ch, th;
//             Ri for 리/이), as the UN and OFAC lists write North Korean names; and
//             Revised Romanization with the usual South Korean surname spellings (Kim,
//             Lee, Park, Choi). Surnames: data/names/README.md.
//   Kana      ICU's Hepburn-like reading with long vowels written once (Tarou -> Taro,
//             Yuuko -> Yuko), as passports and lists write them.
//   Arabic    the consonant skeleton (skeleton.h), compared against skeletons of the
//             listed names; scores kSkeletonFactor of the name score.
//   Hebrew, Thai, Khmer  the consonant skeleton too (skeleton_scripts.h).
// Han is read as toneless Mandarin pinyin by the default fold; kanji are read the
// same way (ICU has no Japanese readings), so a Japanese name in kanji is not found by
// its Japanese romanization. Greek, Georgian and Armenian use ICU's Any-Latin only.
//
// Thread-safety: free functions; ICU transliterators are cloned per thread.
// Failure: none; a transliterator ICU cannot build gives no form.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tollgate::screening {

struct ScriptForm {
  std::string text;       // ASCII, or the skeleton when `skeleton`
  std::string how;        // "Ukrainian romanization (BGN/PCGN)", ...
  bool skeleton = false;  // compare against the skeletons of listed names
};

// What screening a name in another script needs to know of it, read in one pass over
// its letters (one UTF-8 decoding, one default transliteration) instead of one per
// question.
struct ScriptReading {
  int han_only = 0;               // HanOnlyLength
  bool syllabic = false;          // HasSyllabicScript
  bool acted_on = false;          // Cyrillic, Hangul, kana, Arabic, Hebrew, Thai, Khmer or
                                  // Han: the rules apply
  std::string folded;             // FoldToAscii(name), when acted_on (word by word, memoized)
  std::vector<ScriptForm> forms;  // ScriptForms(name), unless han_only is 1 or 2
};
ScriptReading ReadScripts(std::string_view name);

// Forms of `name` besides its default transliteration; empty for a name in Latin
// script (no Cyrillic, Hangul, kana or Arabic letter), which then costs one scan of
// its bytes.
std::vector<ScriptForm> ScriptForms(std::string_view name);

// True when `name` holds a letter outside ASCII (the only names ScriptForms or
// HanOnlyLength can act on).
bool HasNonAscii(std::string_view name);

// The number of Han characters in `name` when they are its only letters, else 0.
// One character reads as one syllable, the surname or given name of thousands of
// people (吴 -> "wu"): it never makes a match on its own. Two read as a whole name
// (王伟 -> "wang wei") and match only a listed name that is those two syllables
// (HanSyllablesAgree), never one a typo or a third word away.
int HanOnlyLength(std::string_view name);

// True when the words of `listed` other than legal forms are exactly the syllables of
// the two-character `query` (folded), in either order or joined ("Wang Wei", "Wei
// Wang", "Wangwei Co., Ltd.").
bool HanSyllablesAgree(std::string_view query, std::string_view listed);

// True when `a` and `b` both hold Han characters, or both Hangul syllables. Then both
// are read syllable by syllable in one system, so a syllable spelt otherwise is another
// character (习近朋 is not 习近平, 김종은 not 김정은) and may not pair as a typo.
bool SameSyllabicScript(std::string_view a, std::string_view b);

// Whether `name` holds a Han character or a Hangul syllable.
bool HasSyllabicScript(std::string_view name);

}  // namespace tollgate::screening

// Consonant skeletons (skeleton.h) of words in Hebrew, Thai and Khmer script, so that a
// name in any of them finds its Latin listing as an Arabic-script name does. ICU's
// Hebrew-Latin writes only the consonants, as the script does ("בנימין" -> "bnymyn");
// its Thai-Latin is the letter-by-letter ISO 11940 ("ทักษิณ" -> "thạks̄ʹiṇ"), which no
// listing uses; it has no Khmer transform at all. The skeleton of each is what their
// usual romanizations keep.
//   Hebrew  letters as the Academy of the Hebrew Language's 2006 rules for
//           romanization write them (data/names/README.md), then folded as Latin is:
//           ב כ פ are b k p at the start of a word and v kh f after it; ו and י inside
//           a word are vowels (but in לוי Levi and דוד David), at its start v and y,
//           י at its end y; ש is sh unless it carries the sin dot; צ z (tz); ה at the
//           end and א ע dropped (א ע first: the word's first vowel); a geresh makes
//           ג ז צ j, zh, ch.
//   Thai    consonants by their value as an initial in the Royal Thai General System
//           (RTGS), then folded as Latin is; every vowel sign and tone mark dropped,
//           อ first as the word's first vowel, ำ as m, and a letter under the
//           thanthakhat (์, silent) dropped. Thai names are romanized letter for letter
//           by their holders (Shinawatra for ชินวัตร, not RTGS Chinnawat), which the
//           initial values follow.
//   Khmer   consonants by their UNGEGN value (ប b, ព p, ច ជ ch, ញ nh, ...), subscript
//           consonants as written, vowel signs dropped, អ and an independent vowel
//           first as the word's first vowel, ំ as m, a letter under ៍ dropped
//           (ប៉ុល ពត, Pol Pot; ហ៊ុន សែន, Hun Sen).
//
// Thread-safety: pure functions. Failure: none; a word of no such letter gives "".
#pragma once

#include <unicode/umachine.h>

#include <string>
#include <vector>

namespace tollgate::screening::skeleton {

bool IsHebrewLetterOrMark(UChar32 c);  // the Hebrew block but its punctuation
bool IsThaiLetterOrMark(UChar32 c);    // the Thai block but its digits and punctuation
bool IsKhmerLetterOrMark(UChar32 c);   // the Khmer block but its digits and punctuation

// The skeleton of one word written in Hebrew (letters and points) or Thai.
// `stops`: ב פ read b, p inside a word too; `ch`: ח read ch (skeleton.h, kHebrewStops).
std::string HebrewWord(const std::vector<UChar32>& word, bool stops, bool ch);
std::string ThaiWord(const std::vector<UChar32>& word);
std::string KhmerWord(const std::vector<UChar32>& word);

}  // namespace tollgate::screening::skeleton

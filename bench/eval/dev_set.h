// The screening development set of issue 16 (item 6), built at run time from the shared
// list files: names in original script paired with their entry's Latin names, the
// labelled nomenklatura pairs by their own groups, and perturbations of listed names
// for each gap the issue names (nicknames, initials, titles, digits for letters,
// doubled or dropped letters, scrambled order with a typo) and for each kind of false
// alert (one-word aliases inside a two-word name, one or two Han characters, company
// names sharing only generic words). bench/eval/README.md states each rule.
//
// Thread-safety: plain functions; each call owns its data.
// Failure: the generators return nullopt where their rule does not apply; nothing here
// fails otherwise.
#pragma once

#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval_data.h"
#include "tollgate/screening/screening.h"

namespace tollgate::eval {

// The writing system of a name, by the Unicode blocks of its letters: "Latin",
// "Cyrillic", "Greek", "Armenian", "Georgian", "Hebrew", "Arabic", "Devanagari",
// "Bengali", "Thai", "Khmer", "Ethiopic", "Han", "Kana" (any hiragana or katakana
// makes a name Japanese, whatever kanji it also holds), "Hangul", "Other", or "None"
// (no letter at all). Otherwise the script with the most letters wins; a tie goes to
// the first in the order above.
std::string DetectScript(std::string_view utf8);
// Every script with at least one letter in the name, in the order above.
std::vector<std::string> ScriptsOf(std::string_view utf8);
// "Persian letters" for Arabic script with a letter of Persian, Dari, Pashto or Urdu
// that Arabic lacks (پ چ ژ گ ک ی), "Ukrainian letters" for Cyrillic with і ї є ґ, else
// "": the issue asks for Persian and Ukrainian names by name.
std::string ScriptVariant(std::string_view utf8);

// --- Positive perturbations: each keeps the name's owner and must still be found. ---

// A given name replaced by a short form or nickname from a hand-written table of common
// pairs ("William" -> "Bill", "Aleksandr" -> "Sasha"), matched as a whole word without
// regard to case; the replacement takes the word's case (upper, or capitalized).
std::optional<std::string> Nickname(const std::string& name, Random& random);
// The short form of `given` ("WILLIAM" -> "BILL"), or nullopt when the table has none.
std::optional<std::string> ShortGivenName(const std::string& given);

// Given names become initials; the surname stays. Given names are the words after the
// comma of "SURNAME, Given Names", otherwise every word but the last. A hyphenated
// name keeps its hyphen ("Jean-Claude" -> "J.-C.", or "J. C." when `spaced`); a plain
// one gives "J.". Nullopt for a one-word name.
std::optional<std::string> Initials(const std::string& name, bool spaced);

// One title from a fixed list (President, Sheikh, General, Dr, Mr, ...) in front;
// "SURNAME, Given" is first written "Given SURNAME".
std::optional<std::string> TitlePrefix(const std::string& name, Random& random);

// The look-alike of a letter (either case): O->0, I->1, L->1, E->3, A->4 or @,
// S->5 or $, T->7 (`alternate` picks @ and $); 0 for any other character.
char DigitForLetter(char letter, bool alternate);
// One letter (two in a name of 10 letters or more) replaced by its look-alike.
std::optional<std::string> DigitsForLetters(const std::string& name, Random& random);

// In one word of four letters or more, one letter after the first is doubled, or
// dropped ("Hussein" -> "Husssein", "Husein").
std::optional<std::string> DoubleOrDropLetter(const std::string& name, Random& random);

// The words (without a trailing comma) reversed or shuffled into another order, then
// one typo (Typo()) in a word of four letters or more. Nullopt for a one-word name.
std::optional<std::string> ScrambleWithTypo(const std::string& name, Random& random);

// --- Negative cases: names that name nobody listed and must stay quiet. ---

// "<given> <alias>": a common given name in front of a listed one-word alias.
std::string OneWordAliasTrap(const std::string& alias, Random& random);

// One or two characters from a table of common Han surname and given-name characters.
std::string ShortHanName(Random& random);

// A listed company name with every distinctive token (word or number) replaced by a
// coined word of two or three syllables that `unused` accepts, and its legal forms and
// common business words kept (as the tokenizer folds them). Nullopt unless the name
// has at least one distinctive token and one legal form or common word.
std::optional<std::string> GenericWordsOnly(const std::string& company,
                                            const std::function<bool(const std::string&)>& unused,
                                            Random& random);

// --- The evaluation of the set. ---

// A name's distinct token canons, sorted: two names with one key are the same name to
// the engine ("SMITH, John" and "John Smith").
std::string NameKey(const std::string& name);
// Whether the name holds a word or number, not only legal forms and common words.
bool HasDistinctiveWord(const std::string& name);
// A labelled pair as the engine scores it: name1 against an entry holding name2, at
// the default threshold; `score` and `explanation` (optional) receive the score and the
// engine's explanation of it (which words it paired and how each counted).
bool PairMatches(const screening::Index& index, const NamePair& pair, double* score,
                 std::string* explanation = nullptr);

// One line of the development-set table.
struct DevRow {
  std::string part;   // "cross-script", "perturbed", "false-alert trap", "pairs ..."
  std::string label;  // script, category or group
  std::size_t cases = 0;
  std::size_t hits = 0;               // found (positive rows) or alerts (negative rows)
  bool negative = false;              // rate printed per 1,000 rather than as a share
  std::string note;                   // precision of a pair group, other entries alerted, ...
  std::vector<std::string> examples;  // misses (positive rows) or alerts (negative rows)
  std::vector<std::string> misses{};  // every miss of a cross-script row (JSON only)
};

// Runs every part of the set: `entries` are all loaded list entries, `index` their
// index with every name as published (the cross-script part builds its own index
// without the names in non-Latin script), `pairs` the labelled name pairs.
std::vector<DevRow> RunDevelopmentSet(const std::vector<lists::ListEntry>& entries,
                                      const screening::Index& index,
                                      const std::vector<NamePair>& pairs);

// The table (one line a row, misses and alerts indented below) and its JSON.
void PrintDevRows(const std::vector<DevRow>& rows);
nlohmann::json DevRowsJson(const std::vector<DevRow>& rows);

}  // namespace tollgate::eval

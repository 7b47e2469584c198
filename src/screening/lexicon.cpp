#include "screening/lexicon.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <optional>
#include <unordered_map>
#include <vector>

#include "screening/edit_distance.h"
#include "screening/flat_multimap.h"
#include "screening/scorer.h"

namespace tollgate::screening {
namespace {

// Words shorter than this are too easily one slip away from a name: below it only
// a dropped or swapped letter is read (AddShortSlips), in a word of kMinShortSlip+.
constexpr std::size_t kMinNearWord = 6;
constexpr std::size_t kMinShortSlip = 4;
constexpr std::size_t kMinShortSlipWord = 5;
// Business words of this many letters or more are read through two slips (MaxTypos):
// their near neighbours are spellings of their own ("entreprises", "tecnologias"),
// where a legal form's or a shorter word's are other words ("cooperation" is two from
// corporation, "conducting" from consulting, "electric" from electronic).
constexpr std::size_t kMinTwoSlipWord = 11;
constexpr std::size_t kTwoSlips = 2;

struct WordRow {
  std::string_view word;
  std::string_view canon;
  TokenClass token_class;
  bool abbreviation;
};

constexpr TokenClass kLegal = TokenClass::kLegalForm;
constexpr TokenClass kCommon = TokenClass::kCommon;
constexpr TokenClass kParticle = TokenClass::kParticle;

// Legal forms of the jurisdictions that appear on the lists (US, UK, EU, Russia and
// the CIS, China, the Gulf, South and South-East Asia, Latin America, Turkey).
constexpr WordRow kWords[] = {
    {"co", "co", kLegal, false},
    {"company", "co", kLegal, false},
    {"companies", "co", kLegal, false},
    {"cos", "co", kLegal, false},
    {"corp", "corp", kLegal, false},
    {"corporation", "corp", kLegal, false},
    {"inc", "inc", kLegal, false},
    {"incorporated", "inc", kLegal, false},
    {"ltd", "ltd", kLegal, false},
    {"limited", "ltd", kLegal, false},
    {"ltda", "ltd", kLegal, false},
    {"llc", "llc", kLegal, false},
    {"llp", "llp", kLegal, false},
    {"lp", "lp", kLegal, false},
    {"plc", "plc", kLegal, false},
    {"gmbh", "gmbh", kLegal, false},
    {"mbh", "gmbh", kLegal, false},
    {"ag", "ag", kLegal, false},
    {"kg", "kg", kLegal, false},
    {"sa", "sa", kLegal, false},
    {"sas", "sas", kLegal, false},
    {"sarl", "sarl", kLegal, false},
    {"sprl", "sprl", kLegal, false},
    {"spa", "spa", kLegal, false},
    {"srl", "srl", kLegal, false},
    {"sl", "sl", kLegal, false},
    {"sac", "sac", kLegal, false},
    {"bv", "bv", kLegal, false},
    {"bvba", "bvba", kLegal, false},
    {"nv", "nv", kLegal, false},
    {"ooo", "ooo", kLegal, false},
    {"oao", "oao", kLegal, false},
    {"zao", "zao", kLegal, false},
    {"pao", "pao", kLegal, false},
    {"ao", "ao", kLegal, false},
    {"jsc", "jsc", kLegal, false},
    {"pjsc", "pjsc", kLegal, false},
    {"cjsc", "cjsc", kLegal, false},
    {"ojsc", "ojsc", kLegal, false},
    {"tov", "tov", kLegal, false},
    {"pte", "pte", kLegal, false},
    {"pty", "pty", kLegal, false},
    {"pvt", "pvt", kLegal, false},
    {"private", "pvt", kLegal, false},
    {"sdn", "sdn", kLegal, false},
    {"bhd", "bhd", kLegal, false},
    {"berhad", "bhd", kLegal, false},
    {"fze", "fze", kLegal, false},
    {"fzco", "fzco", kLegal, false},
    {"fzc", "fzc", kLegal, false},
    {"fzllc", "fzllc", kLegal, false},
    {"dmcc", "dmcc", kLegal, false},
    {"wll", "wll", kLegal, false},
    {"est", "est", kLegal, false},
    {"establishment", "est", kLegal, false},
    {"pt", "pt", kLegal, false},
    {"tbk", "tbk", kLegal, false},
    {"cv", "cv", kLegal, false},
    {"kk", "kk", kLegal, false},
    {"oy", "oy", kLegal, false},
    {"ab", "ab", kLegal, false},
    {"as", "as", kLegal, false},
    {"asa", "asa", kLegal, false},
    {"kft", "kft", kLegal, false},
    {"doo", "doo", kLegal, false},
    {"sro", "sro", kLegal, false},
    {"sti", "sti", kLegal, false},
    {"cie", "cie", kLegal, false},
    {"sae", "sae", kLegal, false},
    {"saic", "saic", kLegal, false},
    {"eirl", "eirl", kLegal, false},
    // Words of the multi-word forms below: alone (a reordered or broken-up form)
    // they still say nothing about which firm.
    {"joint", "joint", kLegal, false},
    {"stock", "stock", kLegal, false},
    {"liability", "liability", kLegal, false},
    // The words of legal forms written out in Russian (several romanizations),
    // German, Spanish, French and Turkish; the phrases below fold them to the
    // abbreviation.
    {"obshchestvo", "obshchestvo", kLegal, false},
    {"obschestvo", "obshchestvo", kLegal, false},
    {"obshestvo", "obshchestvo", kLegal, false},
    {"ogranichennoy", "ogranichennoy", kLegal, false},
    {"ogranichennoi", "ogranichennoy", kLegal, false},
    {"ogranichennoj", "ogranichennoy", kLegal, false},
    {"otvetstvennostyu", "otvetstvennostyu", kLegal, false},
    {"otvetstvennostiu", "otvetstvennostyu", kLegal, false},
    {"otvetstvennostju", "otvetstvennostyu", kLegal, false},
    {"aktsionernoe", "aktsionernoe", kLegal, false},
    {"aktsionernoye", "aktsionernoe", kLegal, false},
    {"aktsionernoje", "aktsionernoe", kLegal, false},
    {"akcionernoe", "aktsionernoe", kLegal, false},
    {"otkrytoe", "otkrytoe", kLegal, false},
    {"otkrytoye", "otkrytoe", kLegal, false},
    {"zakrytoe", "zakrytoe", kLegal, false},
    {"zakrytoye", "zakrytoe", kLegal, false},
    {"publichnoe", "publichnoe", kLegal, false},
    {"publichnoye", "publichnoe", kLegal, false},
    {"aktiengesellschaft", "ag", kLegal, false},
    {"gesellschaft", "gesellschaft", kLegal, false},
    {"beschrankter", "beschrankter", kLegal, false},
    {"haftung", "haftung", kLegal, false},
    {"sociedad", "sociedad", kLegal, false},
    {"sociedade", "sociedad", kLegal, false},
    {"societe", "societe", kLegal, false},
    {"anonima", "anonima", kLegal, false},
    {"anonyme", "anonima", kLegal, false},
    {"anonim", "anonima", kLegal, false},
    {"sirketi", "sirketi", kLegal, false},

    // Business words that say what kind of firm, not which one.
    {"international", "intl", kCommon, false},
    {"intl", "intl", kCommon, true},
    {"internacional", "intl", kCommon, false},
    {"trading", "trading", kCommon, false},
    {"trade", "trading", kCommon, false},
    {"traders", "trading", kCommon, false},
    {"group", "group", kCommon, false},
    {"grupo", "group", kCommon, false},
    {"grp", "group", kCommon, true},
    {"holding", "holding", kCommon, false},
    {"holdings", "holding", kCommon, false},
    {"hldgs", "holding", kCommon, true},
    {"industrial", "industrial", kCommon, false},
    {"industry", "industry", kCommon, false},
    {"industries", "industry", kCommon, false},
    {"ind", "industry", kCommon, true},
    {"import", "import", kCommon, false},
    {"imports", "import", kCommon, false},
    {"importing", "import", kCommon, false},
    {"imp", "import", kCommon, true},
    {"export", "export", kCommon, false},
    {"exports", "export", kCommon, false},
    {"exporting", "export", kCommon, false},
    {"exp", "export", kCommon, true},
    {"general", "general", kCommon, false},
    {"enterprise", "enterprise", kCommon, false},
    {"enterprises", "enterprise", kCommon, false},
    {"ent", "enterprise", kCommon, true},
    {"service", "service", kCommon, false},
    {"services", "service", kCommon, false},
    {"svcs", "service", kCommon, true},
    {"global", "global", kCommon, false},
    {"investment", "investment", kCommon, false},
    {"investments", "investment", kCommon, false},
    {"development", "development", kCommon, false},
    {"technology", "technology", kCommon, false},
    {"technologies", "technology", kCommon, false},
    {"tech", "technology", kCommon, true},
    {"techs", "technology", kCommon, true},
    {"technical", "technical", kCommon, false},
    {"engineering", "engineering", kCommon, false},
    {"manufacturing", "manufacturing", kCommon, false},
    {"mfg", "manufacturing", kCommon, true},
    {"electronic", "electronic", kCommon, false},
    {"electronics", "electronic", kCommon, false},
    {"equipment", "equipment", kCommon, false},
    {"system", "system", kCommon, false},
    {"systems", "system", kCommon, false},
    {"sys", "system", kCommon, true},
    {"solution", "solution", kCommon, false},
    {"solutions", "solution", kCommon, false},
    {"product", "product", kCommon, false},
    {"products", "product", kCommon, false},
    {"logistics", "logistics", kCommon, false},
    {"shipping", "shipping", kCommon, false},
    {"commercial", "commercial", kCommon, false},
    {"comercial", "commercial", kCommon, false},
    {"business", "business", kCommon, false},
    {"management", "management", kCommon, false},
    {"mgmt", "management", kCommon, true},
    {"consulting", "consulting", kCommon, false},
    {"partners", "partners", kCommon, false},
    {"associates", "associates", kCommon, false},
    {"supply", "supply", kCommon, false},
    {"supplies", "supply", kCommon, false},
    {"resources", "resources", kCommon, false},
    {"ventures", "ventures", kCommon, false},
    {"worldwide", "worldwide", kCommon, false},
    {"overseas", "overseas", kCommon, false},
    {"branch", "branch", kCommon, false},
    {"office", "office", kCommon, false},
    {"factory", "factory", kCommon, false},

    // Particles of company and personal names.
    {"the", "the", kParticle, false},
    {"of", "of", kParticle, false},
    {"and", "and", kParticle, false},
    {"for", "for", kParticle, false},
    {"de", "de", kParticle, false},
    {"del", "del", kParticle, false},
    {"della", "della", kParticle, false},
    {"di", "di", kParticle, false},
    {"da", "da", kParticle, false},
    {"la", "la", kParticle, false},
    {"el", "el", kParticle, false},
    {"al", "al", kParticle, false},
    {"bin", "bin", kParticle, false},
    {"ibn", "bin", kParticle, false},
    {"bint", "bint", kParticle, false},
    {"van", "van", kParticle, false},
    {"von", "von", kParticle, false},
    {"der", "der", kParticle, false},
    {"den", "den", kParticle, false},

    // Titles and honorifics written before a name: they say what a person is, not who
    // (issue 16, item 2), so they weigh as little as particles. "General" is above,
    // as a business word of the same low weight.
    {"president", "president", kParticle, false},
    {"pres", "president", kParticle, false},
    {"vice", "vice", kParticle, false},
    {"sheikh", "sheikh", kParticle, false},
    {"shaikh", "sheikh", kParticle, false},
    {"shaykh", "sheikh", kParticle, false},
    {"sheik", "sheikh", kParticle, false},
    {"cheikh", "sheikh", kParticle, false},
    {"dr", "dr", kParticle, false},
    {"doctor", "dr", kParticle, false},
    {"prof", "prof", kParticle, false},
    {"professor", "prof", kParticle, false},
    {"mr", "mr", kParticle, false},
    {"mister", "mr", kParticle, false},
    {"mrs", "mrs", kParticle, false},
    {"ms", "ms", kParticle, false},
    {"miss", "ms", kParticle, false},
    {"sir", "sir", kParticle, false},
    {"haji", "haji", kParticle, false},
    {"hajji", "haji", kParticle, false},
    {"hadji", "haji", kParticle, false},
    {"alhaji", "haji", kParticle, false},
    {"mullah", "mullah", kParticle, false},
    {"mulla", "mullah", kParticle, false},
    {"mawlawi", "mawlawi", kParticle, false},
    {"maulawi", "mawlawi", kParticle, false},
    {"maulvi", "mawlawi", kParticle, false},
    {"mawlavi", "mawlawi", kParticle, false},
    {"mufti", "mufti", kParticle, false},
    {"imam", "imam", kParticle, false},
    {"ayatollah", "ayatollah", kParticle, false},
    {"hojatoleslam", "hojatoleslam", kParticle, false},
    {"colonel", "colonel", kParticle, false},
    {"col", "colonel", kParticle, false},
    {"lieutenant", "lieutenant", kParticle, false},
    {"lt", "lieutenant", kParticle, false},
    {"captain", "captain", kParticle, false},
    {"capt", "captain", kParticle, false},
    {"admiral", "admiral", kParticle, false},
    {"adm", "admiral", kParticle, false},
    {"brigadier", "brigadier", kParticle, false},
    {"brig", "brigadier", kParticle, false},
    {"commander", "commander", kParticle, false},
    {"cmdr", "commander", kParticle, false},
    {"sergeant", "sergeant", kParticle, false},
    {"sgt", "sergeant", kParticle, false},
    {"minister", "minister", kParticle, false},
    {"senator", "senator", kParticle, false},
    {"governor", "governor", kParticle, false},
    {"gov", "governor", kParticle, false},
    {"ambassador", "ambassador", kParticle, false},
    {"excellency", "excellency", kParticle, false},
    {"honorable", "honorable", kParticle, false},
    {"honourable", "honorable", kParticle, false},
    {"reverend", "reverend", kParticle, false},
    {"rev", "reverend", kParticle, false},
    // The same courtesy titles in French and German. (Not the Spanish and Italian ones:
    // "senora" is one slip from names such as Sencora, and lexicon words of six letters
    // or more take in their slips.)
    {"monsieur", "mr", kParticle, false},
    {"herr", "mr", kParticle, false},
    {"madame", "mrs", kParticle, false},
    {"mme", "mrs", kParticle, false},
    {"frau", "mrs", kParticle, false},
    {"mademoiselle", "ms", kParticle, false},
    {"mlle", "ms", kParticle, false},
};

struct PhraseRow {
  std::array<std::string_view, 4> canons;  // canonical words; "" ends a shorter phrase
  std::string_view canon;
  std::string_view display;
};

// Matched on canonical words, so "Limited Liability Company" and "Ltd Liability Co"
// both fold to llc.
constexpr PhraseRow kPhrases[] = {
    {{"sa", "de", "cv", ""}, "sadecv", "sa de cv"},
    {{"s", "de", "rl", ""}, "sderl", "s de rl"},
    {{"sa", "de", "rl", ""}, "sderl", "sa de rl"},
    {{"ltd", "liability", "co", ""}, "llc", "limited liability company"},
    {{"ltd", "liability", "partnership", ""}, "llp", "limited liability partnership"},
    {{"public", "joint", "stock", "co"}, "pjsc", "public joint stock company"},
    {{"closed", "joint", "stock", "co"}, "cjsc", "closed joint stock company"},
    {{"open", "joint", "stock", "co"}, "ojsc", "open joint stock company"},
    {{"joint", "stock", "co", ""}, "jsc", "joint stock company"},
    {{"public", "ltd", "co", ""}, "plc", "public limited company"},
    {{"sdn", "bhd", "", ""}, "sdnbhd", "sdn bhd"},
    {{"obshchestvo", "s", "ogranichennoy", "otvetstvennostyu"},
     "ooo",
     "obshchestvo s ogranichennoy otvetstvennostyu"},
    {{"otkrytoe", "aktsionernoe", "obshchestvo", ""}, "oao", "otkrytoe aktsionernoe obshchestvo"},
    {{"zakrytoe", "aktsionernoe", "obshchestvo", ""}, "zao", "zakrytoe aktsionernoe obshchestvo"},
    {{"publichnoe", "aktsionernoe", "obshchestvo", ""},
     "pao",
     "publichnoe aktsionernoe obshchestvo"},
    {{"aktsionernoe", "obshchestvo", "", ""}, "ao", "aktsionernoe obshchestvo"},
    {{"gesellschaft", "mit", "beschrankter", "haftung"},
     "gmbh",
     "gesellschaft mit beschrankter haftung"},
    {{"sociedad", "anonima", "", ""}, "sa", "sociedad anonima"},
    {{"societe", "anonima", "", ""}, "sa", "societe anonyme"},
    {{"anonima", "sirketi", "", ""}, "as", "anonim sirketi"},
    {{"sp", "z", "oo", ""}, "spzoo", "sp z oo"},
    {{"societatea", "cu", "raspundere", "limitata"}, "srl", "societatea cu raspundere limitata"},
};

// Per first letter, a bit per length (1..31) of the words in a set: most words are
// ruled out of a small set by two loads, before any comparison.
struct ShapeFilter {
  std::array<std::uint32_t, 256> lengths{};
  void Add(std::string_view word) {
    if (!word.empty() && word.size() < 32) {
      lengths[static_cast<unsigned char>(word.front())] |= 1u << word.size();
    }
  }
  bool MayContain(std::string_view word) const {
    if (word.empty() || word.size() >= 32) return !word.empty();
    return lengths[static_cast<unsigned char>(word.front())] >> word.size() & 1;
  }
};

// A word of at least kMinGenericPart letters that is no particle is what every cut of
// GenericJoinSplit needs on one side: as the cut's head it begins with the joined
// word's first three letters, as its tail it ends with its last three. A joined word
// whose ends are in neither set has no cut, and its cuts are not tried one by one.
constexpr std::size_t kMinGenericPart = 5;
struct GenericEnds {
  static constexpr std::size_t kLetters = 3;
  std::bitset<26 * 26 * 26> heads;
  std::bitset<26 * 26 * 26> tails;

  // The three letters a-z as a number, or nothing when one is not a-z.
  static std::optional<std::size_t> Code(std::string_view three) {
    std::size_t code = 0;
    for (const char c : three) {
      if (c < 'a' || c > 'z') return std::nullopt;
      code = code * 26 + static_cast<std::size_t>(c - 'a');
    }
    return code;
  }
  void Add(std::string_view word) {
    if (word.size() < kMinGenericPart) return;
    if (const auto head = Code(word.substr(0, kLetters))) heads.set(*head);
    if (const auto tail = Code(word.substr(word.size() - kLetters))) tails.set(*tail);
  }
  // `word` is a-z only and longer than kMinGenericPart.
  bool MayCut(std::string_view word) const {
    return heads.test(*Code(word.substr(0, kLetters))) ||
           tails.test(*Code(word.substr(word.size() - kLetters)));
  }
};

// A word of a multi-word legal form as it may be written ("company") and the canon the
// form's row names it by ("co").
struct PhraseSpelling {
  std::string_view written;
  std::string_view canon;
};

// The letters one romanization writes where another writes the other: j and y for й
// and the iotated vowels, i and y, c and k, x and ks, v and w, u and oo or ou.
struct SpellingSwap {
  std::string_view from;
  std::string_view to;
  std::size_t min_letters;  // of the lexicon word, below which the swap makes names
};
constexpr SpellingSwap kSpellingSwaps[] = {
    {"j", "y", 3},  {"y", "j", 3},  {"i", "y", 3},  {"y", "i", 3},  {"c", "k", 4},
    {"k", "c", 4},  {"x", "ks", 3}, {"ks", "x", 3}, {"v", "w", 4},  {"w", "v", 4},
    {"oo", "u", 3}, {"u", "oo", 3}, {"u", "ou", 3}, {"ou", "u", 3},
};
// Business words are read so from four letters ("sis" is no sys).
constexpr std::size_t kMinSpeltCommonWord = 4;
// A spelling of two letters with a consonant is a syllable of names (Du, Ko, Li), not
// a legal form (doo, co); one of vowels only ("uo" for ooo) is none.
constexpr std::size_t kMinSpeltWithConsonant = 3;

bool HasConsonant(std::string_view word) {
  return word.find_first_not_of("aeiouy") != std::string_view::npos;
}

// The shortest word of a multi-word legal form that a slip may stand for: "open", "sdn"
// are one slip from too many name words (Opel, Sen).
constexpr std::size_t kMinSlippedPhraseWord = 5;
constexpr std::size_t kMinSlippedWord = 4;
// A word may be left out of a legal form of this many words ("CLOSED JOINT STOCK" for
// closed joint stock company); three words left of one of three are too often two
// legal forms of their own ("LIMITED COMPANY").
constexpr std::size_t kMinDroppingPhrase = 4;
// The shortest legal form FindSplitLegalForm puts together again.
constexpr std::size_t kMinRejoinedLegalForm = 7;

struct Tables {
  std::unordered_map<std::string_view, LexiconWord> words;
  ShapeFilter word_shapes;         // every word of kWords
  ShapeFilter phrase_first_words;  // the first canonical word of each legal phrase
  ShapeFilter phrase_canons;
  // Hashes of every long word and of its one-letter deletions -> index into kWords,
  // so a near word is found from its own deletions in a few probes.
  FlatMultiMap near_keys;
  // The first and the last three letters of every word that GenericJoinSplit may cut
  // off whole (GenericEnds).
  GenericEnds generic_ends;
  // A legal form or common word of 5-6 letters with a slip that does not touch its
  // first letter (AddShortSlips, FindNearLexiconWord) -> the word.
  std::vector<std::string> short_slip_texts;  // the keys below point into these
  std::unordered_map<std::string_view, std::string_view> short_slips;
  ShapeFilter short_slip_shapes;
  // Each legal form or business word spelt with one kSpellingSwaps swap -> the word
  // as listed (FindOtherSpelling).
  std::vector<std::string> spelling_texts;  // the keys below point into these
  std::unordered_map<std::string_view, std::string_view> spellings;
  ShapeFilter spelling_shapes;
  // The words of the multi-word legal forms: their canons, and each word of five or
  // more letters as written with its canon, by first letter (NearLegalPhraseWord).
  ShapeFilter phrase_word_shapes;
  std::vector<std::string_view> phrase_words;
  std::array<std::vector<PhraseSpelling>, 26> phrase_spellings;
  // The business words of kMinTwoSlipWord+ letters, by first letter.
  std::array<std::vector<std::string_view>, 26> long_common_words;
  // Every legal form of kMinRejoinedLegalForm+ letters (FindSplitLegalForm).
  ShapeFilter long_legal_shapes;
  // Each phrase word spelt with one kSpellingSwaps swap, however short ("cw" for cv):
  // read so only inside a form (MatchLooseLegalPhrase) -> its canon.
  std::vector<std::string> phrase_swap_texts;  // the keys below point into these
  std::unordered_map<std::string_view, std::string_view> phrase_swaps;
};

constexpr std::uint64_t kNearSeed = 0x6e656172ULL;

// Calls fn(hash) for `word` and each of its one-letter deletions. HashKey runs over
// the letters in order, so each deletion continues from the hash state of the letters
// before it (HashKey is FinishHash of HashRange from HashStart, see flat_multimap.h).
template <typename Fn>
void ForEachDeletionHash(std::string_view word, Fn&& fn) {
  fn(HashKey(word, kNearSeed));
  // No lexicon word comes near this length; the deletions would cost its square.
  constexpr std::size_t kMaxDeletionWord = 64;
  if (word.size() > kMaxDeletionWord) return;
  std::uint64_t before = HashStart(kNearSeed);  // the letters before the deleted one
  for (std::size_t i = 0; i < word.size(); ++i) {
    fn(FinishHash(HashRange(before, word.substr(i + 1))));
    before = HashStep(before, word[i]);
  }
}

bool IsAsciiLetters(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Every phrase word of kMinSlippedPhraseWord+ letters, and every lexicon word that
// folds to one ("company" for co, "limited" for ltd), by its first letter.
void AddPhraseSpellings(Tables& t) {
  const auto add = [&](std::string_view written, std::string_view canon) {
    if (written.size() < kMinSlippedPhraseWord || !IsAsciiLetters(written)) return;
    auto& row = t.phrase_spellings[static_cast<std::size_t>(written.front() - 'a')];
    row.push_back({written, canon});
  };
  for (const std::string_view word : t.phrase_words) {
    if (t.words.find(word) == t.words.end()) add(word, word);
  }
  for (const auto& row : kWords) {
    if (std::binary_search(t.phrase_words.begin(), t.phrase_words.end(), row.canon)) {
      add(row.word, row.canon);
    }
  }
  std::vector<std::string_view> canon_of;  // parallel to phrase_swap_texts
  for (const std::string_view word : t.phrase_words) {
    // A longer word's spellings are within a typo of it (phrase_spellings).
    if (word.size() >= kMinSlippedPhraseWord) continue;
    for (const SpellingSwap& swap : kSpellingSwaps) {
      for (std::size_t k = word.find(swap.from); k != std::string_view::npos;
           k = word.find(swap.from, k + 1)) {
        std::string spelt(word.substr(0, k));
        spelt += swap.to;
        spelt += word.substr(k + swap.from.size());
        if (t.words.count(spelt) != 0) continue;
        t.phrase_swap_texts.push_back(std::move(spelt));
        canon_of.push_back(word);
      }
    }
  }
  for (std::size_t k = 0; k < canon_of.size(); ++k) {
    t.phrase_swaps.emplace(t.phrase_swap_texts[k], canon_of[k]);
  }
}

// The slips of short lexicon words that FindNearLexiconWord reads, none touching the
// first letter: in a word of 5 letters a letter dropped, two neighbours swapped or a
// letter put between two ("gropu", "tradhe"); in one of 6 a letter dropped ("globl").
// A letter changed, or added at the end, is left out: that makes real words of these
// ("trace", "stork", "tradex", "groups"), where the slips read make none in the lists'
// names. Particles and titles of 5+ letters only with two letters swapped ("hajij",
// "shiekh"): a dropped letter makes names of them ("dela" of della).
void AddShortSlips(Tables& t) {
  std::vector<std::string_view> listed_as;  // parallel to short_slip_texts
  const auto add = [&](std::string slip, std::string_view word) {
    if (slip.size() < kMinShortSlip || t.words.count(slip) != 0) return;
    t.short_slip_shapes.Add(slip);
    t.short_slip_texts.push_back(std::move(slip));
    listed_as.push_back(word);
  };
  for (const auto& row : kWords) {
    const std::string_view word = row.word;
    if (word.size() < kMinShortSlipWord || word.size() > kMinNearWord) continue;
    const bool particle = row.token_class == kParticle;
    const bool five = word.size() < kMinNearWord;
    for (std::size_t k = 1; k < word.size(); ++k) {
      if (!particle) add(std::string(word.substr(0, k)) + std::string(word.substr(k + 1)), word);
      if ((five || particle) && k + 1 < word.size()) {
        std::string swapped(word);
        std::swap(swapped[k], swapped[k + 1]);
        add(std::move(swapped), word);
      }
      if (five && !particle) {
        for (char letter = 'a'; letter <= 'z'; ++letter) {
          std::string inserted(word);
          inserted.insert(inserted.begin() + static_cast<std::ptrdiff_t>(k), letter);
          add(std::move(inserted), word);
        }
      }
    }
  }
  for (std::size_t k = 0; k < listed_as.size(); ++k) {
    t.short_slips.emplace(t.short_slip_texts[k], listed_as[k]);
  }
}

void AddOtherSpellings(Tables& t) {
  std::vector<std::string_view> listed_as;  // parallel to spelling_texts
  for (const auto& row : kWords) {
    if (row.token_class == kParticle ||
        (row.token_class == kCommon && row.word.size() < kMinSpeltCommonWord)) {
      continue;
    }
    for (const SpellingSwap& swap : kSpellingSwaps) {
      if (row.word.size() < swap.min_letters) continue;
      for (std::size_t k = row.word.find(swap.from); k != std::string_view::npos;
           k = row.word.find(swap.from, k + 1)) {
        std::string spelt(row.word.substr(0, k));
        spelt += swap.to;
        spelt += row.word.substr(k + swap.from.size());
        // A spelling that is a lexicon word of its own stays that word.
        if (t.words.count(spelt) != 0 ||
            (spelt.size() < kMinSpeltWithConsonant && HasConsonant(spelt))) {
          continue;
        }
        t.spelling_shapes.Add(spelt);
        t.spelling_texts.push_back(std::move(spelt));
        listed_as.push_back(row.word);
      }
    }
  }
  // The texts are all in place now, so the views into them stay valid. The first
  // spelling of kWords' order wins a clash.
  for (std::size_t k = 0; k < listed_as.size(); ++k) {
    t.spellings.emplace(t.spelling_texts[k], listed_as[k]);
  }
}

const Tables& GetTables() {
  static const Tables kTables = [] {
    Tables t;
    for (const auto& row : kWords) {
      t.words.emplace(row.word, LexiconWord{row.canon, row.token_class, row.abbreviation});
      t.word_shapes.Add(row.word);
      if (row.token_class != kParticle) t.generic_ends.Add(row.word);
    }
    for (std::uint32_t i = 0; i < std::size(kWords); ++i) {
      const WordRow& row = kWords[i];
      // Particles are all shorter than kMinNearWord; titles are not, and a slip in one
      // ("mulalh") must keep its low weight too.
      if (row.word.size() < kMinNearWord) continue;
      std::vector<std::uint64_t> hashes;
      ForEachDeletionHash(row.word, [&](std::uint64_t h) { hashes.push_back(h); });
      std::sort(hashes.begin(), hashes.end());
      hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
      for (std::uint64_t h : hashes) t.near_keys.Insert(h, i);
    }
    // Most words of a name have no near lexicon word, so most of these probes miss
    // (FlatMultiMap::Freeze); the table is a few thousand keys.
    constexpr double kNearSlotsPerKey = 4;
    t.near_keys.Freeze(kNearSlotsPerKey);
    for (const auto& phrase : kPhrases) {
      t.phrase_first_words.Add(phrase.canons[0]);
      t.phrase_canons.Add(phrase.canon);
      for (const std::string_view word : phrase.canons) {
        if (word.empty()) continue;
        t.phrase_word_shapes.Add(word);
        t.phrase_words.push_back(word);
      }
    }
    std::sort(t.phrase_words.begin(), t.phrase_words.end());
    t.phrase_words.erase(std::unique(t.phrase_words.begin(), t.phrase_words.end()),
                         t.phrase_words.end());
    AddPhraseSpellings(t);
    AddShortSlips(t);
    AddOtherSpellings(t);
    for (const auto& row : kWords) {
      if (row.token_class == kLegal && row.word.size() >= kMinRejoinedLegalForm) {
        t.long_legal_shapes.Add(row.word);
      }
      if (row.token_class == kCommon && row.word.size() >= kMinTwoSlipWord) {
        t.long_common_words[static_cast<std::size_t>(row.word.front() - 'a')].push_back(row.word);
      }
    }
    return t;
  }();
  return kTables;
}

// The shortest word of a name's own that a generic word may be written onto.
constexpr std::size_t kMinOwnPart = 4;

const LexiconWord* FindShaped(std::string_view word) {
  return GetTables().word_shapes.MayContain(word) ? FindLexiconWord(word) : nullptr;
}

bool IsGenericPart(const LexiconWord* entry, std::size_t length) {
  return entry != nullptr && entry->token_class != kParticle && length >= kMinGenericPart;
}

bool IsLegalPart(const LexiconWord* entry, std::size_t length) {
  return entry != nullptr && entry->token_class == kLegal && length >= kMinGenericPart;
}

// English number words up to 99 (and the ordinals to tenth), as the digits they stand
// for. "fourty" is the common misspelling of forty.
struct NumberRow {
  std::string_view word;
  std::string_view digits;
};
constexpr NumberRow kNumberWords[] = {
    {"zero", "0"},     {"one", "1"},        {"two", "2"},       {"three", "3"},
    {"four", "4"},     {"five", "5"},       {"six", "6"},       {"seven", "7"},
    {"eight", "8"},    {"nine", "9"},       {"ten", "10"},      {"eleven", "11"},
    {"twelve", "12"},  {"thirteen", "13"},  {"fourteen", "14"}, {"fifteen", "15"},
    {"sixteen", "16"}, {"seventeen", "17"}, {"eighteen", "18"}, {"nineteen", "19"},
    {"twenty", "20"},  {"thirty", "30"},    {"forty", "40"},    {"fourty", "40"},
    {"fifty", "50"},   {"sixty", "60"},     {"seventy", "70"},  {"eighty", "80"},
    {"ninety", "90"},  {"first", "1st"},    {"second", "2nd"},  {"third", "3rd"},
    {"fourth", "4th"}, {"fifth", "5th"},    {"sixth", "6th"},   {"seventh", "7th"},
    {"eighth", "8th"}, {"ninth", "9th"},    {"tenth", "10th"},
};

constexpr std::size_t kMinNearNumberWord = 7;

}  // namespace

std::string_view NumberWordDigits(std::string_view word) {
  // Most words are ruled out by their first letter and length, before any comparison.
  static const ShapeFilter kShapes = [] {
    ShapeFilter shapes;
    for (const auto& row : kNumberWords) shapes.Add(row.word);
    return shapes;
  }();
  if (kShapes.MayContain(word)) {
    for (const auto& row : kNumberWords) {
      if (row.word == word) return row.digits;
    }
  }
  // One slip in a number word of seven letters or more, the first letter kept
  // ("foureten"): no other word is that near one.
  static const ShapeFilter kNearShapes = [] {
    ShapeFilter shapes;
    for (const auto& row : kNumberWords) {
      if (row.word.size() < kMinNearNumberWord) continue;
      for (const std::size_t length : {row.word.size() - 1, row.word.size(), row.word.size() + 1}) {
        shapes.lengths[static_cast<unsigned char>(row.word.front())] |= 1u << length;
      }
    }
    return shapes;
  }();
  if (!kNearShapes.MayContain(word)) return {};
  // The long number words by first letter: the few a slip may stand for.
  static const auto kLongByLetter = [] {
    std::array<std::vector<const NumberRow*>, 256> rows;
    for (const auto& row : kNumberWords) {
      if (row.word.size() >= kMinNearNumberWord) {
        rows[static_cast<unsigned char>(row.word.front())].push_back(&row);
      }
    }
    return rows;
  }();
  for (const NumberRow* row : kLongByLetter[static_cast<unsigned char>(word.front())]) {
    if (row->word.size() + 1 >= word.size() && row->word.size() <= word.size() + 1 &&
        BoundedOsaDistance(word, row->word, 1) <= 1) {
      return row->digits;
    }
  }
  return {};
}

std::size_t GenericJoinSplit(std::string_view word) {
  if (word.size() < kMinGenericPart + 2) return 0;
  for (char c : word) {
    if (c < 'a' || c > 'z') return 0;
  }
  if (!GetTables().generic_ends.MayCut(word)) return 0;
  if (FindShaped(word) != nullptr) return 0;
  // Longest generic part first, so "companylimited" splits at "company", not "co".
  for (std::size_t cut = word.size() - 2; cut >= 2; --cut) {
    const std::string_view head = word.substr(0, cut);
    const std::string_view tail = word.substr(cut);
    // Both rules below need a generic part on one side (a legal part is one too): the
    // sides of kMinGenericPart letters or more are looked up first, the other side
    // only when one of them is.
    const LexiconWord* head_entry = head.size() >= kMinGenericPart ? FindShaped(head) : nullptr;
    const LexiconWord* tail_entry = tail.size() >= kMinGenericPart ? FindShaped(tail) : nullptr;
    if (!IsGenericPart(head_entry, head.size()) && !IsGenericPart(tail_entry, tail.size())) {
      continue;
    }
    if (head.size() < kMinGenericPart) head_entry = FindShaped(head);
    if (tail.size() < kMinGenericPart) tail_entry = FindShaped(tail);
    // Two lexicon words ("liabilitycompany", "groupof"), or a legal form written onto a
    // word of the name's own ("companymalvin", "obshchestvoproton").
    if (head_entry != nullptr && tail_entry != nullptr &&
        (IsGenericPart(head_entry, head.size()) || IsGenericPart(tail_entry, tail.size()))) {
      return cut;
    }
    // A common word is left alone there: business words make compounds of their own
    // ("PETROCHEMICAL", "SHIPBUILDING") that are one word of the name.
    if ((IsLegalPart(head_entry, head.size()) && tail.size() >= kMinOwnPart) ||
        (IsLegalPart(tail_entry, tail.size()) && head.size() >= kMinOwnPart)) {
      return cut;
    }
  }
  return 0;
}

const LexiconWord* FindLexiconWord(std::string_view word) {
  const auto& words = GetTables().words;
  auto it = words.find(word);
  return it == words.end() ? nullptr : &it->second;
}

const LexiconWord* FindNearLexiconWord(std::string_view word) {
  const Tables& tables = GetTables();
  const auto short_slip = [&]() -> const LexiconWord* {
    if (word.size() < kMinShortSlip || !tables.short_slip_shapes.MayContain(word)) return nullptr;
    const auto it = tables.short_slips.find(word);
    return it == tables.short_slips.end() ? nullptr : &tables.words.at(it->second);
  };
  if (word.size() < kMinNearWord) return short_slip();
  std::string_view best;
  ForEachDeletionHash(word, [&](std::uint64_t h) {
    tables.near_keys.ForEach(h, [&](std::uint32_t i) {
      const std::string_view candidate = kWords[i].word;
      // Alphabetically first among equals, so the answer never depends on hashing.
      if ((best.empty() || candidate < best) && BoundedOsaDistance(word, candidate, 1) <= 1) {
        best = candidate;
      }
    });
  });
  // A letter put inside a word of five ("tradhe"), when no longer word is one edit away.
  if (best.empty() && word.size() == kMinNearWord) return short_slip();
  if (best.empty() && word.size() + kTwoSlips >= kMinTwoSlipWord && word.front() >= 'a' &&
      word.front() <= 'z') {
    // Two slips in a long business word, the first letter kept ("enginiring").
    for (const std::string_view candidate :
         tables.long_common_words[static_cast<std::size_t>(word.front() - 'a')]) {
      const std::size_t gap = word.size() > candidate.size() ? word.size() - candidate.size()
                                                             : candidate.size() - word.size();
      if (gap <= kTwoSlips && (best.empty() || candidate < best) &&
          BoundedOsaDistance(word, candidate, static_cast<int>(kTwoSlips)) <=
              static_cast<int>(kTwoSlips)) {
        best = candidate;
      }
    }
  }
  return best.empty() ? nullptr : &tables.words.at(best);
}

const LexiconWord* FindOtherSpelling(std::string_view word) {
  const Tables& tables = GetTables();
  if (!tables.spelling_shapes.MayContain(word)) return nullptr;
  const auto it = tables.spellings.find(word);
  return it == tables.spellings.end() ? nullptr : &tables.words.at(it->second);
}

std::string_view NearLegalPhraseWord(std::string_view word) {
  const Tables& tables = GetTables();
  if (word.size() <= kMinSlippedPhraseWord) {
    if (const auto it = tables.phrase_swaps.find(word); it != tables.phrase_swaps.end()) {
      return it->second;
    }
  }
  if (word.size() < kMinSlippedWord || word.front() < 'a' || word.front() > 'z') return {};
  std::string_view best;
  std::size_t best_distance = 0;
  for (const PhraseSpelling& spelling :
       tables.phrase_spellings[static_cast<std::size_t>(word.front() - 'a')]) {
    const int allowed = MaxTyposBetween(word.size(), spelling.written.size());
    const std::size_t gap = word.size() > spelling.written.size()
                                ? word.size() - spelling.written.size()
                                : spelling.written.size() - word.size();
    if (allowed == 0 || gap > static_cast<std::size_t>(allowed)) continue;
    const int distance = BoundedOsaDistance(word, spelling.written, allowed);
    if (distance > allowed) continue;
    // The nearest, then the alphabetically first canon: never the table's order.
    const auto d = static_cast<std::size_t>(distance);
    if (best.empty() || d < best_distance || (d == best_distance && spelling.canon < best)) {
      best = spelling.canon;
      best_distance = d;
    }
  }
  return best;
}

const LexiconWord* FindSplitLegalForm(std::string_view head, std::string_view tail) {
  const Tables& tables = GetTables();
  if (head.empty() || tail.empty()) return nullptr;
  const std::size_t length = head.size() + tail.size();
  if (length < kMinRejoinedLegalForm || length >= 32 ||
      (tables.long_legal_shapes.lengths[static_cast<unsigned char>(head.front())] >> length & 1) ==
          0) {
    return nullptr;
  }
  if (FindLexiconWord(head) != nullptr || FindLexiconWord(tail) != nullptr) return nullptr;
  std::string joined(head);
  joined += tail;
  const LexiconWord* entry = FindLexiconWord(joined);
  return entry != nullptr && entry->token_class == kLegal ? entry : nullptr;
}

bool IsLegalPhraseWord(std::string_view canon) {
  const Tables& tables = GetTables();
  return tables.phrase_word_shapes.MayContain(canon) &&
         std::binary_search(tables.phrase_words.begin(), tables.phrase_words.end(), canon);
}

LoosePhrase MatchLooseLegalPhrase(std::span<const std::string_view> canons,
                                  std::span<const std::string_view> near,
                                  std::span<const TokenClass> classes) {
  // Every loose form begins with its first word, written or near: most tokens begin none.
  const ShapeFilter& first_words = GetTables().phrase_first_words;
  if (canons.empty() || (!first_words.MayContain(canons[0]) && !first_words.MayContain(near[0]))) {
    return {};
  }
  for (const auto& phrase : kPhrases) {
    std::size_t n = 0;
    while (n < phrase.canons.size() && !phrase.canons[n].empty()) ++n;
    std::size_t j = 0;  // the next token
    std::size_t written = 0;
    bool slipped = false;
    bool dropped = false;
    std::size_t skipped = LoosePhrase::kNone;
    bool all = true;
    for (std::size_t p = 0; p < n && all;) {
      const bool deviated = dropped || skipped != LoosePhrase::kNone;
      if (j < canons.size() && canons[j] == phrase.canons[p]) {
        ++written;
      } else if (j < canons.size() && near[j] == phrase.canons[p]) {
        slipped = true;
      } else if (!deviated && p > 0 && j + 1 < canons.size() && classes[j] == TokenClass::kCommon &&
                 (canons[j + 1] == phrase.canons[p] || near[j + 1] == phrase.canons[p])) {
        skipped = j++;  // a business word inside the form: the form's words go on after it
        continue;
      } else if (!deviated && p > 0 && n >= kMinDroppingPhrase) {
        dropped = true;  // this word of the form is left out; the next token is the next word
        ++p;
        continue;
      } else {
        all = false;
        continue;
      }
      ++j;
      ++p;
    }
    if (!all || written == 0 || (!slipped && !dropped && skipped == LoosePhrase::kNone)) continue;
    std::string_view unused_canon, unused_display;
    if (canons[0] != phrase.canons[0] &&
        MatchLegalPhrase(canons.subspan(1), unused_canon, unused_display) > 1) {
      continue;
    }
    return {j, skipped, slipped || dropped, phrase.canon, phrase.display};
  }
  return {};
}

std::size_t MatchLegalPhrase(std::span<const std::string_view> canons, std::string_view& canon,
                             std::string_view& display) {
  if (canons.empty() || !GetTables().phrase_first_words.MayContain(canons[0])) return 0;
  for (const auto& phrase : kPhrases) {
    std::size_t n = 0;
    while (n < phrase.canons.size() && !phrase.canons[n].empty()) ++n;
    if (n > canons.size()) continue;
    bool all = true;
    for (std::size_t i = 0; i < n && all; ++i) all = canons[i] == phrase.canons[i];
    if (!all) continue;
    canon = phrase.canon;
    display = phrase.display;
    return n;
  }
  return 0;
}

bool IsLegalPhraseCanon(std::string_view canon) {
  if (!GetTables().phrase_canons.MayContain(canon)) return false;
  for (const auto& phrase : kPhrases) {
    if (phrase.canon == canon) return true;
  }
  return false;
}

}  // namespace tollgate::screening

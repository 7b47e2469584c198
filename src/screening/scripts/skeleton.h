// Consonant skeletons: a key under which a name in Arabic script and its usual Latin
// romanizations agree. Arabic script writes the short vowels only as optional marks,
// which names almost never carry, so ICU's Arabic-Latin reads "محمد" as "mhmd" and no
// Latin listing ("Muhammad", "Mohammed") is within a typo of it. The skeleton drops the
// vowels on both sides and folds the letters romanizations disagree on:
//   - a word's first vowel (or alif, or ayn) is kept as "u": Ahmad, احمد -> "uhmd";
//     Omar, عمر -> "umr" ("u" because no legal form or particle of the lexicon begins
//     with it); later vowels, alif, ayn and hamza are dropped;
//   - w and y count only at the start of a word (Walid, Yusuf), and y at its end
//     (Ali, علي -> "uly": the long -i of nisba names); in between they are vowels;
//   - digraphs and equivalents as one letter: kh/خ -> k, q/ق -> k, gh/غ -> g,
//     sh/ch/ش/چ -> x, th/ث -> t, dh/ذ/ض -> d, dj/ج/ژ -> j, ph/ف -> f, v -> w,
//     zh as z and h (Azhar, ازهر),
//     tz -> z (Hebrew צ: Yitzhak, Zion),
//     p/پ -> b (Arabic writes p as ب);
//   - ه at the end of a word and ة are dropped, and so is the h of Latin -llah (Allah,
//     Abdullah); doubled letters count once (Muhammad, shadda);
//   - the article ال is a word of its own, "al" (al-, el-, ul-, ad-, ar-, ash- in Latin
//     give "al" too), and Abdul, Abdel, Abd al- read "ubd al"; ibn and bin read "bn";
//     words written joined in one script and apart in the other are split alike
//     (عبدالمنان and Abdul Manan, خيرالله and Khairullah, نورالدین and Nooruddin).
// The skeleton is a coarse key (Hassan and Hussein share "hsn"): a match through it
// scores below one through the letters (scripts/screen_forms.cpp).
//
// Thread-safety: pure functions. Failure: none; text without letters gives "".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tollgate::screening {

// The skeleton of every word of `name`, space-separated, for Arabic-script and Latin
// words alike (other scripts are folded to ASCII first). Numbers stay as written.
std::string SkeletonName(std::string_view name);

// How an Arabic-script name's ذ ض ظ ث are read. Romanizations of one name disagree on
// them by where it is written, and the Latin skeleton keeps what the Latin wrote:
//   kDefault  the Arabic usage: ذ ض -> d (Fadl), ظ -> z (Kazim), ث -> t (Othman);
//             Persian, Dari, Pashto and Urdu names (a letter only they use) ذ ض ظ -> z;
//   kZ        ذ ض ظ -> z and ث -> s, the Persian, Urdu and Turkish reading of a name
//             written without such a letter (Afghan and Pakistani names: Fazal, فضل;
//             Zakir, ذاكر; Osman, عثمان), with the rest of the Persian reading: a
//             final ه silent (Juma, جمعه), a final ى y (Nomani, نعمانى);
//   kDh       ظ -> d, as Iraqi and Gulf names write it dh (Kadhim, كاظم);
//   kTh       ذ ظ ث -> t, written th (Kathim, كاظم; Huthaifa, حذيفة);
//   kConstruct ة -> t, the -at of a noun before its complement (Asbat al-Ansar,
//             عصبة الأنصار); only for a name with ة before a word with the article.
// A Hebrew name's default is modern Israeli usage (skeleton_scripts.h); two more
// readings follow the letters as older and personal spellings do:
//   kHebrewStops    ב פ b, p inside a word too (Rabin, רבין; Liberman, ליברמן);
//   kHebrewStopsCh  and ח ch (Chasdai, חסדאי; Chaim, חיים).
//   kDigraph  س ص ك ت ط د followed by ح or ه inside a word as the one letter of the
//             Latin digraph sh, kh, th, dh (Ishaq, اسحاق; Lakhal, لكحل; Fathi, فتحي):
//             Arabic writes no vowel to tell Is-haq from a digraph.
enum class SkeletonReading {
  kDefault,
  kZ,
  kDh,
  kTh,
  kConstruct,
  kDigraph,
  kHebrewStops,
  kHebrewStopsCh
};
std::string SkeletonName(std::string_view name, SkeletonReading reading);

// The skeletons of an Arabic-script or Hebrew `name` under the readings other than
// kDefault that give another skeleton (none for a name that none of them changes, or
// in another script).
// `usual_skeleton`, when given, is SkeletonName(name), which the caller has at hand.
std::vector<std::string> OtherSkeletons(std::string_view name,
                                        std::string_view usual_skeleton = {});

// True when `text` holds a letter of the Arabic script (Arabic, Persian, Urdu, Pashto).
bool HasArabicLetter(std::string_view text);

// True when `text` holds a Hebrew letter.
bool HasHebrewLetter(std::string_view text);

}  // namespace tollgate::screening

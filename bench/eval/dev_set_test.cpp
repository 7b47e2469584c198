// The development set's generators do what their rules say (bench/eval/README.md),
// and do it the same way for the same seed; the script detector names the scripts
// of the names the set holds.
#include "dev_set.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "tollgate/screening/normalize.h"

namespace tollgate::eval {
namespace {

// Runs `generate` over `names` with `seed`, twice, and checks that both runs agree.
template <typename Generate>
std::vector<std::optional<std::string>> RunTwice(const std::vector<std::string>& names,
                                                 std::uint64_t seed, Generate generate) {
  std::vector<std::optional<std::string>> first;
  std::vector<std::optional<std::string>> second;
  Random a(seed);
  Random b(seed);
  for (const auto& name : names) first.push_back(generate(name, a));
  for (const auto& name : names) second.push_back(generate(name, b));
  EXPECT_EQ(first, second);
  return first;
}

const std::vector<std::string> kNames = {
    "Jean-Claude Juncker",  "SADDAM HUSSEIN AL-TIKRITI",     "PUTIN, Vladimir Vladimirovich",
    "William Robert Smith", "HUAWEI TECHNOLOGIES CO., LTD.", "Osama Bin Laden",
    "ROSOBORONEXPORT",      "Aleksandr Ivanovich PETROV",    "Ali Akbar Tabatabaei"};

TEST(DevSetScriptTest, NamesTheScriptOfEachName) {
  EXPECT_EQ(DetectScript("Barack Obama"), "Latin");
  EXPECT_EQ(DetectScript("Müller-Lüdenscheidt"), "Latin");
  EXPECT_EQ(DetectScript("Владимир Путин"), "Cyrillic");
  EXPECT_EQ(DetectScript("Володимир Зеленський"), "Cyrillic");
  EXPECT_EQ(DetectScript("صدام حسين التكريتي"), "Arabic");
  EXPECT_EQ(DetectScript("مسعود پزشکیان"), "Arabic");
  EXPECT_EQ(DetectScript("贝拉克·奥巴马"), "Han");
  EXPECT_EQ(DetectScript("高市早苗"), "Han");
  // Kanji with kana is Japanese, however many kanji there are.
  EXPECT_EQ(DetectScript("バラク・オバマ"), "Kana");
  EXPECT_EQ(DetectScript("安倍晋三 あべしんぞう"), "Kana");
  EXPECT_EQ(DetectScript("김정은"), "Hangul");
  EXPECT_EQ(DetectScript("Κυριάκος Μητσοτάκης"), "Greek");
  EXPECT_EQ(DetectScript("בנימין נתניהו"), "Hebrew");
  EXPECT_EQ(DetectScript("Բարակ Օբամա"), "Armenian");
  EXPECT_EQ(DetectScript("ბარაკ ობამა"), "Georgian");
  EXPECT_EQ(DetectScript("नरेन्द्र मोदी"), "Devanagari");
  // The letters decide, not digits or punctuation; most letters win.
  EXPECT_EQ(DetectScript("Jin Tiesan (金铁三)"), "Latin");
  EXPECT_EQ(DetectScript("華信船務(香港)有限公司"), "Han");
  EXPECT_EQ(DetectScript("ООО \"АЯС 2000\""), "Cyrillic");
  EXPECT_EQ(DetectScript("2000 - ()"), "None");
  EXPECT_EQ(DetectScript(""), "None");
  EXPECT_EQ(ScriptsOf("Jin Tiesan (金铁三)"), (std::vector<std::string>{"Latin", "Han"}));
  EXPECT_EQ(ScriptsOf("1990"), std::vector<std::string>{});
  // Romanized Arabic with ʿayn and hamza signs is Latin alone: an index without the
  // names in other scripts keeps it.
  EXPECT_EQ(ScriptsOf("ʿAbd al-Qādir al-Baghdādī ʾAḥmad"), std::vector<std::string>{"Latin"});
  EXPECT_EQ(ScriptVariant("مسعود پزشکیان"), "Persian letters");
  EXPECT_EQ(ScriptVariant("صدام حسين التكريتي"), "");
  EXPECT_EQ(ScriptVariant("Віталій Кличко"), "Ukrainian letters");
  // Without і ї є ґ a Ukrainian name reads as any Cyrillic name.
  EXPECT_EQ(ScriptVariant("Володимир Зеленський"), "");
  EXPECT_EQ(ScriptVariant("Владимир Путин"), "");
  EXPECT_EQ(ScriptVariant("Kyiv"), "");
  // A broken byte is skipped, not read as a letter.
  EXPECT_EQ(DetectScript("\xD0 Abc"), "Latin");
}

TEST(DevSetGeneratorTest, InitialsOfGivenNames) {
  EXPECT_EQ(Initials("Jean-Claude Juncker", false), "J.-C. Juncker");
  EXPECT_EQ(Initials("Jean-Claude Juncker", true), "J. C. Juncker");
  EXPECT_EQ(Initials("William Robert Smith", false), "W. R. Smith");
  // "SURNAME, Given Names": the words after the comma are the given names.
  EXPECT_EQ(Initials("PUTIN, Vladimir Vladimirovich", false), "V. V. PUTIN");
  EXPECT_EQ(Initials("ROSOBORONEXPORT", false), std::nullopt);
  EXPECT_EQ(Initials("Agent 007 Bond", false), std::nullopt);
}

TEST(DevSetGeneratorTest, NicknameReplacesAGivenNameFromTheTable) {
  EXPECT_EQ(ShortGivenName("William"), "Bill");
  EXPECT_EQ(ShortGivenName("ALEKSANDR"), "SASHA");
  EXPECT_EQ(ShortGivenName("Juncker"), std::nullopt);
  Random random(1);
  EXPECT_EQ(Nickname("Aleksandr Ivanovich PETROV", random), "Sasha Ivanovich PETROV");
  EXPECT_EQ(Nickname("SMITH, WILLIAM", random), "SMITH, BILL");
  EXPECT_EQ(Nickname("Jean-Claude Juncker", random), std::nullopt);
  // "William Robert Smith": either given name, never the surname.
  RunTwice(kNames, 7, Nickname);
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    Random r(seed);
    const auto out = Nickname("William Robert Smith", r);
    ASSERT_TRUE(out.has_value());
    EXPECT_TRUE(*out == "Bill Robert Smith" || *out == "William Bob Smith") << *out;
  }
}

TEST(DevSetGeneratorTest, TitleGoesInFront) {
  const auto outputs = RunTwice(kNames, 3, TitlePrefix);
  const std::set<std::string> titles = {"President", "Sheikh", "General", "Dr",       "Dr.",
                                        "Mr",        "Mr.",    "Colonel", "Minister", "Prof."};
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    ASSERT_TRUE(outputs[i].has_value());
    const auto space = outputs[i]->find(' ');
    EXPECT_TRUE(titles.count(outputs[i]->substr(0, space))) << *outputs[i];
    if (kNames[i].find(',') == std::string::npos) {
      EXPECT_EQ(outputs[i]->substr(space + 1), kNames[i]);
    }
  }
  Random random(1);
  const auto putin = TitlePrefix("PUTIN, Vladimir Vladimirovich", random).value();
  EXPECT_EQ(putin.substr(putin.find(' ') + 1), "Vladimir Vladimirovich PUTIN");
}

TEST(DevSetGeneratorTest, DigitsForLettersUsesOnlyTheLookAlikes) {
  EXPECT_EQ(DigitForLetter('O', false), '0');
  EXPECT_EQ(DigitForLetter('o', false), '0');
  EXPECT_EQ(DigitForLetter('I', false), '1');
  EXPECT_EQ(DigitForLetter('l', false), '1');
  EXPECT_EQ(DigitForLetter('E', false), '3');
  EXPECT_EQ(DigitForLetter('A', false), '4');
  EXPECT_EQ(DigitForLetter('A', true), '@');
  EXPECT_EQ(DigitForLetter('S', false), '5');
  EXPECT_EQ(DigitForLetter('s', true), '$');
  EXPECT_EQ(DigitForLetter('T', false), '7');
  EXPECT_EQ(DigitForLetter('B', false), 0);
  Random random(5);
  const std::string oxo = DigitsForLetters("OXO", random).value();
  EXPECT_TRUE(oxo == "0XO" || oxo == "OX0") << oxo;
  EXPECT_EQ(DigitsForLetters("BMW", random), std::nullopt);
  const auto outputs = RunTwice(kNames, 11, DigitsForLetters);
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    ASSERT_TRUE(outputs[i].has_value());
    const std::string& out = *outputs[i];
    ASSERT_EQ(out.size(), kNames[i].size());
    std::size_t changed = 0;
    for (std::size_t k = 0; k < out.size(); ++k) {
      if (out[k] == kNames[i][k]) continue;
      ++changed;
      EXPECT_TRUE(out[k] == DigitForLetter(kNames[i][k], false) ||
                  out[k] == DigitForLetter(kNames[i][k], true))
          << kNames[i] << " -> " << out;
    }
    // Two look-alikes in a name of ten letters or more, else one.
    const auto letters = std::count_if(kNames[i].begin(), kNames[i].end(),
                                       [](char c) { return std::isalpha(c) != 0; });
    EXPECT_EQ(changed, letters >= 10 ? 2u : 1u) << out;
  }
}

TEST(DevSetGeneratorTest, DoubleOrDropChangesOneLetterNotTheFirst) {
  const auto outputs = RunTwice(kNames, 13, DoubleOrDropLetter);
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    ASSERT_TRUE(outputs[i].has_value());
    const std::string& in = kNames[i];
    const std::string& out = *outputs[i];
    ASSERT_EQ(out.size() + 1 == in.size() || out.size() == in.size() + 1, true) << out;
    const std::string& longer = out.size() > in.size() ? out : in;
    const std::string& shorter = out.size() > in.size() ? in : out;
    std::size_t k = 0;
    while (k < shorter.size() && shorter[k] == longer[k]) ++k;
    // One letter removed from the longer gives the shorter; when it was added, it is
    // a copy of its neighbour (a doubled letter).
    EXPECT_EQ(longer.substr(0, k) + longer.substr(k + 1), shorter) << out;
    EXPECT_TRUE(k > 0 && longer[k - 1] != ' ') << out;
    if (out.size() > in.size()) {
      EXPECT_TRUE(out[k] == out[k - 1] || out[k] == out[k + 1]) << out;
    }
  }
  Random random(1);
  EXPECT_EQ(DoubleOrDropLetter("Li Bo", random), std::nullopt);
}

TEST(DevSetGeneratorTest, ScrambleKeepsTheWordsInAnotherOrderWithOneTypo) {
  const auto outputs = RunTwice(kNames, 17, ScrambleWithTypo);
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    auto in = Words(kNames[i]);
    for (auto& word : in) {
      if (word.back() == ',') word.pop_back();  // the comma goes with the order
    }
    if (in.size() < 2) {
      EXPECT_EQ(outputs[i], std::nullopt);
      continue;
    }
    ASSERT_TRUE(outputs[i].has_value());
    const auto out = Words(*outputs[i]);
    ASSERT_EQ(out.size(), in.size()) << *outputs[i];
    // Every word but one is an input word; the words are not in their old order.
    std::multiset<std::string> left(in.begin(), in.end());
    std::size_t unknown = 0;
    for (const auto& w : out) {
      if (auto it = left.find(w); it != left.end()) {
        left.erase(it);
      } else {
        ++unknown;
      }
    }
    EXPECT_EQ(unknown, 1u) << *outputs[i];
    EXPECT_NE(out, in);
  }
}

TEST(DevSetGeneratorTest, TrapsNameNobody) {
  Random random(2);
  const std::string trap = OneWordAliasTrap("GREEN", random);
  ASSERT_EQ(Words(trap).size(), 2u);
  EXPECT_EQ(Words(trap)[1], "GREEN");
  for (int i = 0; i < 50; ++i) {
    const std::string han = ShortHanName(random);
    EXPECT_EQ(DetectScript(han), "Han");
    EXPECT_TRUE(han.size() == 3 || han.size() == 6) << han;  // one or two characters
  }
  // Generic words are kept, distinctive ones become coined words not listed.
  std::set<std::string> offered;
  const auto unused = [&](const std::string& word) {
    offered.insert(word);
    return word.size() > 6;  // a stand-in for "no listed name holds it"
  };
  const auto company = GenericWordsOnly("HUAWEI TECHNOLOGIES CO., LTD.", unused, random);
  ASSERT_TRUE(company.has_value());
  const auto tokens = screening::TokenizeName(*company);
  const auto original = screening::TokenizeName("HUAWEI TECHNOLOGIES CO., LTD.");
  ASSERT_EQ(tokens.size(), original.size()) << *company;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (screening::IsDistinctive(original[i].token_class)) {
      EXPECT_NE(tokens[i].canon, original[i].canon) << *company;
      EXPECT_GT(tokens[i].text.size(), 6u) << *company;
    } else {
      EXPECT_EQ(tokens[i].canon, original[i].canon) << *company;
    }
  }
  EXPECT_FALSE(offered.empty());
  EXPECT_EQ(GenericWordsOnly("ROSOBORONEXPORT", unused, random), std::nullopt);
  EXPECT_EQ(GenericWordsOnly("Trading Co., Ltd.", unused, random), std::nullopt);
  // No coined word accepted: nothing to offer.
  EXPECT_EQ(GenericWordsOnly(
                "Huawei Co.", [](const std::string&) { return false; }, random),
            std::nullopt);
}

}  // namespace
}  // namespace tollgate::eval

// Names in Hebrew, Thai and Khmer script (issue 16, item 1): their consonant skeletons
// agree with their usual romanizations, and a name in each finds its Latin listing.
// The lists hold no name in these scripts (bench/eval/README.md), so the Hebrew names
// are those of listed people (SDN, West Bank sanctions of 2024), written as Israeli
// spelling writes them, and the Thai and Khmer names are those of public figures with
// the spelling they use in Latin letters.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "screening/scripts/script_forms.h"
#include "screening/scripts/skeleton.h"
#include "screening/scripts/test_person.h"
#include "test_paths.h"
#include "tollgate/lists/format.h"
#include "tollgate/screening/screening.h"

namespace tollgate::screening {
namespace {

bool Has(const std::vector<std::string>& skeletons, const std::string& skeleton) {
  return std::find(skeletons.begin(), skeletons.end(), skeleton) != skeletons.end();
}

TEST(HebrewSkeletonTest, ModernIsraeliSpellings) {
  EXPECT_EQ(SkeletonName("בנימין נתניהו"), SkeletonName("Binyamin Netanyahu"));
  EXPECT_EQ(SkeletonName("יצחק"), SkeletonName("Yitzhak"));         // צ tz, ח h
  EXPECT_EQ(SkeletonName("אהוד ברק"), SkeletonName("Ehud Barak"));  // א first: a vowel
  EXPECT_EQ(SkeletonName("נפתלי בנט"), SkeletonName("Naftali Bennett"));
  EXPECT_EQ(SkeletonName("משה יעלון"), SkeletonName("Moshe Yaalon"));  // final ה, ע
  EXPECT_EQ(SkeletonName("שמעון פרס"), SkeletonName("Shimon Peres"));  // פ first: p
  EXPECT_EQ(SkeletonName("אביגדור"), SkeletonName("Avigdor"));         // ב inside: v
  EXPECT_EQ(SkeletonName("גולדה מאיר"), SkeletonName("Golda Meir"));
  EXPECT_EQ(SkeletonName("בן ציון"), SkeletonName("Ben Zion"));
  EXPECT_EQ(SkeletonName("שָׂרָה"), SkeletonName("Sara"));  // the sin dot; points dropped
  EXPECT_TRUE(HasHebrewLetter("לוי"));
  EXPECT_FALSE(HasHebrewLetter("Levi"));
}

TEST(HebrewSkeletonTest, OlderReadings) {
  // ב b inside a word, ח ch: not the modern default, so other skeletons.
  EXPECT_NE(SkeletonName("ליברמן"), SkeletonName("Liberman"));
  EXPECT_TRUE(Has(OtherSkeletons("ליברמן"), SkeletonName("Liberman")));
  EXPECT_TRUE(Has(OtherSkeletons("יצחק רבין"), SkeletonName("Yitzhak Rabin")));
  EXPECT_EQ(SkeletonName("ינון לוי"), SkeletonName("Yinon Levi"));  // ו: o, but v in Levi
  EXPECT_TRUE(Has(OtherSkeletons("דוד חי חסדאי"), SkeletonName("David Chai Chasdai")));
  EXPECT_TRUE(OtherSkeletons("Levi").empty());
}

TEST(ThaiSkeletonTest, NamesAsTheirHoldersSpellThem) {
  EXPECT_EQ(SkeletonName("ทักษิณ ชินวัตร"), SkeletonName("Thaksin Shinawatra"));
  // ง ng; ษณ์ silent under the thanthakhat.
  EXPECT_EQ(SkeletonName("ยิ่งลักษณ์"), SkeletonName("Yingluck"));
  // ธ alone silent (a vowel before ทธ์); ป p; ย inside a word a vowel.
  EXPECT_EQ(SkeletonName("ประยุทธ์"), SkeletonName("Prayut"));
  EXPECT_EQ(SkeletonName("อนุทิน"), SkeletonName("Anutin"));     // อ first: a vowel
  EXPECT_EQ(SkeletonName("เอกชัย"), SkeletonName("Ekkachai"));  // a vowel before อ
  EXPECT_TRUE(OtherSkeletons("ทักษิณ").empty());
}

TEST(KhmerSkeletonTest, NamesAsTheyAreWrittenInLatin) {
  // ICU has no Khmer transform: the skeleton is the only reading.
  EXPECT_EQ(SkeletonName("ប៉ុល ពត"), SkeletonName("Pol Pot"));
  EXPECT_EQ(SkeletonName("ហ៊ុន សែន"), SkeletonName("Hun Sen"));
  EXPECT_EQ(SkeletonName("ហ៊ុន ម៉ាណែត"), SkeletonName("Hun Manet"));
  EXPECT_EQ(SkeletonName("ខ្មែរ"), SkeletonName("Khmer"));  // a subscript consonant
  EXPECT_NE(SkeletonName("ហ៊ុន សែន"), SkeletonName("Hun Manet"));
}

TEST(HebrewThaiFormsTest, SkeletonFormsOfBothScripts) {
  EXPECT_EQ(ScriptForms("דוד חי חסדאי").size(), 2u);  // and with ח ch
  const std::vector<ScriptForm> hebrew = ScriptForms("ינון לוי");
  ASSERT_EQ(hebrew.size(), 1u);  // no ב פ ח: the modern skeleton alone
  EXPECT_TRUE(hebrew[0].skeleton);
  EXPECT_NE(hebrew[0].how.find("Hebrew"), std::string::npos);
  const std::vector<ScriptForm> thai = ScriptForms("ทักษิณ ชินวัตร");
  ASSERT_EQ(thai.size(), 1u);
  EXPECT_TRUE(thai[0].skeleton);
  EXPECT_EQ(thai[0].text, SkeletonName("Thaksin Shinawatra"));
  EXPECT_TRUE(ScriptForms("Yinon Levi").empty());
}

// The SDN list of 2024-05-03 as published: 7,000-odd entries in Latin letters.
std::shared_ptr<const Index> SdnIndex() {
  static const std::shared_ptr<const Index> index = [] {
    Result<lists::ParsedList> list = lists::ReadListFile(
        std::filesystem::path(TOLLGATE_SHARED_DATA) / "lists/ofac_sdn_2024-05-03.csv");
    EXPECT_TRUE(list.ok());
    return Index::Build(list.ok() ? std::move(list.value().entries)
                                  : std::vector<lists::ListEntry>{});
  }();
  return index;
}

TEST(HebrewScreeningTest, HebrewNameFindsItsSdnListing) {
  const auto index = SdnIndex();
  for (const auto& [hebrew, id] : std::vector<std::pair<std::string, std::string>>{
           {"ינון לוי", "47320"},         // 'LEVI, Yinon'
           {"דוד חי חסדאי", "47326"}}) {  // 'CHASDAI, David Chai'
    Query query;
    query.name = hebrew;
    query.limit = 50;
    query.explain = true;
    const std::vector<Match> matches = index->Screen(query);
    ASSERT_FALSE(matches.empty()) << hebrew;
    EXPECT_EQ(matches.front().entry->entry_id, id) << hebrew;
    EXPECT_NE(matches.front().explanation.find("Hebrew"), std::string::npos)
        << matches.front().explanation;
    const Match explained = index->Explain(query, *matches.front().entry);
    EXPECT_NEAR(explained.score, matches.front().score, 1e-9) << hebrew;
  }
  // A common name of nobody listed finds nobody: Moshe Cohen.
  Query nobody;
  nobody.name = "משה כהן";
  EXPECT_TRUE(index->Screen(nobody).empty());
}

using script_tests::Person;

// The listed name of the one entry `name` matches; "" when it matches none or several.
std::string OnlyMatch(const Index& index, const std::string& name) {
  Query query;
  query.name = name;
  const std::vector<Match> found = index.Screen(query);
  return found.size() == 1 ? found[0].entry->name : "";
}

TEST(ThaiScreeningTest, ThaiNameFindsItsLatinSpelling) {
  const auto index = Index::Build({Person("SHINAWATRA, Thaksin"), Person("SHINAWATRA, Yingluck"),
                                   Person("CHAN-O-CHA, Prayut")});
  // Not his sister: one word in common.
  EXPECT_EQ(OnlyMatch(*index, "ทักษิณ ชินวัตร"), "SHINAWATRA, Thaksin");
  EXPECT_EQ(OnlyMatch(*index, "ยิ่งลักษณ์ ชินวัตร"), "SHINAWATRA, Yingluck");
}

TEST(KhmerScreeningTest, KhmerNameFindsItsLatinSpelling) {
  const auto index = Index::Build({Person("POL POT"), Person("HUN, Sen"), Person("HUN, Manet")});
  EXPECT_EQ(OnlyMatch(*index, "ប៉ុល ពត"), "POL POT");
  // Not his father: one word in common.
  EXPECT_EQ(OnlyMatch(*index, "ហ៊ុន ម៉ាណែត"), "HUN, Manet");
}

}  // namespace
}  // namespace tollgate::screening

// Invisible characters must not change a screening answer (issue 11, item 2): a soft
// hyphen or a zero-width space inside "Huawei Technologies Co., Ltd." used to split the
// word and drop the score from 1.0 to 0.77, below the threshold. Screened against the
// real Entity List extract (data/lists) among the real CSL sample (../shared/data).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_paths.h"
#include "tollgate/lists/format.h"
#include "tollgate/screening/normalize.h"
#include "tollgate/screening/screening.h"

namespace tollgate::screening {
namespace {

constexpr const char* kListed = "Huawei Technologies Co., Ltd.";

struct Invisible {
  const char* utf8;
  const char* name;
};

// Every kind the issue names, and one of each other family of
// Default_Ignorable_Code_Point and of the bidi controls.
const std::vector<Invisible>& Invisibles() {
  static const std::vector<Invisible> all = {
      {"\u00AD", "U+00AD soft hyphen"},
      {"\u034F", "U+034F combining grapheme joiner"},
      {"\u061C", "U+061C Arabic letter mark"},
      {"\u115F", "U+115F Hangul choseong filler"},
      {"\u1160", "U+1160 Hangul jungseong filler"},
      {"\u17B4", "U+17B4 Khmer vowel inherent aq"},
      {"\u180E", "U+180E Mongolian vowel separator"},
      {"\u200B", "U+200B zero width space"},
      {"\u200C", "U+200C zero width non-joiner"},
      {"\u200D", "U+200D zero width joiner"},
      {"\u200E", "U+200E left-to-right mark"},
      {"\u200F", "U+200F right-to-left mark"},
      {"\u202A", "U+202A left-to-right embedding"},
      {"\u202B", "U+202B right-to-left embedding"},
      {"\u202C", "U+202C pop directional formatting"},
      {"\u202D", "U+202D left-to-right override"},
      {"\u202E", "U+202E right-to-left override"},
      {"\u2060", "U+2060 word joiner"},
      {"\u2064", "U+2064 invisible plus"},
      {"\u2066", "U+2066 left-to-right isolate"},
      {"\u2067", "U+2067 right-to-left isolate"},
      {"\u2068", "U+2068 first strong isolate"},
      {"\u2069", "U+2069 pop directional isolate"},
      {"\u3164", "U+3164 Hangul filler"},
      {"\uFE0F", "U+FE0F variation selector 16"},
      {"\uFEFF", "U+FEFF zero width no-break space (BOM)"},
      {"\uFFA0", "U+FFA0 halfwidth Hangul filler"},
      {"\U000E0001", "U+E0001 language tag"},
      {"\U000E0100", "U+E0100 variation selector 17"},
  };
  return all;
}

// `text` with `insert` placed before the byte at each offset (offsets ascending).
std::string InsertAt(std::string text, const std::vector<std::size_t>& offsets,
                     const std::string& insert) {
  for (auto it = offsets.rbegin(); it != offsets.rend(); ++it) text.insert(*it, insert);
  return text;
}

// Inside "Huawei" and "Technologies", on either side of the space between them, and
// before and after the name.
std::vector<std::string> Variants(const std::string& clean, const std::string& c) {
  return {
      InsertAt(clean, {3}, c),            // Hua|wei
      InsertAt(clean, {11}, c),           // Huawei Tech|nologies
      InsertAt(clean, {3, 11, 20}, c),    // several at once
      InsertAt(clean, {6}, c),            // Huawei| Technologies
      InsertAt(clean, {7}, c),            // Huawei |Technologies
      InsertAt(clean, {0}, c),            // before the name
      InsertAt(clean, {clean.size()}, c)  // after it
  };
}

class InvisibleCharsTest : public ::testing::Test {
 protected:
  static std::vector<lists::ListEntry> RealEntries() {
    std::vector<lists::ListEntry> entries;
    for (const char* path : {TOLLGATE_SOURCE_DIR "/data/lists/huawei_entity_list_2019.csv",
                             TOLLGATE_SHARED_DATA "/lists/csl_sample_2019.csv"}) {
      Result<lists::ParsedList> parsed = lists::ReadListFile(path);
      EXPECT_TRUE(parsed.ok()) << path << ": " << (parsed.ok() ? "" : parsed.error().message);
      if (parsed.ok()) {
        for (auto& e : parsed->entries) entries.push_back(std::move(e));
      }
    }
    return entries;
  }

  static double BestScore(const Index& index, const std::string& name,
                          const std::string& entry_name) {
    Query query;
    query.name = name;
    query.as_of = Date::Parse("2019-06-01").value();
    double best = 0;
    for (const Match& m : index.Screen(query)) {
      if (m.entry->name.find(entry_name) != std::string::npos) best = std::max(best, m.score);
    }
    return best;
  }
};

TEST(InvisibleFoldTest, InvisibleCharactersFoldToNothing) {
  for (const Invisible& c : Invisibles()) {
    EXPECT_EQ(FoldToAscii(std::string("Tech") + c.utf8 + "nologies"), "technologies") << c.name;
    EXPECT_EQ(FoldToAscii(std::string(c.utf8) + "Müller" + c.utf8), "muller") << c.name;
  }
}

TEST_F(InvisibleCharsTest, AQueryWithAnInvisibleCharacterScoresAsTheCleanName) {
  std::shared_ptr<const Index> index = Index::Build(RealEntries());
  const double clean = BestScore(*index, kListed, "Huawei Technologies");
  ASSERT_GE(clean, 0.99) << "the clean name must match the listed Huawei entry";
  for (const Invisible& c : Invisibles()) {
    for (const std::string& query : Variants(kListed, c.utf8)) {
      EXPECT_DOUBLE_EQ(BestScore(*index, query, "Huawei Technologies"), clean) << c.name;
    }
  }
}

TEST_F(InvisibleCharsTest, AListedNameWithAnInvisibleCharacterMatchesTheCleanQuery) {
  const std::vector<lists::ListEntry> real = RealEntries();
  const lists::ListEntry* huawei = nullptr;
  for (const auto& e : real) {
    if (e.name.rfind("Huawei Technologies", 0) == 0) huawei = &e;
  }
  ASSERT_NE(huawei, nullptr);
  const double clean = BestScore(*Index::Build(real), kListed, "Huawei Technologies");
  // One index per kind, each with the listed name carrying it inside two words.
  const auto& all = Invisibles();
  for (std::size_t k = 0; k < all.size(); ++k) {
    std::vector<lists::ListEntry> entries = real;
    for (auto& e : entries) {
      if (e.name == huawei->name) e.name = InsertAt(e.name, {3, 11}, all[k].utf8);
    }
    std::shared_ptr<const Index> index = Index::Build(std::move(entries));
    EXPECT_DOUBLE_EQ(BestScore(*index, kListed, "Tech"), clean) << all[k].name;
  }
}

}  // namespace
}  // namespace tollgate::screening

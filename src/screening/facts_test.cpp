// Secondary facts (issue 16, item 5): a date of birth, nationality or identifier that
// agrees raises a match, one that contradicts takes it below the threshold unless the
// name is exact, and one the entry does not carry changes nothing. The entries are the
// UN consolidated list's, read from the shared file.
#include "screening/facts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "test_paths.h"
#include "tollgate/lists/format.h"
#include "tollgate/screening/query_facts.h"
#include "tollgate/screening/screening.h"

namespace tollgate::screening {
namespace {

TEST(FactsTest, ListedDatesOfBirthAreReadInTheFormsTheListsWrite) {
  auto whole = ParseListedBirthDate("1960-03-04");
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->first_year, 1960);
  EXPECT_EQ(whole->month, 3);
  EXPECT_EQ(whole->day, 4);
  auto ofac = ParseListedBirthDate("12 Feb 1961");
  ASSERT_TRUE(ofac);
  EXPECT_EQ(ofac->month, 2);
  EXPECT_EQ(ofac->day, 12);
  auto circa = ParseListedBirthDate("circa 1955");
  ASSERT_TRUE(circa);
  EXPECT_EQ(circa->first_year, 1954);
  EXPECT_EQ(circa->last_year, 1956);
  EXPECT_EQ(circa->day, 0);
  auto range = ParseListedBirthDate("01 Jan 1960 to 31 Dec 1962");
  ASSERT_TRUE(range);
  EXPECT_EQ(range->first_year, 1960);
  EXPECT_EQ(range->last_year, 1962);
  EXPECT_EQ(range->day, 0);
  auto month = ParseListedBirthDate("Mar 1961");
  ASSERT_TRUE(month);
  EXPECT_EQ(month->first_year, 1961);
  EXPECT_EQ(month->day, 0);
  EXPECT_TRUE(ParseListedBirthDate("1961."));
  EXPECT_FALSE(ParseListedBirthDate("unknown"));
  EXPECT_FALSE(ParseListedBirthDate("1970 to 1960"));
}

TEST(FactsTest, QueryFactsAreCheckedAndSayWhatIsWrong) {
  EXPECT_EQ(ParseBirthDate("1960").value(), (BirthDate{1960, 0, 0}));
  EXPECT_EQ(ParseBirthDate(" 1960-03-04 ").value(), (BirthDate{1960, 3, 4}));
  auto impossible = ParseBirthDate("1960-02-30");
  ASSERT_FALSE(impossible.ok());
  EXPECT_NE(impossible.error().message.find("'1960-02-30'"), std::string::npos);
  EXPECT_FALSE(ParseBirthDate("60").ok());
  EXPECT_FALSE(ParseBirthDate("1700").ok());

  EXPECT_EQ(ParseQueryIdentifier("passport: A-123 45").value(),
            (QueryIdentifier{"passport", "A-123 45"}));
  EXPECT_EQ(ParseQueryIdentifier("9243801").value(), (QueryIdentifier{"", "9243801"}));
  EXPECT_FALSE(ParseQueryIdentifier("passport: -- ").ok());

  EXPECT_EQ(ParseNationality("ir").value(), "IR");
  EXPECT_EQ(ParseNationality("Iran").value(), "IR");
  EXPECT_FALSE(ParseNationality("Atlantis").ok());
}

TEST(FactsTest, IdentifiersCompareWithoutSpacesDashesOrCase) {
  EXPECT_EQ(NormalizedIdValue("ob 024-3318"), "OB0243318");
  EXPECT_TRUE(SameIdType("passport", "Diplomatic Passport"));
  EXPECT_TRUE(SameIdType("national id", "National ID No."));
  EXPECT_TRUE(SameIdType("IMO", "imo"));
  EXPECT_FALSE(SameIdType("passport", "National ID No."));
  EXPECT_FALSE(SameIdType("id", "passport"));
}

// The SDN file's remarks carry the facts compared: "DOB 19 Nov 1971; ... nationality
// Yemen; ... Passport 541939 (Yemen) ...; National ID No. 216040 (Yemen)", and a vessel's
// "Vessel Registration Identification IMO 7406784" with its flag.
TEST(FactsOnTheSdnListTest, TheReaderCarriesDatesNationalitiesDocumentsAndImoNumbers) {
  auto list = lists::ReadListFile(std::filesystem::path(TOLLGATE_SHARED_DATA) /
                                  "lists/ofac_sdn_2024-05-03.csv");
  ASSERT_TRUE(list.ok()) << list.error().message;
  auto find = [&](const std::string& id) -> const lists::ListEntry* {
    for (const auto& e : list->entries) {
      if (e.entry_id == id) return &e;
    }
    return nullptr;
  };
  const lists::ListEntry* person = find("6939");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->dates_of_birth, std::vector<std::string>{"1971-11-19"});
  EXPECT_EQ(person->nationalities, std::vector<std::string>{"YE"});
  ASSERT_EQ(person->ids.size(), 2u);
  EXPECT_EQ(person->ids[0], (lists::Identifier{"Passport", "541939", "YE"}));
  EXPECT_EQ(person->ids[1], (lists::Identifier{"National ID No.", "216040", "YE"}));
  const lists::ListEntry* vessel = find("4243");
  ASSERT_NE(vessel, nullptr);
  EXPECT_NE(
      std::find(vessel->ids.begin(), vessel->ids.end(), lists::Identifier{"IMO", "7406784", ""}),
      vessel->ids.end());
  EXPECT_EQ(vessel->nationalities, std::vector<std::string>{"PA"});

  // And a query's national id, however written, agrees with it.
  const auto index = Index::Build({*person});
  Query query;
  query.name = "Mohammad Hamdi Mohammad Sadiq al-Ahdal";
  query.ids.push_back(ParseQueryIdentifier("national id: 216-040").value());
  const Match match = index->Explain(query, *person);
  ASSERT_EQ(match.adjustments.size(), 1u);
  EXPECT_EQ(match.adjustments[0],
            "national id 216-040 agrees with the entry's National ID No. 216040 (YE): +0.10");
}

// FLORIBERT NGABU NJABU (UN CDi.021): born 1971-05-23, passport OB 0243318, of the
// Democratic Republic of the Congo.
class FactsOnTheUnListTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto list = lists::ReadListFile(std::filesystem::path(TOLLGATE_SHARED_DATA) /
                                    "lists/un_consolidated_2026-02.xml");
    ASSERT_TRUE(list.ok()) << list.error().message;
    entries_ = new std::vector<lists::ListEntry>(list->entries);
    index_ = new std::shared_ptr<const Index>(Index::Build(std::move(list->entries)));
  }
  static void TearDownTestSuite() {
    delete index_;
    delete entries_;
  }

  static const lists::ListEntry& Entry(const std::string& id) {
    auto it = std::find_if(entries_->begin(), entries_->end(),
                           [&](const lists::ListEntry& e) { return e.entry_id == id; });
    EXPECT_NE(it, entries_->end()) << id;
    return *it;
  }

  static Query NameQuery(std::string name, std::string dob = "", std::string id = "",
                         std::string nationality = "") {
    Query query;
    query.name = std::move(name);
    if (!dob.empty()) query.date_of_birth = ParseBirthDate(dob).value();
    if (!id.empty()) query.ids.push_back(ParseQueryIdentifier(id).value());
    if (!nationality.empty()) query.nationality = nationality;
    return query;
  }

  static const Match* Find(const std::vector<Match>& matches, const std::string& id) {
    auto it = std::find_if(matches.begin(), matches.end(),
                           [&](const Match& m) { return m.entry->entry_id == id; });
    return it == matches.end() ? nullptr : &*it;
  }

  static std::string Notes(const Match& match) {
    std::string all;
    for (const auto& note : match.adjustments) all += note + "\n";
    return all;
  }

  static std::vector<lists::ListEntry>* entries_;
  static std::shared_ptr<const Index>* index_;
};
std::vector<lists::ListEntry>* FactsOnTheUnListTest::entries_ = nullptr;
std::shared_ptr<const Index>* FactsOnTheUnListTest::index_ = nullptr;

TEST_F(FactsOnTheUnListTest, TheReaderCarriesTheFactsCompared) {
  const lists::ListEntry& entry = Entry("CDi.021");
  EXPECT_EQ(entry.dates_of_birth, std::vector<std::string>{"1971-05-23"});
  EXPECT_EQ(entry.nationalities, std::vector<std::string>{"CD"});
  ASSERT_FALSE(entry.ids.empty());
  EXPECT_EQ(NormalizedIdValue(entry.ids.front().value), "OB0243318");
}

TEST_F(FactsOnTheUnListTest, AnAgreeingDateOfBirthRaisesTheScoreAndSaysSo) {
  const Index& index = **index_;
  const lists::ListEntry& entry = Entry("CDi.021");
  // Two slips and a word left out: about 0.80, under the threshold on its name alone.
  const std::string name = "Floribart Ngabo";
  const Match plain = index.Explain(NameQuery(name), entry);
  const Match year = index.Explain(NameQuery(name, "1971"), entry);
  const Match whole = index.Explain(NameQuery(name, "1971-05-23"), entry);
  ASSERT_LT(plain.score, 1 - kBirthDateAgrees);
  EXPECT_NEAR(year.score, plain.score + kBirthYearAgrees, 1e-9);
  EXPECT_NEAR(whole.score, plain.score + kBirthDateAgrees, 1e-9);
  EXPECT_NE(Notes(whole).find("date of birth 1971-05-23 agrees with the entry's 1971-05-23: +0.06"),
            std::string::npos)
      << Notes(whole);
  EXPECT_NE(whole.explanation.find("date of birth 1971-05-23 agrees"), std::string::npos);
  // Another day of the same year agrees in its year only.
  const Match other_day = index.Explain(NameQuery(name, "1971-08-01"), entry);
  EXPECT_NEAR(other_day.score, plain.score + kBirthYearAgrees, 1e-9);
  // Screen finds it with the whole date: candidate pruning leaves room for the raise.
  ASSERT_LT(plain.score, kDefaultThreshold);
  ASSERT_GE(whole.score, kDefaultThreshold);
  EXPECT_EQ(Find(index.Screen(NameQuery(name)), "CDi.021"), nullptr);
  const auto found = index.Screen(NameQuery(name, "1971-05-23"));
  const Match* match = Find(found, "CDi.021");
  ASSERT_NE(match, nullptr);
  EXPECT_NEAR(match->score, whole.score, 1e-9);
}

TEST_F(FactsOnTheUnListTest, AContradictingDateOfBirthTakesANearNameBelowTheThreshold) {
  const Index& index = **index_;
  const std::string query = "Floribert Ngabu Njaba";
  const auto without = index.Screen(NameQuery(query));
  ASSERT_NE(Find(without, "CDi.021"), nullptr) << "the name alone must alert for this test";
  const auto with = index.Screen(NameQuery(query, "1985"));
  EXPECT_EQ(Find(with, "CDi.021"), nullptr);
  const Match explained = index.Explain(NameQuery(query, "1985"), Entry("CDi.021"));
  EXPECT_LT(explained.score, kDefaultThreshold);
  EXPECT_NE(Notes(explained).find("date of birth 1985 differs from the entry's 1971-05-23: -0.15"),
            std::string::npos)
      << Notes(explained);
}

TEST_F(FactsOnTheUnListTest, AContradictingFactNeverHidesAnExactName) {
  const Index& index = **index_;
  for (const char* name : {"FLORIBERT NGABU NJABU", "Njabu, Floribert Ngabu"}) {
    const auto matches = index.Screen(NameQuery(name, "1985", "passport:XX999999", "FR"));
    const Match* match = Find(matches, "CDi.021");
    ASSERT_NE(match, nullptr) << name;
    EXPECT_NEAR(match->score, 1.0, 1e-9) << name;
    const std::string notes = Notes(*match);
    EXPECT_NE(notes.find("the name is exact, so the match stands: +0.00"), std::string::npos)
        << notes;
    EXPECT_NE(notes.find("nationality FR differs from the entry's (CD)"), std::string::npos)
        << notes;
    EXPECT_NE(notes.find("passport XX999999 differs from the entry's Passport"), std::string::npos)
        << notes;
  }
}

TEST_F(FactsOnTheUnListTest, AnAgreeingIdentifierFindsANameTheNameAloneDoesNot) {
  const Index& index = **index_;
  // The name alone scores under the threshold, the passport (written with other
  // spacing and case) lifts it over.
  const std::string query = "Floribart Ngabo";
  const Match plain = index.Explain(NameQuery(query), Entry("CDi.021"));
  ASSERT_LT(plain.score, kDefaultThreshold);
  ASSERT_GE(plain.score + kIdentifierAgrees, kDefaultThreshold);
  EXPECT_EQ(Find(index.Screen(NameQuery(query)), "CDi.021"), nullptr);
  const auto with = index.Screen(NameQuery(query, "", "passport:ob-0243318"));
  const Match* match = Find(with, "CDi.021");
  ASSERT_NE(match, nullptr);
  EXPECT_NEAR(match->score, plain.score + kIdentifierAgrees, 1e-9);
  EXPECT_NE(Notes(*match).find("passport ob-0243318 agrees with the entry's Passport"),
            std::string::npos)
      << Notes(*match);
}

TEST_F(FactsOnTheUnListTest, AFactTheEntryDoesNotCarryChangesNothing) {
  const Index& index = **index_;
  // An entity of the UN list: no date of birth, nationality or document.
  const lists::ListEntry* entity = nullptr;
  for (const auto& e : *entries_) {
    if (e.type == lists::EntryType::kEntity && e.dates_of_birth.empty() && e.ids.empty() &&
        e.nationalities.empty()) {
      entity = &e;
      break;
    }
  }
  ASSERT_NE(entity, nullptr);
  const Match plain = index.Explain(NameQuery(entity->name), *entity);
  const Match with = index.Explain(NameQuery(entity->name, "1960", "passport:123", "IR"), *entity);
  EXPECT_DOUBLE_EQ(with.score, plain.score);
  EXPECT_EQ(with.adjustments, plain.adjustments);
}

TEST_F(FactsOnTheUnListTest, ScreenAndExplainScoreFactsAlike) {
  const Index& index = **index_;
  for (const char* dob : {"1971", "1985", "1971-05-23"}) {
    const Query query = NameQuery("Floribert Ngabu Njaba", dob, "", "CD");
    Query low = query;
    low.threshold = 0.5;
    const auto matches = index.Screen(low);
    const Match* screened = Find(matches, "CDi.021");
    ASSERT_NE(screened, nullptr) << dob;
    EXPECT_NEAR(screened->score, index.Explain(query, Entry("CDi.021")).score, 1e-9) << dob;
  }
}

}  // namespace
}  // namespace tollgate::screening

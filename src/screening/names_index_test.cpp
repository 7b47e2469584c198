// An index of names only (Index::BuildNames, what continuous screening keeps of a party
// master) answers a name query as an index of list entries holding the same names:
// the same entries, by position, with the same scores, across scripts too (the
// consonant-skeleton index an Arabic-script query reaches is built from the names).
#include <gtest/gtest.h>

#include <map>

#include "screening/test_entries.h"
#include "tollgate/screening/screening.h"

namespace tollgate::screening {
namespace {

// The names of the plausible entries, and a few listed in Latin letters that queries
// in Arabic script reach by skeleton.
std::vector<lists::ListEntry> NamedOnly() {
  std::vector<lists::ListEntry> out;
  auto entries = testing::PlausibleEntries();
  for (const char* name : {"ALI HASSAN AL-MAJID AL-TIKRITI", "Faiz Mohammed Ahmed Al-Kandari",
                           "Global Trading (Gulf Gate) GmbH"}) {
    entries.push_back(testing::MakeEntry("T", name, name));
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    lists::ListEntry names;
    names.list = "T";
    names.entry_id = std::to_string(i);
    names.name = entries[i].name;
    names.aliases = entries[i].aliases;
    for (auto& alias : names.aliases) alias.kind = lists::AliasKind::kAka;
    out.push_back(std::move(names));
  }
  return out;
}

std::map<std::size_t, double> Found(const Index& index, const std::string& name) {
  Query query;
  query.name = name;
  query.threshold = 0.7;
  query.limit = 1000;
  query.explain = false;
  std::map<std::size_t, double> found;
  for (const Match& m : index.Screen(query)) found[m.position] = m.score;
  return found;
}

TEST(NamesIndexTest, AnswersAsAnIndexOfEntriesWithTheSameNames) {
  const std::vector<lists::ListEntry> entries = NamedOnly();
  std::vector<NamedEntry> named;
  for (const auto& e : entries) {
    NamedEntry n{e.name, {}};
    for (const auto& alias : e.aliases) n.aliases.push_back(alias.name);
    named.push_back(std::move(n));
  }
  const auto full = Index::Build(entries);
  const auto names = Index::BuildNames(std::move(named));
  EXPECT_EQ(names->Stats().entries, entries.size());

  std::vector<std::string> queries = {"علي حسن المجيد التكريتي", "فايز محمد أحمد الكندري",
                                      "Gulf Gate", "Huawei Technologies", "HUAWEI TECH CO LTD"};
  for (std::size_t i = 0; i < entries.size(); i += 7) queries.push_back(entries[i].name);
  std::size_t matched = 0;
  for (const auto& query : queries) {
    const auto want = Found(*full, query);
    const auto got = Found(*names, query);
    ASSERT_EQ(got.size(), want.size()) << query;
    for (const auto& [position, score] : want) {
      ASSERT_EQ(got.count(position), 1u) << query << ": " << entries[position].name;
      EXPECT_NEAR(got.at(position), score, 1e-9) << query << ": " << entries[position].name;
    }
    matched += got.size();
  }
  EXPECT_GT(matched, queries.size());  // the queries found their names, and more

  // The Arabic-script query reached its Latin listing by skeleton, from names alone.
  Query arabic;
  arabic.name = "علي حسن المجيد التكريتي";
  const auto matches = names->Screen(arabic);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches.front().entry, nullptr);  // names only: told apart by position
  EXPECT_EQ(entries[matches.front().position].name, "ALI HASSAN AL-MAJID AL-TIKRITI");
  EXPECT_NE(matches.front().explanation.find("consonant skeleton"), std::string::npos)
      << matches.front().explanation;
}

}  // namespace
}  // namespace tollgate::screening

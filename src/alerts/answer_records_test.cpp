// What a continuous screening puts on record (issue 15, items 2 and 6): a candidate with
// a match has a record of its own with its whole answer; an organization's candidates
// without any match share one record that names each of them, so that a party-name
// filter (a substring of the folded names) still finds each one's no-hit.
#include <gtest/gtest.h>

#include "tollgate/alerts/rescreen.h"
#include "tollgate/history/history.h"
#include "tollgate/history/party_screening.h"
#include "tollgate/licensing/license.h"

namespace tollgate::alerts {
namespace {

parties::Party Named(std::int64_t id, std::string organization, std::string name) {
  parties::Party party;
  party.id = id;
  party.organization = std::move(organization);
  party.name = std::move(name);
  party.country = "DE";
  return party;
}

TEST(AnswerRecordsTest, OneRecordPerMatchAndOnePerOrganizationForTheCleared) {
  const auto gulf = Named(1, "microsoft", "Gulf Gate Spedition GmbH");
  const auto contoso = Named(2, "microsoft", "Contoso Bicycles Ltd");
  const auto fabrikam = Named(3, "microsoft", "Fabrikam Logistics GmbH");
  const auto northwind = Named(4, "qualcomm", "Northwind Traders");
  rules::ScreeningHit hit;
  hit.list = "EL";
  hit.entry_id = "el-1";
  hit.entry_name = "Gulf Gate Spedition GmbH";
  hit.score = 1.0;
  hit.block = true;
  hit.explanation = "the same words";
  const std::vector<PartyAnswer> answers = {
      {&gulf, {hit}}, {&contoso, {}}, {&fabrikam, {}}, {&northwind, {}}};
  const nlohmann::json versions = {{{"feed", "csl"}, {"id", 7}}};
  const auto records = AnswerRecords(answers, versions, Date::Parse("2019-06-02").value(),
                                     {"operator lists-desk", "2019-06-02T10:00:00Z"}, 0.85);

  ASSERT_EQ(records.size(), 3u);
  // The cleared first, one record an organization, naming each party.
  EXPECT_EQ(records[0].organization, "microsoft");
  EXPECT_EQ(records[0].name, "Contoso Bicycles Ltd; Fabrikam Logistics GmbH");
  EXPECT_EQ(records[0].outcome, "no_hit");
  EXPECT_EQ(records[0].matches, nlohmann::json::array());
  EXPECT_EQ(records[0].lists, versions);
  EXPECT_EQ(records[0].as_of, "2019-06-02");
  EXPECT_EQ(records[1].organization, "qualcomm");
  EXPECT_EQ(records[1].name, "Northwind Traders");
  for (const auto& r : records) {
    EXPECT_EQ(r.channel, history::kContinuousChannel);
    EXPECT_EQ(r.requested_by, "operator lists-desk");
    EXPECT_DOUBLE_EQ(r.threshold, 0.85);
  }
  // A filter on a part of one cleared party's name finds the shared record.
  EXPECT_NE(licensing::FoldPartyName(records[0].name).find(licensing::FoldPartyName("fabrikam")),
            std::string::npos);
  // The match: a record of its own, with its inputs and its explained answer.
  EXPECT_EQ(records[2].name, "Gulf Gate Spedition GmbH");
  EXPECT_EQ(records[2].country, "DE");
  EXPECT_EQ(records[2].outcome, "hit");
  ASSERT_EQ(records[2].matches.size(), 1u);
  EXPECT_EQ(records[2].matches[0]["entry_id"], "el-1");

  // Nothing in force: the cleared were screened against nothing, and say so.
  const auto against_nothing =
      AnswerRecords({{&contoso, {}}}, nlohmann::json::array(), Date::Parse("2019-06-02").value(),
                    {"operator lists-desk", "2019-06-02T10:00:00Z"}, 0.85);
  ASSERT_EQ(against_nothing.size(), 1u);
  EXPECT_EQ(against_nothing[0].outcome, "nothing_screened");
}

}  // namespace
}  // namespace tollgate::alerts

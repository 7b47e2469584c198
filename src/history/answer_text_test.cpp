// The answers GET /api/screen and POST /api/check write once must be the answers they
// wrote before, byte for byte (clients and the CLI's `--json` read the same forms), and
// their records must keep what those answers showed.
#include "tollgate/history/answer_text.h"

#include <gtest/gtest.h>

#include "rules/determine.h"
#include "rules/shipped_rules_for_tests.h"
#include "test_paths.h"
#include "tollgate/forms/check_json.h"
#include "tollgate/forms/screening_json.h"
#include "tollgate/lists/format.h"
#include "tollgate/rules/determination_record.h"

namespace tollgate::history {
namespace {

std::string Dumped(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

class ScreeningAnswerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto list = lists::ReadListFile(TOLLGATE_SHARED_DATA "/lists/csl_sample_2019.csv");
    ASSERT_TRUE(list.ok()) << list.error().message;
    index_ = screening::Index::Build(std::move(list->entries));
    searched_ = {{7, "csl", "csl-csv", *Date::Parse("2019-05-16"), "2019-05-20T10:00:00Z",
                  "csl_sample_2019.csv", std::string(64, 'a'), 40}};
  }
  std::shared_ptr<const screening::Index> index_;
  std::vector<storage::ListVersion> searched_;
};

TEST_F(ScreeningAnswerTest, TheTextIsWhatTheAnswerDumpedAsAndTheRecordKeepsItsParts) {
  const Date as_of = *Date::Parse("2019-06-01");
  for (const char* name : {"Huawei Technologies Co Ltd", "Contoso Bakery", "Rosoboronexport",
                           "Ningbo \"Zhongxing\" \\ Telecom\x01"}) {
    screening::Query query;
    query.name = name;
    query.as_of = as_of;
    const auto matches = index_->Screen(query);
    auto before = forms::ScreenJson(as_of, searched_, matches);
    before["record_id"] = 1234;
    auto answer = AnswerScreening(as_of, searched_, matches);
    EXPECT_EQ(answer.Text(1234), Dumped(before)) << name;

    const auto record =
        ScreeningRecordOf(query, as_of, searched_, matches, answer, {"reviewer r", "", "api"});
    EXPECT_EQ(answer.Text(1234), Dumped(before)) << name;  // still whole for the asker
    const auto built =
        ScreeningRecordOf(query, as_of, searched_, matches, {"reviewer r", "", "api"});
    EXPECT_EQ(record.lists, built.lists) << name;
    EXPECT_EQ(record.matches, built.matches) << name;
    EXPECT_EQ(record.outcome, built.outcome);
    EXPECT_EQ(record.top_score, built.top_score);
  }
}

TEST_F(ScreeningAnswerTest, NothingInForceStillAnswersWithItsWarning) {
  const auto answer = AnswerScreening(*Date::Parse("2019-06-01"), {}, {});
  auto before = forms::ScreenJson(*Date::Parse("2019-06-01"), {}, {});
  before["record_id"] = 0;
  EXPECT_EQ(answer.Text(0), Dumped(before));
  EXPECT_EQ(answer.lists_searched_text, "[]");
  EXPECT_EQ(answer.matches_text, "[]");
}

TEST_F(ScreeningAnswerTest, ACheckAnswersAsBeforeAndItsRecordKeepsTheSameRequest) {
  rules::Transaction tx;
  tx.exporter = "Example Exporter Inc.";
  tx.items.push_back({"5A002.a.1", std::nullopt, std::nullopt});
  tx.destination = "CN";
  tx.parties.push_back(
      {rules::PartyRole::kEndUser, "183rd Guard Air Defense Missile Regiment", ""});
  tx.date = *Date::Parse("2019-06-01");
  auto d = rules::internal::Determine(rules::internal::ShippedRules(), tx, *index_, searched_, {});
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_FALSE(d->matches.empty());  // the answer has the trace of a list match to write
  const auto answer = AnswerCheck(*d);
  EXPECT_EQ(answer.Text(77), Dumped(forms::CheckJson(*d, 77)));
  const auto record = rules::RecordWithRequest(*d, answer.transaction, "reviewer r", "org");
  const auto built = rules::RecordOf(*d, "reviewer r", "org");
  EXPECT_EQ(record.request_json, built.request_json);
  EXPECT_EQ(record.result_json, built.result_json);
  EXPECT_EQ(record.parties, built.parties);
  EXPECT_EQ(record.decision, built.decision);
}

TEST(DumpWithWrittenTest, MembersWrittenBeforeGoWhereTheirKeysSort) {
  const nlohmann::json object = {{"b", 1}, {"d", {{"x", "y"}}}};
  EXPECT_EQ(DumpWithWritten(object, {{"a", "[1]"}, {"c", "\"c\""}, {"e", "null"}}),
            R"({"a":[1],"b":1,"c":"c","d":{"x":"y"},"e":null})");
  EXPECT_EQ(DumpWithWritten(nlohmann::json::object(), {}), "{}");
}

}  // namespace
}  // namespace tollgate::history

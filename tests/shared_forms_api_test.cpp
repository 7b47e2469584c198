// The library under both adapters (issue 14, item 2): the CLI and the API run the same
// use cases and serialize with the same forms (src/forms), so the same question asked of
// the real `tollgate` binary and of the real server over HTTP gets the same JSON: a
// screening answer, a list diff (and the versions it chose), and the licenses a user may
// see (licensing/license_access.h).
#include <gtest/gtest.h>

#include "server_fixture.h"

namespace tollgate::testing {
namespace {

using SharedFormsApiTest = ServerFixture;

nlohmann::json CliJson(const CliSandbox& cli, const std::string& args) {
  auto r = cli.Run(args);
  EXPECT_EQ(r.exit_code, 0) << args << ": " << r.err;
  return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
}

TEST_P(SharedFormsApiTest, AScreeningAnswerIsTheSameJsonFromTheCliAndTheApi) {
  // The shipped extract, loaded at the server's first start, is in force from 2019-05-16.
  auto api = Call("auditor", "GET", "/api/screen?name=Huawei%20Technologies&as_of=2019-06-01");
  ASSERT_EQ(api.status, 200) << api.text;
  ASSERT_FALSE(api.body["matches"].empty()) << api.text;
  auto cli = CliJson(cli_, "screen 'Huawei Technologies' --json --as-of 2019-06-01");
  EXPECT_EQ(cli["query"], "Huawei Technologies");
  cli.erase("query");  // the CLI echoes the name it was given; the API's caller has it
  // Each answer names its own record (issue 15, item 6): two screenings, two records.
  ASSERT_TRUE(cli["record_id"].is_number_integer()) << cli.dump();
  ASSERT_TRUE(api.body["record_id"].is_number_integer()) << api.text;
  EXPECT_NE(cli["record_id"], api.body["record_id"]);
  cli.erase("record_id");
  api.body.erase("record_id");
  EXPECT_EQ(cli.dump(), api.body.dump());
}

TEST_P(SharedFormsApiTest, AListDiffChoosesTheSameVersionsAndAnswersTheSameJson) {
  for (const char* as_of : {"2024-05-01", "2024-05-03"}) {
    auto r = cli_.Run("lists import '" + SharedList(std::string("ofac_sdn_") + as_of + ".csv") +
                      "' --as-of " + as_of + " --primary-only");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  // Without ids: the latest against the one before it, in both.
  auto api = Call("auditor", "GET", "/api/lists/diff?source=ofac-sdn");
  ASSERT_EQ(api.status, 200) << api.text;
  auto cli = CliJson(cli_, "lists diff ofac-sdn --json");
  EXPECT_EQ(cli.dump(), api.body.dump());
  EXPECT_EQ(api.body["from"]["as_of"], "2024-05-01");
  EXPECT_EQ(api.body["to"]["as_of"], "2024-05-03");
  // Reversed by ids: the same pair the other way round, in both.
  const std::string from = std::to_string(api.body["to"]["id"].get<std::int64_t>());
  const std::string to = std::to_string(api.body["from"]["id"].get<std::int64_t>());
  auto reversed =
      Call("auditor", "GET", "/api/lists/diff?source=ofac-sdn&from=" + from + "&to=" + to);
  ASSERT_EQ(reversed.status, 200) << reversed.text;
  EXPECT_EQ(CliJson(cli_, "lists diff ofac-sdn --json --from " + from + " --to " + to).dump(),
            reversed.body.dump());
  EXPECT_EQ(reversed.body["added"].size(), api.body["removed"].size());
  // A version of another feed: the API names the argument, the CLI the same message.
  auto wrong = Call("auditor", "GET", "/api/lists/diff?source=csl&from=" + from + "&to=" + to);
  EXPECT_EQ(wrong.status, 404) << wrong.text;
  EXPECT_NE(wrong.text.find("\"from\""), std::string::npos) << wrong.text;
  auto r = cli_.Run("lists diff csl --from " + from + " --to " + to);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("version " + from + " is not a version of csl"), std::string::npos) << r.err;
}

TEST_P(SharedFormsApiTest, EachUserSeesTheSameLicensesFromTheCliAndTheApi) {
  // The fixture's license D000900 is microsoft's.
  for (const char* user : {"msft", "qcom", "officer", "auditor", "root"}) {
    auto api = Call(user, "GET", "/api/licenses");
    ASSERT_EQ(api.status, 200) << user << ": " << api.text;
    auto cli = CliJson(cli_, std::string("licenses list --json --as ") + user);
    EXPECT_EQ(cli.dump(), api.body["licenses"].dump()) << user;
    const bool sees = std::string(user) != "qcom";
    EXPECT_EQ(api.body["licenses"].size(), sees ? 1u : 0u) << user;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, SharedFormsApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing

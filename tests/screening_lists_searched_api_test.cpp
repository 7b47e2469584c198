// Screening over HTTP says what it searched (issue 13, item 4), through the real server:
// every answer names the list versions in force and their entry counts, and a date with
// no list in force is a warning, not a plain empty "matches".
#include <gtest/gtest.h>

#include "server_fixture.h"

namespace tollgate::testing {
namespace {

using ScreeningListsSearchedApiTest = ServerFixture;

TEST_P(ScreeningListsSearchedApiTest, EveryAnswerNamesTheVersionsSearchedAndTheirSizes) {
  // The first start loaded the shipped extract: 2 entries, in force from 2019-05-16.
  auto hit = Call("auditor", "GET", "/api/screen?name=Contoso%20Bakery&as_of=2019-06-01");
  ASSERT_EQ(hit.status, 200) << hit.text;
  EXPECT_TRUE(hit.body["matches"].empty());
  EXPECT_EQ(hit.body["lists_in_force"], 1);
  ASSERT_EQ(hit.body["lists_searched"].size(), 1u) << hit.text;
  EXPECT_EQ(hit.body["lists_searched"][0]["feed"], "csl");
  EXPECT_EQ(hit.body["lists_searched"][0]["entries"], 2);
  EXPECT_EQ(hit.body["lists_searched"][0]["as_of"], "2019-05-16");
  EXPECT_TRUE(hit.body["warnings"].empty());

  auto batch = Call("msft", "POST", "/api/screen/batch",
                    R"({"as_of": "2019-06-01", "names": [{"id": "a", "name": "Contoso"}]})");
  ASSERT_EQ(batch.status, 200) << batch.text;
  EXPECT_EQ(batch.body["lists_searched"], hit.body["lists_searched"]);
  EXPECT_TRUE(batch.body["warnings"].empty());
}

TEST_P(ScreeningListsSearchedApiTest, NoListInForceIsAWarningNotANoMatch) {
  auto none =
      Call("auditor", "GET", "/api/screen?name=Huawei%20Technologies%20Company&as_of=2019-05-01");
  ASSERT_EQ(none.status, 200) << none.text;
  EXPECT_EQ(none.body["lists_in_force"], 0);
  EXPECT_TRUE(none.body["lists_searched"].empty());
  ASSERT_EQ(none.body["warnings"].size(), 1u) << none.text;
  EXPECT_EQ(none.body["warnings"][0]["code"], "no_list_in_force");
  EXPECT_NE(none.body["warnings"][0]["message"].get<std::string>().find(
                "no list version is in force on 2019-05-01"),
            std::string::npos);

  auto batch = Call("msft", "POST", "/api/screen/batch",
                    R"({"as_of": "2019-05-01", "names": [{"id": "a", "name": "Huawei"}]})");
  ASSERT_EQ(batch.status, 200) << batch.text;
  ASSERT_EQ(batch.body["warnings"].size(), 1u) << batch.text;
  EXPECT_EQ(batch.body["warnings"][0]["code"], "no_list_in_force");
}

INSTANTIATE_TEST_SUITE_P(Backends, ScreeningListsSearchedApiTest,
                         ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing

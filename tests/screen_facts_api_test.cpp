// Screening with secondary facts over HTTP (issue 16, item 5), through the real server
// on the UN consolidated list: GET /api/screen's date_of_birth, nationality and
// identifier, the same fields of /api/screen/batch, and a bad one refused naming its
// field. The person: FLORIBERT NGABU NJABU (UN CDi.021), born 1971-05-23.
#include <gtest/gtest.h>

#include "server_fixture.h"

namespace tollgate::testing {
namespace {

class ScreenFactsApiTest : public ServerFixture {
 protected:
  void SetUp() override {
    auto r = cli_.Run("lists import '" + SharedList("un_consolidated_2026-02.xml") +
                      "' --as-of 2026-02-01");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ServerFixture::SetUp();
  }

  static bool Has(const nlohmann::json& matches, const std::string& id) {
    for (const auto& m : matches) {
      if (m["entry_id"] == id) return true;
    }
    return false;
  }
};

TEST_P(ScreenFactsApiTest, TheFactsOfAQueryAdjustItsMatches) {
  const std::string path = "/api/screen?name=Floribert%20Ngabu%20Njaba&as_of=2026-03-01";
  auto plain = Call("auditor", "GET", path);
  ASSERT_EQ(plain.status, 200) << plain.text;
  EXPECT_TRUE(Has(plain.body["matches"], "CDi.021")) << plain.text;
  auto wrong = Call("auditor", "GET", path + "&date_of_birth=1985");
  ASSERT_EQ(wrong.status, 200) << wrong.text;
  EXPECT_FALSE(Has(wrong.body["matches"], "CDi.021")) << wrong.text;
  auto right =
      Call("auditor", "GET",
           path + "&date_of_birth=1971-05-23&nationality=CD&identifier=passport:OB0243318");
  ASSERT_EQ(right.status, 200) << right.text;
  ASSERT_TRUE(Has(right.body["matches"], "CDi.021")) << right.text;
  EXPECT_EQ(right.body["matches"][0]["adjustments"].size(), 3u) << right.text;

  auto bad = Call("auditor", "GET", path + "&date_of_birth=1971-13-01");
  EXPECT_EQ(bad.status, 400) << bad.text;
  EXPECT_NE(bad.text.find("date_of_birth"), std::string::npos) << bad.text;
}

TEST_P(ScreenFactsApiTest, BatchItemsCarryFactsAndABadOneNamesItsField) {
  auto batch = Call("msft", "POST", "/api/screen/batch",
                    R"({"as_of": "2026-03-01", "names": [
                      {"id": "a", "name": "Floribert Ngabu Njaba", "date_of_birth": "1985"},
                      {"id": "b", "name": "Floribart Ngabo", "identifier": "passport:OB 0243318"},
                      {"id": "c", "name": "Floribart Ngabo"}]})");
  ASSERT_EQ(batch.status, 200) << batch.text;
  const auto& results = batch.body["results"];
  ASSERT_EQ(results.size(), 3u);
  EXPECT_FALSE(Has(results[0]["matches"], "CDi.021")) << batch.text;
  EXPECT_TRUE(Has(results[1]["matches"], "CDi.021")) << batch.text;
  EXPECT_FALSE(Has(results[2]["matches"], "CDi.021")) << batch.text;

  auto bad =
      Call("msft", "POST", "/api/screen/batch",
           R"({"names": [{"name": "Floribert"}, {"name": "X", "nationality": "Atlantis"}]})");
  EXPECT_EQ(bad.status, 400) << bad.text;
  EXPECT_NE(bad.text.find("names/1/nationality"), std::string::npos) << bad.text;
}

TEST_P(ScreenFactsApiTest, ACheckScreensEachPartyWithItsFacts) {
  auto check = [&](const std::string& party) {
    return Call("msft", "POST", "/api/check",
                R"({"items": [{"eccn": "5D992.c", "quantity": 1}], "destination": "CD",
                    "date": "2026-03-01", "parties": [)" +
                    party + "]}");
  };
  auto plain = check(R"({"role": "end_user", "name": "Floribert Ngabu Njaba"})");
  ASSERT_EQ(plain.status, 200) << plain.text;
  EXPECT_TRUE(Has(plain.body["matches"], "CDi.021")) << plain.text;
  auto wrong = check(R"({"role": "end_user", "name": "Floribert Ngabu Njaba",
                         "date_of_birth": "1985", "identifiers": [{"type": "passport",
                         "value": "X1"}]})");
  ASSERT_EQ(wrong.status, 200) << wrong.text;
  EXPECT_FALSE(Has(wrong.body["matches"], "CDi.021")) << wrong.text;
  EXPECT_EQ(wrong.body["transaction"]["parties"][0]["date_of_birth"], "1985") << wrong.text;
  EXPECT_EQ(wrong.body["transaction"]["parties"][0]["identifiers"][0]["value"], "X1");

  auto bad = check(R"({"role": "end_user", "name": "X", "date_of_birth": "85"})");
  EXPECT_EQ(bad.status, 400) << bad.text;
  EXPECT_NE(bad.text.find("parties/0/date_of_birth"), std::string::npos) << bad.text;
}

INSTANTIATE_TEST_SUITE_P(Backends, ScreenFactsApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing

// Finding an ECCN and one catalog behind everything over HTTP, on both backends: GET
// /api/eccns?q= and /api/eccns/{eccn}, and the applications, licenses, shipments and
// check routes refusing an ECCN the catalog does not hold with the field it concerns,
// storing nothing.
#include "server_fixture.h"

namespace tollgate::testing {
namespace {

using Json = nlohmann::json;

class EccnApiTest : public ServerFixture {};

TEST_P(EccnApiTest, SearchAndShowReadTheCatalogCheckUses) {
  auto found = Call("msft", "GET", "/api/eccns?q=information%20security&limit=5");
  ASSERT_EQ(found.status, 200) << found.text;
  ASSERT_FALSE(found.body["eccns"].empty()) << found.text;
  EXPECT_LE(found.body["eccns"].size(), 5u);
  EXPECT_DOUBLE_EQ(found.body["eccns"][0]["score"].get<double>(), 1.0);
  auto prefix = Call("officer", "GET", "/api/eccns?q=3a00");
  ASSERT_EQ(prefix.status, 200) << prefix.text;
  ASSERT_FALSE(prefix.body["eccns"].empty());
  EXPECT_EQ(prefix.body["eccns"][0]["eccn"].get<std::string>().rfind("3A00", 0), 0u);

  auto shown = Call("msft", "GET", "/api/eccns/3A001?date=2026-10-01");
  ASSERT_EQ(shown.status, 200) << shown.text;
  EXPECT_EQ(shown.body["eccn"], "3A001");
  EXPECT_FALSE(shown.body["heading"].get<std::string>().empty());
  EXPECT_FALSE(shown.body["controls"].empty());
  // The entry's own statement: 3A001's paragraph-limited NS1 (b.2, b.3) is shown too.
  bool ns1_for_b2 = false;
  for (const auto& c : shown.body["ccl"]["controls"]) {
    ns1_for_b2 |= c["mode"] == "only" && c["columns"] == nlohmann::json::array({"NS1"}) &&
                  c["paragraphs"][0] == "b.2";
  }
  EXPECT_TRUE(ns1_for_b2) << shown.text;

  auto unknown = Call("msft", "GET", "/api/eccns/9E999");
  EXPECT_EQ(unknown.status, 404) << unknown.text;
  EXPECT_EQ(unknown.body["code"], "not_found");
  EXPECT_EQ(unknown.body["field"], "eccn");
  EXPECT_NE(unknown.body["message"].get<std::string>().find("9E999"), std::string::npos);
  EXPECT_EQ(Call("msft", "GET", "/api/eccns?q=x&limit=0").status, 400);
  EXPECT_EQ(Call("msft", "GET", "/api/eccns?q=x&date=2026-13-01").status, 400);
  EXPECT_EQ(Call("", "GET", "/api/eccns?q=x").status, 401);
}

TEST_P(EccnApiTest, AnEccnCheckRefusesIsRefusedEverywhereNamingTheFieldAndNothingIsStored) {
  // check itself: the field of the item, and of the destination.
  auto check = Call("msft", "POST", "/api/check",
                    R"({"items": [{"eccn": "EAR99"}, {"eccn": "9E999"}], "destination": "CN",
                        "date": "2026-10-01", "parties": [{"role": "end_user", "name": "A"}]})");
  EXPECT_EQ(check.status, 400) << check.text;
  EXPECT_EQ(check.body["field"], "items/1/eccn") << check.text;
  auto nowhere = Call("msft", "POST", "/api/check",
                      R"({"items": [{"eccn": "EAR99"}], "destination": "XX",
                          "date": "2026-10-01", "parties": [{"role": "end_user", "name": "A"}]})");
  EXPECT_EQ(nowhere.status, 400) << nowhere.text;
  EXPECT_EQ(nowhere.body["field"], "destination") << nowhere.text;

  std::string form = kMicrosoftForm;
  form.replace(form.find("5D992.c"), 7, "9E999");
  auto filed = Call("msft", "POST", "/api/applications", form);
  EXPECT_EQ(filed.status, 400) << filed.text;
  EXPECT_EQ(filed.body["field"], "items/0/eccn") << filed.text;
  EXPECT_EQ(Call("officer", "GET", "/api/applications").body["applications"].size(), 1u);

  std::string license = kServerLicense;
  license.replace(license.find("D000900"), 7, "D000901");
  license.replace(license.find("5D992.c"), 7, "9E999");
  auto added = Call("officer", "POST", "/api/licenses", license);
  EXPECT_EQ(added.status, 400) << added.text;
  EXPECT_EQ(added.body["field"], "items/0/eccn") << added.text;
  EXPECT_EQ(Call("officer", "GET", "/api/licenses/D000901").status, 404);

  auto shipped = Call("msft", "POST", "/api/licenses/D000900/shipments",
                      R"({"date": "2020-01-02", "items": [{"eccn": "9E999", "quantity": 1,
                          "value": 0}], "parties": [{"role": "ultimate_consignee",
                          "name": "Huawei Technologies Co., Ltd."}]})");
  EXPECT_EQ(shipped.status, 422) << shipped.text;
  EXPECT_EQ(shipped.body["field"], "items/0/eccn") << shipped.text;
  EXPECT_EQ(Call("msft", "GET", "/api/licenses/D000900").body["items"][0]["remaining_quantity"],
            500);
}

INSTANTIATE_TEST_SUITE_P(Backends, EccnApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing

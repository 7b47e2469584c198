// Errors name the request field they concern, so the web UI shows each next to its
// field: destination, quantities and dates on /api/check, applications, licenses and
// shipments (the ECCN's are in eccn_api_test.cpp); and a transition's body works flat
// ({"event": "register"}) as well as nested, with an error that says what is expected.
#include <string>

#include "server_fixture.h"

namespace tollgate::testing {
namespace {

using Json = nlohmann::json;

class ApiErrorFieldsTest : public ServerFixture {
 protected:
  // `json` with `path` ("/items/0/quantity") set to `value`.
  static std::string With(const std::string& json, const std::string& path, const Json& value) {
    Json body = Json::parse(json);
    body[Json::json_pointer(path)] = value;
    return body.dump();
  }
  void ExpectField(const HttpAnswer& answer, int status, const std::string& field) {
    EXPECT_EQ(answer.status, status) << answer.text;
    EXPECT_EQ(answer.body["field"], field) << answer.text;
  }
};

constexpr const char* kCheck = R"({"items": [{"eccn": "5D992.c", "quantity": 1}],
  "destination": "CN", "date": "2019-05-17",
  "parties": [{"role": "ultimate_consignee", "name": "Huawei Technologies Co., Ltd."}]})";

constexpr const char* kShipment = R"({"date": "2020-01-02", "items": [{"eccn": "5D992.c",
  "quantity": 1, "value": 0}], "parties": [{"role": "ultimate_consignee",
  "name": "Huawei Technologies Co., Ltd."}]})";

TEST_P(ApiErrorFieldsTest, CheckNamesTheDestinationQuantityAndDate) {
  ExpectField(Call("msft", "POST", "/api/check", With(kCheck, "/destination", "ZZ")), 400,
              "destination");
  ExpectField(Call("msft", "POST", "/api/check", With(kCheck, "/items/0/quantity", -1)), 400,
              "items/0/quantity");
  ExpectField(Call("msft", "POST", "/api/check", With(kCheck, "/items/0/value", "lots")), 400,
              "items/0/value");
  ExpectField(Call("msft", "POST", "/api/check", With(kCheck, "/date", "2019-02-30")), 400, "date");
  ExpectField(Call("msft", "POST", "/api/check", With(kCheck, "/parties/0/role", "buyer")), 400,
              "parties/0/role");
}

TEST_P(ApiErrorFieldsTest, AnApplicationNamesTheDestinationAndQuantity) {
  ExpectField(Call("msft", "POST", "/api/applications", With(kMicrosoftForm, "/destination", "ZZ")),
              400, "destination");
  ExpectField(
      Call("msft", "POST", "/api/applications", With(kMicrosoftForm, "/items/0/quantity", "many")),
      400, "items/0/quantity");
  ExpectField(Call("msft", "POST", "/api/applications",
                   With(kMicrosoftForm, "/ultimate_consignee/country", "ZZ")),
              400, "ultimate_consignee/country");
  // Nothing was stored: only the fixture's application.
  EXPECT_EQ(Call("officer", "GET", "/api/applications").body["applications"].size(), 1u);
}

TEST_P(ApiErrorFieldsTest, ALicenseNamesTheDestinationAndDates) {
  const std::string other = With(kServerLicense, "/number", "D000902");
  ExpectField(Call("officer", "POST", "/api/licenses", With(other, "/destination", "ZZ")), 400,
              "destination");
  ExpectField(Call("officer", "POST", "/api/licenses", With(other, "/valid_until", "2019-01-01")),
              400, "valid_until");
  ExpectField(Call("officer", "POST", "/api/licenses", With(other, "/valid_from", "20191120")), 400,
              "valid_from");
  ExpectField(Call("officer", "POST", "/api/licenses", With(other, "/items/0/quantity", -5)), 400,
              "items/0/quantity");
  EXPECT_EQ(Call("officer", "GET", "/api/licenses/D000902").status, 404);
}

TEST_P(ApiErrorFieldsTest, AShipmentNamesTheDateQuantityAndParty) {
  const std::string path = "/api/licenses/D000900/shipments";
  // Outside the license's validity (2019-11-20..2023-11-19): the date.
  ExpectField(Call("msft", "POST", path, With(kShipment, "/date", "2024-01-02")), 422, "date");
  ExpectField(Call("msft", "POST", path, With(kShipment, "/date", "2020-02-31")), 400, "date");
  // More than remains (500): the item's quantity.
  ExpectField(Call("msft", "POST", path, With(kShipment, "/items/0/quantity", 501)), 422,
              "items/0/quantity");
  ExpectField(Call("msft", "POST", path, With(kShipment, "/items/0/quantity", -1)), 400,
              "items/0/quantity");
  ExpectField(Call("msft", "POST", path, With(kShipment, "/parties/0/name", "Someone Else")), 422,
              "parties/0");
  EXPECT_EQ(Call("msft", "GET", "/api/licenses/D000900").body["items"][0]["remaining_quantity"],
            500);
}

TEST_P(ApiErrorFieldsTest, ATransitionTakesTheFlatBodyAndTheNestedOne) {
  const std::string path = "/api/applications/" + acn_ + "/transitions";
  const int version = Call("officer", "GET", path).body["version"];
  auto flat = Call("officer", "POST", path,
                   Json{{"event", "register"}, {"expected_version", version}}.dump());
  ASSERT_EQ(flat.status, 200) << flat.text;
  EXPECT_EQ(flat.body["application"]["state"], "registered");
  auto nested = Call("officer", "POST", path,
                     Json{{"event", {{"event", "refer"}, {"agencies", {"defense"}}}},
                          {"expected_version", version + 1}}
                         .dump());
  ASSERT_EQ(nested.status, 200) << nested.text;
  EXPECT_EQ(nested.body["application"]["state"], "referred");
  auto flat_fields = Call("dod", "POST", path,
                          R"({"event": "recommend", "recommendation": "approve",
                              "text": "no military end use"})");
  ASSERT_EQ(flat_fields.status, 200) << flat_fields.text;

  // Errors name the field as the client wrote it, and say what is expected.
  auto missing = Call("officer", "POST", path, R"({"text": "no event"})");
  ExpectField(missing, 400, "event");
  EXPECT_NE(missing.body["message"].get<std::string>().find(R"({"event": "register")"),
            std::string::npos)
      << missing.text;
  ExpectField(Call("officer", "POST", path, R"({"event": "approv"})"), 400, "event");
  ExpectField(Call("officer", "POST", path, R"({"event": {"event": "approv"}})"), 400,
              "event/event");
  ExpectField(Call("officer", "POST", path, R"({"event": "deny", "agencies": "defense"})"), 400,
              "agencies");
  ExpectField(Call("officer", "POST", path, R"({"event": "register", "actor": {"role": "admin"}})"),
              400, "actor");
  ExpectField(Call("officer", "POST", path, R"({"event": {"event": "deny"}, "text": "x"})"), 400,
              "text");
  ExpectField(Call("officer", "POST", path, R"({"event": "submit"})"), 400, "event");
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiErrorFieldsTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing

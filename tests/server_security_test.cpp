// What an attacker would try against the real `tollgate serve`, on both backends: every
// endpoint without or with forged credentials, roles that may not act, another
// organization's ids, SQL and path-traversal strings in every field, oversized and
// malformed bodies, a cookie without its CSRF token, and a client over the rate limit.
// Nothing leaks (no SQL, no paths, no stack) and nothing changes.
#include <set>
#include <sstream>

#include "server_fixture.h"

namespace tollgate::testing {
namespace {

using Json = nlohmann::json;

// Percent-encodes every byte but unreserved ones (RFC 3986), so the attack string
// reaches the server as given.
std::string Encode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

class ServerSecurityTest : public ServerFixture {
 protected:
  // What must not change: the audit log (every audited write), users, list versions,
  // licenses, general licenses and the application's version.
  std::string Snapshot() {
    std::ostringstream out;
    out << Call("auditor", "GET", "/api/audit/verify").body["records"] << "|"
        << Call("root", "GET", "/api/users").body.dump() << "|"
        << Call("auditor", "GET", "/api/lists/status?as_of=2030-01-01").body["versions"].dump()
        << "|" << Call("officer", "GET", "/api/licenses").body.dump() << "|"
        << Call("officer", "GET", "/api/applications").body.dump() << "|"
        << Call("root", "GET", "/api/organizations").body.dump() << "|"
        << Call("auditor", "GET", "/api/general-licenses").body.dump();
    return out.str();
  }

  // Every route with real ids in its placeholders.
  std::vector<std::pair<std::string, std::string>> Routes() {
    auto listed = cli_.Run("serve --list-routes");
    EXPECT_EQ(listed.exit_code, 0);
    std::vector<std::pair<std::string, std::string>> routes;
    std::istringstream lines(listed.out);
    for (std::string line; std::getline(lines, line);) {
      if (line.empty()) continue;
      std::string path = line.substr(line.find(' ') + 1);
      for (auto [placeholder, value] : {std::pair{"{acn}", acn_}, {"{number}", "D000900"}}) {
        if (auto at = path.find(placeholder); at != std::string::npos) {
          path.replace(at, std::string(placeholder).size(), value);
        }
      }
      routes.emplace_back(line.substr(0, line.find(' ')), path);
    }
    return routes;
  }

  // A JSON error body whose words, less any echo of the client's own input, hold no
  // SQL, no server path and no stack.
  static void ExpectCleanError(const HttpAnswer& answer, const std::string& what,
                               const std::string& echoed = "") {
    ASSERT_TRUE(answer.body.is_object()) << what << ": " << answer.text;
    EXPECT_TRUE(answer.body.contains("code") && answer.body.contains("field")) << answer.text;
    std::string message = answer.body.value("message", "");
    if (!echoed.empty()) {
      for (std::size_t at; (at = message.find(echoed)) != std::string::npos;) {
        message.erase(at, echoed.size());
      }
    }
    for (const char* leak : {"SELECT", "INSERT", "sqlite", "SQLITE", "postgres", "syntax error",
                             "/tmp/", "tollgate-upload", "terminate", "what()"}) {
      EXPECT_EQ(message.find(leak), std::string::npos) << what << " leaks: " << answer.text;
    }
  }
};

// /metrics answers a loopback client without credentials (the tests' client is one);
// metrics_api_test.cpp checks that credentials sent to it are judged.
const std::set<std::string> kPublic = {"GET /healthz",    "GET /readyz",        "GET /openapi.json",
                                       "POST /api/login", "POST /api/password", "GET /metrics"};

TEST_P(ServerSecurityTest, EveryEndpointRefusesMissingAndForgedCredentials) {
  const std::string before = Snapshot();
  for (const auto& [method, path] : Routes()) {
    if (kPublic.count(method + " " + path)) continue;
    const std::string what = method + " " + path;
    for (const httplib::Headers& headers :
         {httplib::Headers{},
          httplib::Headers{{"Authorization", "Bearer tg_" + std::string(64, '0')}},
          httplib::Headers{{"Authorization", "Basic cm9vdDpyb290"}},
          httplib::Headers{{"Cookie", "tollgate_session=" + std::string(64, 'f')},
                           {"X-CSRF-Token", "x"}}}) {
      auto answer = Send(method, path, "{}", headers);
      EXPECT_EQ(answer.status, 401) << what << ": " << answer.text;
      EXPECT_EQ(answer.body.value("code", ""), "unauthenticated") << what;
    }
  }
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(ServerSecurityTest, RolesThatMayNotActAreRefusedWith403AndNothingChanges) {
  const std::string before = Snapshot();
  const std::string step = Json{{"event", {{"event", "register"}}}}.dump();
  const struct {
    const char* user;
    const char* method;
    std::string path;
    std::string body;
  } cases[] = {
      {"msft", "POST", "/api/users", R"({"name": "evil", "role": "admin"})"},
      {"officer", "POST", "/api/users", R"({"name": "evil", "role": "admin"})"},
      {"msft", "GET", "/api/users", ""},
      {"msft", "POST", "/api/organizations", R"({"id": "evil", "name": "Evil"})"},
      {"auditor", "POST", "/api/organizations", R"({"id": "evil", "name": "Evil"})"},
      {"msft", "POST", "/api/lists/import?as_of=2019-01-01", "name,type\nx,y\n"},
      {"officer", "POST", "/api/lists/update", ""},
      {"officer", "POST", "/api/applications", kMicrosoftForm},
      {"root", "POST", "/api/applications", kMicrosoftForm},
      {"root", "GET", "/api/applications", ""},
      {"msft", "GET", "/api/applications/due", ""},
      {"msft", "POST", "/api/applications/" + acn_ + "/transitions", step},
      {"auditor", "POST", "/api/applications/" + acn_ + "/transitions", step},
      {"dod", "GET", "/api/licenses", ""},
      {"msft", "POST", "/api/licenses", kServerLicense},
      {"auditor", "POST", "/api/licenses", kServerLicense},
      {"msft", "GET", "/api/audit/verify", ""},
      {"officer", "GET", "/api/audit/verify", ""},
      {"msft", "GET", "/api/reports/stats", ""},
      {"officer", "POST", "/api/licenses/D000900/shipments", "{}"},
      {"dod", "GET", "/api/licenses/D000900/shipments", ""},
      {"dod", "GET", "/api/reports/criteria", ""},
      {"msft", "POST", "/api/general-licenses", "{}"},
      {"dod", "POST", "/api/general-licenses/huawei_tgl/extend",
       R"({"from": "2020-08-14", "to": "2020-11-13", "citation": "x"})"},
      {"auditor", "POST", "/api/general-licenses/huawei_tgl/revoke", R"({"on": "2020-01-01"})"},
  };
  for (const auto& c : cases) {
    auto answer = Call(c.user, c.method, c.path, c.body);
    EXPECT_EQ(answer.status, 403) << c.user << " " << c.method << " " << c.path << ": "
                                  << answer.text;
    EXPECT_EQ(answer.body.value("code", ""), "permission_denied") << c.path;
  }
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(ServerSecurityTest, AnotherOrganizationsApplicationAndLicenseAre404AndUnchanged) {
  const std::string before = Snapshot();
  const std::string base = "/api/applications/" + acn_;
  const std::string withdraw = Json{{"event", {{"event", "withdraw"}, {"text", "x"}}}}.dump();
  for (const auto& [method, path, body] :
       {std::tuple<std::string, std::string, std::string>{"GET", base, ""},
        {"GET", base + "/timeline", ""},
        {"GET", base + "/transitions", ""},
        {"POST", base + "/transitions", withdraw},
        {"GET", "/api/licenses/D000900", ""},
        {"GET", "/api/licenses/D000900/shipments", ""},
        {"POST", "/api/licenses/D000900/shipments",
         R"({"date": "2020-01-02", "items": [{"eccn": "5D992.c", "quantity": 1, "value": 0}],
             "parties": [{"role": "ultimate_consignee", "name": "Huawei Technologies Co., Ltd."}]})"}}) {
    auto answer = Call("qcom", method, path, body);
    EXPECT_EQ(answer.status, 404) << method << " " << path << ": " << answer.text;
    // The same answer as for an id that does not exist at all.
    std::string absent = path;
    absent.replace(absent.find(path.find("licenses") != std::string::npos ? "D000900" : acn_), 7,
                   "D999999");
    auto none = Call("qcom", method, absent, body);
    EXPECT_EQ(none.status, 404) << absent;
    EXPECT_EQ(none.body["code"], answer.body["code"]);
  }
  EXPECT_TRUE(Call("qcom", "GET", "/api/applications").body["applications"].empty());
  EXPECT_TRUE(Call("qcom", "GET", "/api/licenses").body["licenses"].empty());
  EXPECT_EQ(Call("msft", "GET", "/api/licenses").body["licenses"].size(), 1u);
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(ServerSecurityTest, SqlAndPathTraversalStringsInEveryFieldGetCleanAnswers) {
  const std::string before = Snapshot();
  const std::vector<std::string> attacks = {"' OR '1'='1",
                                            "x'); DROP TABLE users; --",
                                            "\" OR 1=1 --",
                                            "../../../../etc/passwd",
                                            "..%2F..%2Fetc%2Fpasswd",
                                            "%00",
                                            "\\x00; SELECT * FROM sessions"};
  for (const auto& attack : attacks) {
    const std::string encoded = Encode(attack);
    const std::string quoted = Json(attack).dump();
    const std::vector<std::tuple<std::string, std::string, std::string, std::string>> cases = {
        {"", "POST", "/api/login", R"({"user": )" + quoted + R"(, "password": )" + quoted + "}"},
        {"msft", "GET", "/api/screen?name=x&country=" + encoded, ""},
        {"msft", "GET", "/api/screen?name=x&type=" + encoded, ""},
        {"msft", "GET", "/api/screen?name=x&as_of=" + encoded, ""},
        {"msft", "GET", "/api/screen?name=x&threshold=" + encoded, ""},
        {"msft", "POST", "/api/screen/batch",
         R"({"names": [{"id": "1", "name": "x", "country": )" + quoted + "}]}"},
        {"msft", "POST", "/api/check",
         R"({"items": [{"eccn": )" + quoted + R"(}], "destination": "CN", "date": "2019-05-17",
             "parties": [{"role": "end_user", "name": "x"}]})"},
        {"msft", "POST", "/api/check",
         R"({"items": [{"eccn": "EAR99"}], "destination": )" + quoted +
             R"(, "date": "2019-05-17", "parties": [{"role": "end_user", "name": "x"}]})"},
        {"msft", "GET", "/api/lists/status?as_of=" + encoded, ""},
        {"msft", "GET", "/api/lists/diff?source=" + encoded, ""},
        {"msft", "GET", "/api/lists/diff?source=csl&from=" + encoded, ""},
        {"root", "POST", "/api/lists/import?name=" + encoded + "&format=" + encoded, "a,b\n"},
        {"root", "POST", "/api/lists/import?name=" + encoded + "&as_of=" + encoded, "a,b\n"},
        {"root", "POST", "/api/users",
         R"({"name": )" + quoted + R"(, "role": "reviewer", "password": "long enough pass"})"},
        {"root", "POST", "/api/users", R"({"name": "eve", "role": )" + quoted + "}"},
        {"root", "POST", "/api/users",
         R"({"name": "eve", "role": "applicant", "organization": )" + quoted + "}"},
        {"root", "POST", "/api/organizations", R"({"id": )" + quoted + R"(, "name": "x"})"},
        {"msft", "POST", "/api/tokens", R"({"name": )" + quoted + "}"},
        {"msft", "GET", "/api/applications?state=" + encoded, ""},
        {"officer", "GET", "/api/applications/due?as_of=" + encoded, ""},
        {"msft", "GET", "/api/applications/" + encoded, ""},
        {"msft", "GET", "/api/applications/" + encoded + "/timeline", ""},
        {"officer", "POST", "/api/applications/" + encoded + "/transitions",
         R"({"event": {"event": "register"}})"},
        {"officer", "POST", "/api/applications/" + acn_ + "/transitions",
         R"({"event": {"event": )" + quoted + "}}"},
        {"officer", "POST", "/api/applications/" + acn_ + "/transitions",
         R"({"event": {"event": "refer", "agencies": [)" + quoted + "]}}"},
        {"msft", "GET", "/api/licenses/" + encoded, ""},
        {"msft", "POST", "/api/licenses/D000900/shipments",
         R"({"date": "2020-01-02", "items": [{"eccn": )" + quoted +
             R"(, "quantity": 1, "value": 0}], "parties": [{"role": "end_user", "name": "x"}]})"},
        {"auditor", "GET", "/api/reports/stats?as_of=" + encoded, ""},
        {"auditor", "GET", "/api/reports/stats?format=" + encoded, ""},
        {"auditor", "GET", "/api/reports/criteria?from=" + encoded, ""},
        {"auditor", "GET", "/api/reports/criteria?to=" + encoded, ""},
        {"officer", "POST", "/api/licenses",
         R"({"number": )" + quoted + R"(, "holder": "x", "destination": "CN", "items": [],
             "valid_from": "2019-01-01", "valid_until": "2019-02-01"})"},
    };
    for (const auto& [user, method, path, body] : cases) {
      const std::string what = attack + ": " + method + " " + path;
      auto answer = Call(user, method, path, body);
      EXPECT_GE(answer.status, 400) << what << ": " << answer.text;
      EXPECT_LT(answer.status, 500) << what << ": " << answer.text;
      ExpectCleanError(answer, what, attack);
    }
    // A name is only searched for: nothing is found, nothing is changed.
    auto screened = Call("msft", "GET", "/api/screen?name=" + encoded);
    EXPECT_EQ(screened.status, 200) << attack;
  }
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(ServerSecurityTest, OversizedAndMalformedBodiesAreRefusedCleanly) {
  const std::string before = Snapshot();
  const std::string big = R"({"names": [{"name": ")" + std::string(2 << 20, 'a') + R"("}]})";
  auto oversized = Call("msft", "POST", "/api/screen/batch", big);
  EXPECT_EQ(oversized.status, 413);
  EXPECT_EQ(oversized.body.value("code", ""), "too_large");
  for (const std::string& bad : {std::string("{not json"), std::string("[1, 2]"), std::string(""),
                                 std::string("\"text\""), std::string("{\"items\": ")}) {
    for (const char* path :
         {"/api/check", "/api/applications", "/api/screen/batch", "/api/tokens", "/api/login"}) {
      auto answer =
          Call(std::string(path) == "/api/applications" ? "msft" : "officer", "POST", path, bad);
      EXPECT_EQ(answer.status, 400) << path << " " << bad << ": " << answer.text;
      EXPECT_EQ(answer.body.value("code", ""), "parse_error") << path << " " << bad;
      ExpectCleanError(answer, path);
    }
  }
  // A malformed list file is refused whole, naming the body, not a server path.
  auto list = Call("root", "POST", "/api/lists/import?format=csl-csv&as_of=2020-01-01&name=x.csv",
                   "not,a,list\n\"unterminated");
  EXPECT_EQ(list.status, 400) << list.text;
  ExpectCleanError(list, "import");
  EXPECT_EQ(Snapshot(), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerSecurityTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

class ServerRateLimitTest : public ServerFixture {
 protected:
  std::vector<std::string> ExtraFlags() const override { return {"--rate-limit", "20"}; }
};

TEST_P(ServerRateLimitTest, AClientOverTheRateLimitGets429) {
  int limited = 0;
  for (int i = 0; i < 120; ++i) {
    auto answer = Call("msft", "GET", "/healthz");
    if (answer.status == 429) {
      ++limited;
      EXPECT_EQ(answer.body.value("code", ""), "rate_limited");
    }
  }
  EXPECT_GT(limited, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerRateLimitTest, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing

// List uploads the way curl users send them (issue 13, item 5), through the real server
// with real list files: a raw body of any content type (curl's -d/--data-binary say
// application/x-www-form-urlencoded), or multipart/form-data with an OFAC set's three
// files; the client's file name is kept; an OFAC primary file alone is refused with
// what to add; no message names a server path; a refused import stores nothing.
#include <gtest/gtest.h>

#include "hostile_client.h"
#include "lists/formats/test_files.h"
#include "server_fixture.h"
#include "test_paths.h"

namespace tollgate::testing {
namespace {

using lists::testing::ReadAll;

class ListsUploadApiTest : public ServerFixture {
 protected:
  HttpAnswer Multipart(const std::string& path, const httplib::MultipartFormDataItems& items) {
    auto client = server_->Client();
    httplib::Headers headers = {{"Authorization", "Bearer " + tokens_.at("root")}};
    auto result = client->Post(path.c_str(), headers, items);
    HttpAnswer answer;
    if (!result) {
      ADD_FAILURE() << path << ": " << httplib::to_string(result.error());
      return answer;
    }
    answer.status = result->status;
    answer.text = result->body;
    answer.body = nlohmann::json::parse(result->body, nullptr, false);
    return answer;
  }

  // A raw body as curl sends it with -d or --data-binary and no Content-Type.
  HttpAnswer CurlDefault(const std::string& path, const std::string& body) {
    return Send("POST", path, body, {{"Authorization", "Bearer " + tokens_.at("root")}},
                "application/x-www-form-urlencoded");
  }

  std::string Status() { return Call("root", "GET", "/api/lists/status").text; }

  static void ExpectNoServerPath(const HttpAnswer& answer) {
    for (const char* leak : {"/tmp", "tollgate-upload", TOLLGATE_SHARED_DATA}) {
      EXPECT_EQ(answer.text.find(leak), std::string::npos) << leak << " in " << answer.text;
    }
  }
};

// Before issue 11's reader, httplib read such a body itself, took it for a form and
// refused anything over its 8192-byte form limit with 413 "over the limit".
TEST_P(ListsUploadApiTest, ARawBodyWithCurlsDefaultContentTypeIsImportedUnderItsOwnName) {
  const std::string sdn = ReadAll(SharedList("ofac_sdn_2024-05-01.csv"));
  ASSERT_GT(sdn.size(), 3'000'000u);
  auto answer = CurlDefault(
      "/api/lists/import?as_of=2024-05-01&name=ofac_sdn_2024-05-01.csv&primary_only=true", sdn);
  ASSERT_EQ(answer.status, 201) << answer.text;
  EXPECT_EQ(answer.body["version"]["file_name"], "ofac_sdn_2024-05-01.csv");
  EXPECT_EQ(answer.body["version"]["feed"], "ofac-sdn");
  EXPECT_GT(answer.body["version"]["entries"].get<int>(), 10000);
  // The loss primary-only means is said, without a server path.
  ASSERT_FALSE(answer.body["warnings"].empty()) << answer.text;
  ExpectNoServerPath(answer);

  // A 900 KB file, text/csv or no type at all: the same.
  const std::string dtc = ReadAll(SharedList("state_dtc_debarred_2018-01-24.csv"));
  answer = Send("POST", "/api/lists/import?as_of=2018-01-24&name=dtc.csv", dtc,
                {{"Authorization", "Bearer " + tokens_.at("root")}}, "text/csv");
  ASSERT_EQ(answer.status, 201) << answer.text;
  EXPECT_EQ(answer.body["version"]["file_name"], "dtc.csv");
}

TEST_P(ListsUploadApiTest, AnOfacPrimaryAloneIsRefusedWithWhatToAddAndNothingIsStored) {
  const std::string before = Status();
  auto answer = CurlDefault("/api/lists/import?as_of=2024-05-01&name=ofac_sdn_2024-05-01.csv",
                            ReadAll(SharedList("ofac_sdn_2024-05-01.csv")));
  EXPECT_EQ(answer.status, 422) << answer.text;
  EXPECT_EQ(answer.body["code"], "refused");
  EXPECT_EQ(answer.body["field"], "body");
  const std::string message = answer.body.value("message", "");
  EXPECT_NE(message.find("add ofac_alt_2024-05-01.csv and ofac_add_2024-05-01.csv"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("primary_only=true"), std::string::npos) << message;
  ExpectNoServerPath(answer);
  EXPECT_EQ(Status(), before);

  // As a multipart part without its alias file: the alias file is named.
  answer = Multipart(
      "/api/lists/import?as_of=2021-07-01",
      {{"file", ReadAll(SharedList("ofac_sdn_2021-07.csv")), "ofac_sdn_2021-07.csv", "text/csv"},
       {"file", ReadAll(SharedList("ofac_add_2021-07.csv")), "ofac_add_2021-07.csv", "text/csv"}});
  EXPECT_EQ(answer.status, 422) << answer.text;
  EXPECT_NE(answer.text.find("add alt.csv"), std::string::npos) << answer.text;
  ExpectNoServerPath(answer);
  EXPECT_EQ(Status(), before);
}

// The set uploaded in one multipart request is the same version as `lists import` of
// the primary with its companions beside it: the CLI finds it identical.
TEST_P(ListsUploadApiTest, AnOfacSetInOneMultipartRequestIsTheVersionTheCliReads) {
  auto answer = Multipart(
      "/api/lists/import",
      {{"as_of", "2021-07-01", "", ""},
       {"file", ReadAll(SharedList("ofac_sdn_2021-07.csv")), "ofac_sdn_2021-07.csv", "text/csv"},
       {"file", ReadAll(SharedList("ofac_alt_2021-07.csv")), "ofac_alt_2021-07.csv", "text/csv"},
       {"file", ReadAll(SharedList("ofac_add_2021-07.csv")), "ofac_add_2021-07.csv", "text/csv"}});
  ASSERT_EQ(answer.status, 201) << answer.text;
  EXPECT_EQ(answer.body["version"]["file_name"], "ofac_sdn_2021-07.csv");
  EXPECT_EQ(answer.body["version"]["as_of"], "2021-07-01");
  EXPECT_TRUE(answer.body["warnings"].empty()) << answer.text;

  auto r = cli_.Run("lists import '" + SharedList("ofac_sdn_2021-07.csv") + "' --as-of 2021-07-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(
      r.out.find("identical to version " + std::to_string(answer.body["version"]["id"].get<int>())),
      std::string::npos)
      << r.out;

  // The consolidated set, its parts named by role whatever the files are called.
  answer = Multipart(
      "/api/lists/import?as_of=2025-12-01",
      {{"file", ReadAll(SharedList("ofac_cons_prim_2025-12.csv")), "consolidated.csv", ""},
       {"alt", ReadAll(SharedList("ofac_cons_alt_2025-12.csv")), "names.csv", ""},
       {"add", ReadAll(SharedList("ofac_cons_add_2025-12.csv")), "places.csv", ""}});
  ASSERT_EQ(answer.status, 201) << answer.text;
  EXPECT_EQ(answer.body["version"]["feed"], "ofac-cons");
  EXPECT_EQ(answer.body["version"]["file_name"], "consolidated.csv");
  r = cli_.Run("lists import '" + SharedList("ofac_cons_prim_2025-12.csv") +
               "' --as-of 2025-12-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("identical to version"), std::string::npos) << r.out;
}

TEST_P(ListsUploadApiTest, AMalformedCompanionStoresNothingAndIsNamedByItsOwnName) {
  const std::string before = Status();
  std::string add = ReadAll(SharedList("ofac_add_2021-07.csv"));
  add.insert(add.find('\n', add.size() / 2) + 1, "not-a-number,1,x,y,z,-0-\n");
  auto answer =
      Multipart("/api/lists/import?as_of=2021-07-01",
                {{"file", ReadAll(SharedList("ofac_sdn_2021-07.csv")), "ofac_sdn_2021-07.csv", ""},
                 {"file", ReadAll(SharedList("ofac_alt_2021-07.csv")), "ofac_alt_2021-07.csv", ""},
                 {"file", add, "ofac_add_2021-07.csv", ""}});
  EXPECT_EQ(answer.status, 400) << answer.text;
  EXPECT_EQ(answer.text.find("\"message\":\"add.csv"), std::string::npos) << answer.text;
  EXPECT_NE(answer.text.find("ofac_add_2021-07.csv:"), std::string::npos) << answer.text;
  ExpectNoServerPath(answer);
  EXPECT_EQ(Status(), before);

  // Two list files in one request, and a companion without its primary: refused.
  answer = Multipart("/api/lists/import",
                     {{"file", "a,b\n", "one.csv", ""}, {"file", "a,b\n", "two.csv", ""}});
  EXPECT_EQ(answer.status, 400) << answer.text;
  EXPECT_NE(answer.text.find("one.csv, two.csv"), std::string::npos) << answer.text;
  answer = Multipart("/api/lists/import", {{"alt", "1,2,aka,x,-0-\n", "alt.csv", ""}});
  EXPECT_EQ(answer.status, 400) << answer.text;
  EXPECT_EQ(Status(), before);
}

class ListsUploadLimitApiTest : public ListsUploadApiTest {
 protected:
  std::vector<std::string> ExtraFlags() const override { return {"--max-upload", "1000000"}; }
};

// Over the limit the server answers from the declared length and closes without
// reading the rest, so the request is written by hand (a client still writing could
// see the connection reset before it reads the answer).
TEST_P(ListsUploadLimitApiTest, ABodyOverTheLimitNamesTheLimitAndTheFlag) {
  const std::string before = Status();
  for (const char* type :
       {"application/x-www-form-urlencoded", "multipart/form-data; boundary=b"}) {
    RawConnection connection(server_->port());
    ASSERT_TRUE(connection.ok());
    ASSERT_TRUE(connection.Send(
        "POST /api/lists/import?name=sdn.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
        "Bearer " +
        tokens_.at("root") + "\r\nContent-Type: " + type + "\r\nContent-Length: 2000000\r\n\r\n" +
        std::string(64 << 10, 'x')));
    const std::string answer = connection.ReadFor(std::chrono::milliseconds(5000));
    EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer.substr(0, 300);
    EXPECT_NE(answer.find("over 1000000 bytes"), std::string::npos) << answer;
    EXPECT_NE(answer.find("--max-upload"), std::string::npos) << answer;
  }
  EXPECT_EQ(Status(), before);
}

// A multipart upload refused before its body is read (no credentials) is drained as
// multipart: read through httplib's plain reader it threw, answered 500 and left the
// parts to be parsed as the connection's next requests (here a GET /healthz hidden in a
// file part would have been answered 200).
TEST_P(ListsUploadApiTest, AnUnauthenticatedMultipartUploadIsOneRefusalAndNothingMore) {
  const std::string before = Status();
  const std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sdn.csv\"\r\n\r\n"
      "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n\r\n--b--\r\n";
  RawConnection connection(server_->port());
  ASSERT_TRUE(connection.ok());
  ASSERT_TRUE(connection.Send(
      "POST /api/lists/import HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; "
      "boundary=b\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body));
  const std::string answer = connection.ReadFor(std::chrono::milliseconds(2000));
  EXPECT_EQ(answer.rfind("HTTP/1.1 401", 0), 0u) << answer.substr(0, 300);
  EXPECT_EQ(answer.find("HTTP/1.1", 1), std::string::npos) << "a second answer:\n" << answer;
  EXPECT_EQ(Status(), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, ListsUploadApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, ListsUploadLimitApiTest, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing

// A server on a fresh database (either backend) with two applicant organizations, a
// user of every role, an API token each (issued with `tollgate tokens issue`, so no
// password hashing slows the tests), one application filed by Microsoft and one
// license held by Microsoft. Requests go through cpp-httplib's client.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli_runner.h"
#include "microsoft_form.h"
#include "server_runner.h"
#include "test_databases.h"

namespace tollgate::testing {

inline constexpr const char* kServerLicense = R"json({
  "number": "D000900", "holder": "Microsoft Corporation", "organization": "microsoft",
  "destination": "CN",
  "parties": [{"role": "ultimate_consignee", "name": "Huawei Technologies Co., Ltd."}],
  "items": [{"eccn": "5D992.c", "quantity": 500}],
  "valid_from": "2019-11-20", "valid_until": "2023-11-19"
})json";

struct HttpAnswer {
  int status = 0;
  nlohmann::json body;
  std::string text;
  std::string set_cookie;
};

class ServerFixture : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    for (const char* setup : {"orgs add microsoft --name 'Microsoft Corporation' --by setup",
                              "orgs add qualcomm --name 'Qualcomm Incorporated' --by setup",
                              "users add msft --role applicant --org microsoft --by setup",
                              "users add qcom --role applicant --org qualcomm --by setup",
                              "users add officer --role reviewer --by setup",
                              "users add dod --role agency --agency defense --by setup",
                              "users add auditor --role oversight --by setup",
                              "users add root --role admin --by setup"}) {
      auto r = cli_.Run(setup);
      ASSERT_EQ(r.exit_code, 0) << setup << ": " << r.err;
    }
    for (const char* user : {"msft", "qcom", "officer", "dod", "auditor", "root"}) {
      auto r = cli_.Run(std::string("tokens issue ") + user + " --name tests");
      ASSERT_EQ(r.exit_code, 0) << r.err;
      tokens_[user] = r.out.substr(0, r.out.find('\n'));
    }
    server_ = std::make_unique<ServerProcess>(db_.url(), ExtraFlags());
    auto filed = Call("msft", "POST", "/api/applications", kMicrosoftForm);
    ASSERT_EQ(filed.status, 201) << filed.text;
    acn_ = filed.body["application"]["control_number"];
    auto license = Call("officer", "POST", "/api/licenses", kServerLicense);
    ASSERT_EQ(license.status, 201) << license.text;
  }

  virtual std::vector<std::string> ExtraFlags() const { return {}; }

  // A request as `user` (its bearer token); "" for none.
  HttpAnswer Call(const std::string& user, const std::string& method, const std::string& path,
                  const std::string& body = "", httplib::Headers headers = {}) {
    if (!user.empty()) headers.emplace("Authorization", "Bearer " + tokens_.at(user));
    return Send(method, path, body, headers);
  }

  // A real list file of ../shared/data/lists uploaded by the administrator as one
  // version in force from `as_of` (POST /api/lists/import).
  HttpAnswer ImportSharedList(const std::string& name, const std::string& as_of) {
    std::ifstream in(SharedList(name), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    httplib::Headers root{{"Authorization", "Bearer " + tokens_.at("root")}};
    return Send("POST", "/api/lists/import?as_of=" + as_of + "&name=" + name, bytes.str(), root,
                "text/csv");
  }

  HttpAnswer Send(const std::string& method, const std::string& path, const std::string& body,
                  const httplib::Headers& headers,
                  const std::string& content_type = "application/json") {
    auto client = server_->Client();
    httplib::Result result = method == "GET"
                                 ? client->Get(path.c_str(), headers)
                                 : client->Post(path.c_str(), headers, body, content_type.c_str());
    HttpAnswer answer;
    if (!result) {
      ADD_FAILURE() << method << " " << path << ": " << httplib::to_string(result.error());
      return answer;
    }
    answer.status = result->status;
    answer.text = result->body;
    answer.body = nlohmann::json::parse(result->body, nullptr, false);
    answer.set_cookie = result->get_header_value("Set-Cookie");
    return answer;
  }

  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<ServerProcess> server_;
  std::string acn_;
};

}  // namespace tollgate::testing

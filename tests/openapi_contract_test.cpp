// The contract check itself (openapi_contract.h): it must fail a wrong body, an
// undeclared status, an undeclared route and a wrong content type, or the API suite
// that runs through it proves nothing; and openapi.json must give every request body
// and every response a real schema (no bare {"type": "object"}) that the checker
// understands.
#include "openapi_contract.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli_runner.h"
#include "server_runner.h"

namespace tollgate::testing {
namespace {

using Json = nlohmann::json;

bool Mentions(const std::vector<std::string>& problems, const std::string& text) {
  for (const auto& p : problems) {
    if (p.find(text) != std::string::npos) return true;
  }
  return false;
}

std::string Joined(const std::vector<std::string>& problems) {
  std::string out;
  for (const auto& p : problems) out += p + "\n";
  return out;
}

TEST(OpenApiContractTest, LiveAnswersPassAndAlteredOnesFail) {
  CliSandbox cli;
  ASSERT_EQ(cli.Run("users add root --role admin --by setup").exit_code, 0);
  auto issued = cli.Run("tokens issue root --name contract");
  ASSERT_EQ(issued.exit_code, 0) << issued.err;
  const std::string token = issued.out.substr(0, issued.out.find('\n'));
  ServerProcess server(cli.db());
  // A plain client (no contract hook) brings the live answers in to be checked here.
  httplib::Client client("127.0.0.1", server.port());
  const httplib::Headers auth = {{"Authorization", "Bearer " + token}};
  const auto& contract = OpenApiContract::FromSourceTree();

  auto me = client.Get("/api/me", auth);
  ASSERT_TRUE(me);
  ASSERT_EQ(me->status, 200);
  const std::string type = me->get_header_value("Content-Type");
  EXPECT_TRUE(contract.CheckAnswer("GET", "/api/me", 200, type, me->body).empty())
      << Joined(contract.CheckAnswer("GET", "/api/me", 200, type, me->body));

  // A required member missing, and one of the wrong type.
  Json body = Json::parse(me->body);
  Json without_user = body;
  without_user.erase("user");
  EXPECT_TRUE(Mentions(contract.CheckAnswer("GET", "/api/me", 200, type, without_user.dump()),
                       "required 'user' is missing"));
  Json wrong_role = body;
  wrong_role["user"]["role"] = "emperor";
  EXPECT_TRUE(Mentions(contract.CheckAnswer("GET", "/api/me", 200, type, wrong_role.dump()),
                       "/user/role: \"emperor\" is not one of"));
  Json number_name = body;
  number_name["user"]["name"] = 7;
  EXPECT_TRUE(Mentions(contract.CheckAnswer("GET", "/api/me", 200, type, number_name.dump()),
                       "/user/name: expected string"));

  // A status the operation does not declare, a route the document does not name, a
  // content type it does not declare, and a body that is not JSON.
  EXPECT_TRUE(Mentions(contract.CheckAnswer("GET", "/api/me", 418, type, me->body),
                       "status 418 is not declared"));
  EXPECT_TRUE(Mentions(contract.CheckAnswer("GET", "/api/undeclared", 200, type, "{}"),
                       "not declared in openapi.json"));
  EXPECT_TRUE(Mentions(contract.CheckAnswer("GET", "/api/me", 200, "text/html", me->body),
                       "content type 'text/html' is not declared"));
  EXPECT_TRUE(Mentions(contract.CheckAnswer("GET", "/api/me", 200, type, "<html>"), "not JSON"));

  // A body the server accepted is held to the declared request schema.
  auto issued_token = client.Post("/api/tokens", auth, R"({"name": "second"})", "application/json");
  ASSERT_TRUE(issued_token);
  ASSERT_EQ(issued_token->status, 201) << issued_token->body;
  EXPECT_TRUE(contract
                  .CheckAcceptedRequest("POST", "/api/tokens", 201, "application/json",
                                        R"({"name": "second"})")
                  .empty());
  EXPECT_TRUE(Mentions(contract.CheckAcceptedRequest("POST", "/api/tokens", 201, "application/json",
                                                     R"({"name": 5})"),
                       "/name: expected string"));
  EXPECT_TRUE(Mentions(
      contract.CheckAcceptedRequest("POST", "/api/tokens", 201, "text/plain", "name=second"),
      "content type 'text/plain' is not declared"));
  // A refused body is not the document's business (the hostile tests send many).
  EXPECT_TRUE(
      contract
          .CheckAcceptedRequest("POST", "/api/tokens", 400, "application/json", R"({"name": 5})")
          .empty());

  // An error must be the declared Error: {code, message, field}.
  auto denied = client.Get("/api/users");  // no credentials
  ASSERT_TRUE(denied);
  ASSERT_EQ(denied->status, 401);
  const std::string error_type = denied->get_header_value("Content-Type");
  EXPECT_TRUE(contract.CheckAnswer("GET", "/api/users", 401, error_type, denied->body).empty());
  Json no_field = Json::parse(denied->body);
  no_field.erase("field");
  EXPECT_TRUE(Mentions(contract.CheckAnswer("GET", "/api/users", 401, error_type, no_field.dump()),
                       "required 'field' is missing"));
  // An undeclared route's answer is checked as an error too.
  auto missing = client.Get("/api/nothing-here", auth);
  ASSERT_TRUE(missing);
  EXPECT_TRUE(contract
                  .CheckAnswer("GET", "/api/nothing-here", missing->status,
                               missing->get_header_value("Content-Type"), missing->body)
                  .empty());
  EXPECT_FALSE(contract
                   .CheckAnswer("GET", "/api/nothing-here", missing->status,
                                missing->get_header_value("Content-Type"), R"({"code": 1})")
                   .empty());
}

TEST(OpenApiContractTest, TheCheckerKnowsTheSchemaSubsetItClaims) {
  const OpenApiContract contract(Json::parse(R"({
    "paths": {"/metrics": {"get": {"responses": {
      "200": {"description": "Prometheus text", "content": {"text/plain": {"schema": {"type": "string"}}}}}}}},
    "components": {"schemas": {
      "Day": {"type": "string", "format": "date"},
      "Thing": {"type": "object", "required": ["id"], "additionalProperties": false,
                "properties": {"id": {"type": "integer", "minimum": 1},
                               "when": {"$ref": "#/components/schemas/Day"},
                               "note": {"type": "string", "nullable": true},
                               "tags": {"type": "array", "items": {"type": "string"}},
                               "either": {"oneOf": [{"type": "string"}, {"type": "integer"}]}}}
    }}})"));
  const Json thing = {{"$ref", "#/components/schemas/Thing"}};
  const auto problems = [&](const Json& value) {
    std::vector<std::string> out;
    contract.Validate(thing, value, "", out);
    return out;
  };
  EXPECT_TRUE(problems(Json::parse(
                           R"({"id": 2, "when": "2019-05-16", "note": null, "tags": ["a"],
                               "either": 3})"))
                  .empty());
  EXPECT_TRUE(Mentions(problems(Json::parse(R"({"id": 0})")), "below the minimum"));
  EXPECT_TRUE(Mentions(problems(Json::parse(R"({"id": 1, "when": "16/05/2019"})")),
                       "not a YYYY-MM-DD date"));
  EXPECT_TRUE(
      Mentions(problems(Json::parse(R"({"id": 1, "extra": true})")), "/extra: not declared"));
  EXPECT_TRUE(
      Mentions(problems(Json::parse(R"({"id": 1, "tags": [1]})")), "/tags/0: expected string"));
  EXPECT_TRUE(Mentions(problems(Json::parse(R"({"id": 1, "either": true})")),
                       "0 of the oneOf options match"));
  EXPECT_TRUE(Mentions(problems(Json::parse(R"({"id": 1, "note": 5})")), "/note: expected string"));
  // A text answer (the metrics) is held to its status and content type only.
  EXPECT_TRUE(contract
                  .CheckAnswer("GET", "/metrics", 200, "text/plain; version=0.0.4; charset=utf-8",
                               "tollgate_requests_total 1\n")
                  .empty());
  EXPECT_TRUE(Mentions(contract.CheckAnswer("GET", "/metrics", 200, "application/json", "{}"),
                       "content type 'application/json' is not declared"));
  EXPECT_TRUE(Mentions(contract.CheckAnswer("GET", "/metrics", 500, "text/plain", "x"),
                       "status 500 is not declared"));
  std::vector<std::string> dangling;
  contract.Validate(Json{{"$ref", "#/components/schemas/Nothing"}}, Json::object(), "", dangling);
  EXPECT_FALSE(dangling.empty());
  std::vector<std::string> unknown;
  contract.Validate(Json{{"type", "string"}, {"patternProperties", "^a"}}, "b", "", unknown);
  EXPECT_TRUE(Mentions(unknown, "'patternProperties' is not supported"));
  // Patterns are searched for, lengths count code points ("é" is one).
  std::vector<std::string> text;
  contract.Validate(Json{{"type", "string"}, {"pattern", "^[0-9a-f]{4}$"}}, "00g0", "", text);
  EXPECT_TRUE(Mentions(text, "does not match"));
  text.clear();
  contract.Validate(Json{{"type", "string"}, {"maxLength", 2}}, "\u00e9\u00e9", "", text);
  EXPECT_TRUE(text.empty());
  contract.Validate(Json{{"type", "string"}, {"maxLength", 2}}, "abc", "", text);
  EXPECT_TRUE(Mentions(text, "longer than 2"));
}

// Every schema node of the document: what makes it a real one, and keywords the checker
// knows (validating an empty object against a node surfaces unknown keywords).
void LintSchema(const OpenApiContract& contract, const Json& schema, const std::string& where,
                std::vector<std::string>& problems, int depth = 0) {
  if (depth > 32 || !schema.is_object()) return;
  if (schema.contains("$ref")) {
    const Json& target = contract.Resolve(schema);
    if (target.value("type", "") == "unresolved $ref") {
      problems.push_back(where + ": dangling " + schema["$ref"].get<std::string>());
    }
    return;  // components are linted on their own
  }
  std::vector<std::string> keywords;
  contract.Validate(schema, nullptr, where, keywords);
  for (const auto& k : keywords) {
    if (k.find("is not supported") != std::string::npos) problems.push_back(k);
  }
  const bool combined =
      schema.contains("oneOf") || schema.contains("anyOf") || schema.contains("allOf");
  if (!schema.contains("type") && !combined) {
    problems.push_back(where + ": no type");
  }
  const bool named = schema.contains("properties") && !schema["properties"].empty();
  if (schema.value("type", "") == "object" && !named &&
      !(schema.contains("additionalProperties") && schema["additionalProperties"].is_object())) {
    problems.push_back(where + ": a bare object (no properties)");
  }
  if (schema.value("type", "") == "array" && !schema.contains("items")) {
    problems.push_back(where + ": an array without items");
  }
  if (schema.contains("properties")) {
    for (const auto& [name, member] : schema["properties"].items()) {
      LintSchema(contract, member, where + "/" + name, problems, depth + 1);
    }
  }
  if (schema.contains("items"))
    LintSchema(contract, schema["items"], where + "[]", problems, depth + 1);
  if (schema.contains("additionalProperties") && schema["additionalProperties"].is_object()) {
    LintSchema(contract, schema["additionalProperties"], where + "{}", problems, depth + 1);
  }
  for (const char* combinator : {"oneOf", "anyOf", "allOf"}) {
    if (!schema.contains(combinator)) continue;
    for (std::size_t i = 0; i < schema[combinator].size(); ++i) {
      LintSchema(contract, schema[combinator][i],
                 where + "/" + combinator + "/" + std::to_string(i), problems, depth + 1);
    }
  }
}

TEST(OpenApiContractTest, EveryBodyAndResponseHasARealSchema) {
  const auto& contract = OpenApiContract::FromSourceTree();
  const Json& doc = contract.document();
  ASSERT_TRUE(doc.contains("paths")) << "openapi.json could not be read";
  std::vector<std::string> problems;
  for (const auto& [name, schema] : doc["components"]["schemas"].items()) {
    LintSchema(contract, schema, "components/schemas/" + name, problems);
  }
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      const std::string at = method + " " + path;
      if (operation.contains("requestBody")) {
        for (const auto& [type, media] : operation["requestBody"]["content"].items()) {
          if (!media.contains("schema")) {
            problems.push_back(at + " request " + type + ": no schema");
          } else {
            LintSchema(contract, media["schema"], at + " request", problems);
          }
        }
      }  // none declared: the contract hook refuses a body sent there
      bool success = false;
      for (const auto& [status, response_in] : operation["responses"].items()) {
        const Json& response = contract.Resolve(response_in);
        success = success || status[0] == '2';
        if (!response.contains("content")) {
          problems.push_back(at + " " + status + ": no content");
          continue;
        }
        for (const auto& [type, media] : response["content"].items()) {
          if (type != "application/json") continue;  // text: status and type only
          if (!media.contains("schema")) {
            problems.push_back(at + " " + status + ": no schema");
            continue;
          }
          LintSchema(contract, media["schema"], at + " " + status, problems);
          // Every error answer is the one Error shape.
          if (status[0] != '2' &&
              media["schema"].value("$ref", "") != "#/components/schemas/Error") {
            problems.push_back(at + " " + status +
                               ": an error that is not #/components/schemas/Error");
          }
        }
      }
      if (!success) problems.push_back(at + ": no success response");
    }
  }
  EXPECT_TRUE(problems.empty()) << problems.size() << " problems:\n" << Joined(problems);
}

}  // namespace
}  // namespace tollgate::testing

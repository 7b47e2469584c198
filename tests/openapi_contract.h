// The API document as a contract the tests hold the server to: every answer a test's
// HTTP client receives is checked against what openapi.json declares for its method,
// path and status (ServerProcess::Client() installs the check, so the whole API suite
// is the contract test). openapi.json is read when the tests run, from the source tree,
// so the document checked is the one in the tree (the merged one), never a copy built
// into the tests.
//
// The schema checker covers the subset of OpenAPI 3.0 schemas openapi.json uses: type,
// properties, required, additionalProperties, items, enum, $ref (local), nullable,
// oneOf, anyOf, allOf, format date, minimum, maximum, minLength, maxLength, pattern
// (ECMAScript, found anywhere in the string as JSON Schema says), minItems. A keyword it
// does not know is itself a problem, so a schema cannot pass by being misunderstood.
//
// Thread-safety: the loaded document is immutable after the first use (a function-local
// static); checks are pure.
#pragma once

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_paths.h"

namespace tollgate::testing {

class OpenApiContract {
 public:
  explicit OpenApiContract(nlohmann::json document) : document_(std::move(document)) {}

  // openapi.json from the source tree, read once per test process.
  static const OpenApiContract& FromSourceTree() {
    static const OpenApiContract contract = [] {
      const std::string path = std::string(TOLLGATE_SOURCE_DIR) + "/openapi.json";
      std::ifstream in(path);
      auto json = nlohmann::json::parse(in, nullptr, false);
      if (json.is_discarded()) json = nlohmann::json::object();
      return OpenApiContract(std::move(json));
    }();
    return contract;
  }

  const nlohmann::json& document() const { return document_; }

  // What is wrong with this answer to `method` `target` (path and query), by the
  // document; empty when it keeps the contract. Paths outside /api/ that the document
  // does not name are the web UI's static files: not the API's, not checked.
  std::vector<std::string> CheckAnswer(const std::string& method, const std::string& target,
                                       int status, const std::string& content_type,
                                       const std::string& body) const {
    std::vector<std::string> problems;
    const std::string path = target.substr(0, target.find('?'));
    const std::string what = method + " " + path + " -> " + std::to_string(status);
    if (!document_.contains("paths")) return {"openapi.json could not be read"};
    const nlohmann::json* operation = FindOperation(method, path);
    if (operation == nullptr) {
      const bool api = path.rfind("/api/", 0) == 0 || path == "/api";
      if (!api) return problems;
      // A route the document does not declare must not exist: only an error answers.
      if (status < 400) {
        problems.push_back(what + ": the route is not declared in openapi.json");
        return problems;
      }
      CheckMedia(ErrorMedia(), content_type, body, what, problems);
      return problems;
    }
    const nlohmann::json* response = FindResponse(*operation, status);
    if (response == nullptr) {
      problems.push_back(what + ": status " + std::to_string(status) + " is not declared");
      return problems;
    }
    response = &Resolve(*response);
    if (!response->contains("content")) {
      if (!body.empty()) problems.push_back(what + ": a body where none is declared");
      return problems;
    }
    CheckMedia((*response)["content"], content_type, body, what, problems);
    return problems;
  }

  // What is wrong with a request body the server accepted (a 2xx answer) by the
  // operation's declared request schema: a body the server takes must be one the
  // document describes. Refused bodies are the hostile tests' business, not checked.
  std::vector<std::string> CheckAcceptedRequest(const std::string& method,
                                                const std::string& target, int status,
                                                const std::string& content_type,
                                                const std::string& body) const {
    std::vector<std::string> problems;
    if (status < 200 || status >= 300 || !document_.contains("paths")) return problems;
    const std::string path = target.substr(0, target.find('?'));
    const nlohmann::json* operation = FindOperation(method, path);
    if (operation == nullptr) return problems;
    const std::string what =
        method + " " + path + " request (answered " + std::to_string(status) + ")";
    if (!operation->contains("requestBody")) {
      if (!body.empty() && body != "{}")
        problems.push_back(what + ": a body where none is declared");
      return problems;
    }
    const auto& content = (*operation)["requestBody"]["content"];
    std::string type = content_type.substr(0, content_type.find(';'));
    if (!content.contains(type)) {
      // A raw upload may come with any type (curl's default is form-urlencoded).
      if (content.contains("application/octet-stream")) return problems;
      problems.push_back(what + ": content type '" + type + "' is not declared");
      return problems;
    }
    if (type != "application/json" || !content[type].contains("schema")) return problems;
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded()) {
      problems.push_back(what + ": the accepted body is not JSON");
      return problems;
    }
    std::vector<std::string> own;
    Validate(content[type]["schema"], json, "", own);
    for (auto& p : own) problems.push_back(what + ": " + p);
    return problems;
  }

  // What is wrong with `value` by `schema` (which may be a $ref), each problem naming
  // the JSON path ("/items/0/eccn") from `where`.
  void Validate(const nlohmann::json& schema_in, const nlohmann::json& value,
                const std::string& where, std::vector<std::string>& problems) const {
    const nlohmann::json& schema = Resolve(schema_in);
    const std::string at = where.empty() ? "/" : where;
    for (const auto& [key, unused] : schema.items()) {
      if (!kKnownKeywords().count(key)) {
        problems.push_back(at + ": schema keyword '" + key + "' is not supported by the checker");
      }
    }
    if (value.is_null() && schema.value("nullable", false)) return;
    if (schema.contains("type") && !HasType(value, schema["type"].get<std::string>())) {
      problems.push_back(at + ": expected " + schema["type"].get<std::string>() + ", got " +
                         Describe(value));
      return;
    }
    if (schema.contains("enum")) {
      bool found = false;
      for (const auto& option : schema["enum"]) found = found || option == value;
      if (!found)
        problems.push_back(at + ": " + value.dump() + " is not one of " + schema["enum"].dump());
    }
    if (value.is_string()) CheckString(schema, value.get<std::string>(), at, problems);
    if (value.is_number()) {
      if (schema.contains("minimum") && value.get<double>() < schema["minimum"].get<double>()) {
        problems.push_back(at + ": " + value.dump() + " below the minimum");
      }
      if (schema.contains("maximum") && value.get<double>() > schema["maximum"].get<double>()) {
        problems.push_back(at + ": " + value.dump() + " above the maximum");
      }
    }
    if (value.is_array()) {
      if (schema.contains("minItems") && value.size() < schema["minItems"].get<std::size_t>()) {
        problems.push_back(at + ": fewer items than " + schema["minItems"].dump());
      }
      if (schema.contains("items")) {
        for (std::size_t i = 0; i < value.size(); ++i) {
          Validate(schema["items"], value[i], where + "/" + std::to_string(i), problems);
        }
      }
    }
    if (value.is_object()) CheckObject(schema, value, where, problems);
    for (const char* combinator : {"oneOf", "anyOf"}) {
      if (!schema.contains(combinator)) continue;
      std::size_t passed = 0;
      std::vector<std::string> why;
      for (const auto& option : schema[combinator]) {
        std::vector<std::string> own;
        Validate(option, value, where, own);
        if (own.empty()) {
          ++passed;
        } else {
          why.push_back(own.front());
        }
      }
      const bool ok = std::string(combinator) == "oneOf" ? passed == 1 : passed >= 1;
      if (!ok) {
        std::string reasons;
        for (const auto& w : why) reasons += " [" + w + "]";
        problems.push_back(at + ": " + std::to_string(passed) + " of the " + combinator +
                           " options match" + reasons);
      }
    }
    if (schema.contains("allOf")) {
      for (const auto& part : schema["allOf"]) Validate(part, value, where, problems);
    }
  }

  // The schema a $ref names ("#/components/schemas/Error"), or `schema` itself.
  const nlohmann::json& Resolve(const nlohmann::json& schema) const {
    const nlohmann::json* at = &schema;
    for (int hops = 0; hops < 16 && at->is_object() && at->contains("$ref"); ++hops) {
      const std::string ref = (*at)["$ref"].get<std::string>();
      const nlohmann::json::json_pointer pointer(ref.substr(1));
      if (ref.rfind("#/", 0) != 0 || !document_.contains(pointer)) return Missing();
      at = &document_.at(pointer);
    }
    return *at;
  }

  // The operation object for `method` on `path` (a concrete path such as
  // /api/applications/D000001), a literal path winning over a template; nullptr if none.
  const nlohmann::json* FindOperation(const std::string& method, const std::string& path) const {
    std::string lower = method;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const nlohmann::json* best = nullptr;
    int best_literals = -1;
    for (const auto& [pattern, item] : document_["paths"].items()) {
      const int literals = MatchTemplate(pattern, path);
      if (literals > best_literals && item.contains(lower)) {
        best = &item[lower];
        best_literals = literals;
      }
    }
    return best;
  }

 private:
  static const std::set<std::string>& kKnownKeywords() {
    static const std::set<std::string> known = {
        "type",      "properties", "required",    "additionalProperties",
        "items",     "enum",       "$ref",        "nullable",
        "oneOf",     "anyOf",      "allOf",       "format",
        "minimum",   "maximum",    "minLength",   "minItems",
        "maxLength", "pattern",    "description", "example",
        "title",     "deprecated", "readOnly",    "default"};
    return known;
  }

  static const nlohmann::json& Missing() {
    // A $ref to nothing: a schema no value satisfies, so the dangling reference shows.
    static const nlohmann::json never = {{"type", "unresolved $ref"}};
    return never;
  }

  const nlohmann::json& ErrorMedia() const {
    static const nlohmann::json media = {
        {"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}};
    return media;
  }

  // -1 when `pattern` does not match `path`, else how many segments matched literally.
  static int MatchTemplate(const std::string& pattern, const std::string& path) {
    const auto a = Split(pattern);
    const auto b = Split(path);
    if (a.size() != b.size()) return -1;
    int literals = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const bool placeholder = a[i].size() > 1 && a[i].front() == '{' && a[i].back() == '}';
      if (placeholder) {
        if (b[i].empty()) return -1;
      } else if (a[i] == b[i]) {
        ++literals;
      } else {
        return -1;
      }
    }
    return literals;
  }

  static std::vector<std::string> Split(const std::string& path) {
    std::vector<std::string> parts;
    std::stringstream in(path);
    std::string part;
    while (std::getline(in, part, '/')) parts.push_back(part);
    if (!path.empty() && path.back() == '/') parts.emplace_back();
    return parts;
  }

  static const nlohmann::json* FindResponse(const nlohmann::json& operation, int status) {
    if (!operation.contains("responses")) return nullptr;
    const auto& responses = operation["responses"];
    const std::string exact = std::to_string(status);
    if (responses.contains(exact)) return &responses[exact];
    const std::string range = exact.substr(0, 1) + "XX";
    if (responses.contains(range)) return &responses[range];
    if (responses.contains("default")) return &responses["default"];
    return nullptr;
  }

  void CheckMedia(const nlohmann::json& content, const std::string& content_type_in,
                  const std::string& body, const std::string& what,
                  std::vector<std::string>& problems) const {
    std::string content_type = content_type_in.substr(0, content_type_in.find(';'));
    while (!content_type.empty() && content_type.back() == ' ') content_type.pop_back();
    if (!content.contains(content_type)) {
      problems.push_back(what + ": content type '" + content_type + "' is not declared (" +
                         content.dump().substr(0, 80) + ")");
      return;
    }
    const auto& media = content[content_type];
    // Only JSON bodies have a schema to check; text (CSV, the metrics) is held to its
    // status and content type.
    if (content_type != "application/json" || !media.contains("schema")) return;
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded()) {
      problems.push_back(what + ": the body is not JSON: " + body.substr(0, 120));
      return;
    }
    std::vector<std::string> own;
    Validate(media["schema"], json, "", own);
    for (auto& p : own) problems.push_back(what + ": " + p);
  }

  void CheckObject(const nlohmann::json& schema, const nlohmann::json& value,
                   const std::string& where, std::vector<std::string>& problems) const {
    if (schema.contains("required")) {
      for (const auto& name : schema["required"]) {
        if (!value.contains(name.get<std::string>())) {
          problems.push_back((where.empty() ? "/" : where) + ": required '" +
                             name.get<std::string>() + "' is missing");
        }
      }
    }
    const nlohmann::json empty = nlohmann::json::object();
    const auto& properties = schema.contains("properties") ? schema["properties"] : empty;
    for (const auto& [name, member] : value.items()) {
      const std::string at = where + "/" + name;
      if (properties.contains(name)) {
        Validate(properties[name], member, at, problems);
      } else if (schema.contains("additionalProperties")) {
        const auto& extra = schema["additionalProperties"];
        if (extra.is_boolean()) {
          if (!extra.get<bool>()) problems.push_back(at + ": not declared in the schema");
        } else {
          Validate(extra, member, at, problems);
        }
      }
    }
  }

  static void CheckString(const nlohmann::json& schema, const std::string& text,
                          const std::string& at, std::vector<std::string>& problems) {
    // Lengths count code points, as JSON Schema does: the bytes that start one.
    std::size_t length = 0;
    for (unsigned char byte : text) length += (byte & 0xC0) != 0x80;
    if (schema.contains("minLength") && length < schema["minLength"].get<std::size_t>()) {
      problems.push_back(at + ": shorter than " + schema["minLength"].dump());
    }
    if (schema.contains("maxLength") && length > schema["maxLength"].get<std::size_t>()) {
      problems.push_back(at + ": longer than " + schema["maxLength"].dump());
    }
    if (schema.contains("pattern") &&
        !std::regex_search(text, std::regex(schema["pattern"].get<std::string>()))) {
      problems.push_back(at + ": '" + text + "' does not match " + schema["pattern"].dump());
    }
    if (schema.value("format", "") == "date" && !IsDate(text)) {
      problems.push_back(at + ": '" + text + "' is not a YYYY-MM-DD date");
    }
  }

  static bool IsDate(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (text[i] < '0' || text[i] > '9') return false;
    }
    const int month = std::stoi(text.substr(5, 2));
    const int day = std::stoi(text.substr(8, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }

  static bool HasType(const nlohmann::json& value, const std::string& type) {
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "string") return value.is_string();
    if (type == "integer") return value.is_number_integer();
    if (type == "number") return value.is_number();
    if (type == "boolean") return value.is_boolean();
    return false;  // an unknown type name matches nothing, so it shows
  }

  static std::string Describe(const nlohmann::json& value) {
    const std::string text = value.dump();
    return std::string(value.type_name()) + " " + (text.size() > 60 ? text.substr(0, 60) : text);
  }

  nlohmann::json document_;
};

}  // namespace tollgate::testing

#include "rules/json_reader.h"

namespace tollgate::rules::internal {

void Fail(const std::string& file, const std::string& path, const std::string& message) {
  throw RuleDataError(file + ": " + (path.empty() ? "/" : path) + ": " + message);
}

JsonObject::JsonObject(const nlohmann::json& json, std::string file, std::string path)
    : json_(json), file_(std::move(file)), path_(std::move(path)) {
  if (!json_.is_object()) Fail(file_, path_, "expected an object");
}

void JsonObject::FailAt(std::string_view key, const std::string& message) const {
  Fail(file_, PathOf(key), message);
}

const nlohmann::json* JsonObject::Find(std::string_view key) {
  seen_.emplace(key);
  auto it = json_.find(std::string(key));
  if (it == json_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool JsonObject::Has(std::string_view key) const {
  auto it = json_.find(std::string(key));
  return it != json_.end() && !it->is_null();
}

std::string JsonObject::RequiredString(std::string_view key) {
  std::string value = OptionalString(key);
  if (value.empty()) FailAt(key, Has(key) ? "must not be empty" : "missing required field");
  return value;
}

std::string JsonObject::OptionalString(std::string_view key) {
  const nlohmann::json* value = Find(key);
  if (value == nullptr) return "";
  if (!value->is_string()) FailAt(key, "expected a string");
  return value->get<std::string>();
}

bool JsonObject::OptionalBool(std::string_view key, bool fallback) {
  const nlohmann::json* value = Find(key);
  if (value == nullptr) return fallback;
  if (!value->is_boolean()) FailAt(key, "expected true or false");
  return value->get<bool>();
}

double JsonObject::RequiredNumber(std::string_view key) {
  const nlohmann::json* value = Find(key);
  if (value == nullptr) FailAt(key, "missing required field");
  if (!value->is_number()) FailAt(key, "expected a number");
  return value->get<double>();
}

std::vector<std::string> JsonObject::StringArray(std::string_view key, bool required) {
  const nlohmann::json* value = Find(key);
  if (value == nullptr) {
    if (required) FailAt(key, "missing required array");
    return {};
  }
  if (!value->is_array()) FailAt(key, "expected an array of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const auto& element = (*value)[i];
    if (!element.is_string() || element.get<std::string>().empty()) {
      Fail(file_, PathOf(key) + "/" + std::to_string(i), "expected a non-empty string");
    }
    out.push_back(element.get<std::string>());
  }
  return out;
}

std::optional<Date> JsonObject::OptionalDate(std::string_view key) {
  const nlohmann::json* value = Find(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) FailAt(key, "expected a date string YYYY-MM-DD");
  auto date = Date::Parse(value->get<std::string>());
  if (!date.ok()) FailAt(key, date.error().message);
  return *date;
}

JsonObject JsonObject::Object(std::string_view key) {
  const nlohmann::json* value = Find(key);
  if (value == nullptr) FailAt(key, "missing required object");
  return JsonObject(*value, file_, PathOf(key));
}

DateRange JsonObject::InlineRange(bool from_required) {
  DateRange range;
  range.from = OptionalDate("from");
  range.to = OptionalDate("to");
  if (from_required && !range.from) FailAt("from", "missing required date");
  if (range.from && range.to && *range.to < *range.from) {
    FailAt("to",
           "ends (" + range.to->ToString() + ") before it starts (" + range.from->ToString() + ")");
  }
  return range;
}

DateRange JsonObject::Effective() {
  JsonObject effective = Object("effective");
  DateRange range = effective.InlineRange(false);
  effective.Finish();
  return range;
}

Provenance JsonObject::ReadProvenance() {
  Provenance provenance;
  if (!Has("citation")) FailAt("citation", "missing citation: every fact needs one");
  provenance.citation = RequiredString("citation");
  provenance.check = OptionalBool("check", false);
  provenance.note = OptionalString("note");
  if (provenance.check && provenance.note.empty()) {
    FailAt("note", "a fact marked \"check\" needs a note saying what to verify");
  }
  return provenance;
}

void JsonObject::Finish() const {
  for (auto it = json_.begin(); it != json_.end(); ++it) {
    if (!seen_.contains(it.key())) FailAt(it.key(), "unknown field \"" + it.key() + "\"");
  }
}

}  // namespace tollgate::rules::internal

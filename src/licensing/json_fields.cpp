#include "licensing/json_fields.h"

namespace tollgate::licensing::internal {

using nlohmann::json;

JsonFields::JsonFields(const json& value, std::string path) : json_(value), path_(std::move(path)) {
  if (!json_.is_object()) {
    throw JsonFieldError((path_.empty() ? "/" : path_) + ": expected an object");
  }
}

std::string JsonFields::PathOf(std::string_view key) const {
  return path_ + "/" + std::string(key);
}

void JsonFields::Fail(std::string_view key, const std::string& message) const {
  throw JsonFieldError(PathOf(key) + ": " + message);
}

const json* JsonFields::Find(std::string_view key) {
  read_.emplace(key);
  auto it = json_.find(key);
  if (it == json_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string JsonFields::String(std::string_view key, bool required) {
  const json* value = Find(key);
  if (value == nullptr) {
    if (required) Fail(key, "missing");
    return {};
  }
  if (!value->is_string()) Fail(key, "expected a string");
  return value->get<std::string>();
}

std::string JsonFields::NonEmptyString(std::string_view key) {
  std::string text = String(key, true);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) Fail(key, "must not be empty");
  return text;
}

std::int64_t JsonFields::Integer(std::string_view key, std::optional<std::int64_t> fallback) {
  const json* value = Find(key);
  if (value == nullptr) {
    if (!fallback) Fail(key, "missing");
    return *fallback;
  }
  if (!value->is_number_integer()) Fail(key, "expected an integer");
  return value->get<std::int64_t>();
}

bool JsonFields::Boolean(std::string_view key, bool fallback) {
  const json* value = Find(key);
  if (value == nullptr) return fallback;
  if (!value->is_boolean()) Fail(key, "expected true or false");
  return value->get<bool>();
}

std::optional<Date> JsonFields::OptionalDate(std::string_view key) {
  const json* value = Find(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) Fail(key, "expected a date \"YYYY-MM-DD\"");
  auto date = Date::Parse(value->get<std::string>());
  if (!date.ok()) Fail(key, date.error().message);
  return *date;
}

Date JsonFields::RequiredDate(std::string_view key) {
  auto date = OptionalDate(key);
  if (!date) Fail(key, "missing");
  return *date;
}

std::vector<std::string> JsonFields::Strings(std::string_view key) {
  const json* value = Find(key);
  std::vector<std::string> out;
  if (value == nullptr) return out;
  if (!value->is_array()) Fail(key, "expected an array of strings");
  for (std::size_t i = 0; i < value->size(); ++i) {
    if (!(*value)[i].is_string())
      Fail(std::string(key) + "/" + std::to_string(i), "expected a string");
    out.push_back((*value)[i].get<std::string>());
  }
  return out;
}

std::optional<JsonFields> JsonFields::Object(std::string_view key) {
  const json* value = Find(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_object()) Fail(key, "expected an object");
  return JsonFields(*value, PathOf(key));
}

void JsonFields::Finish() const {
  for (const auto& [key, value] : json_.items()) {
    if (read_.find(key) == read_.end()) {
      throw JsonFieldError(PathOf(key) + ": unknown field");
    }
  }
}

}  // namespace tollgate::licensing::internal

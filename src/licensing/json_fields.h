// Strict reading of licensing JSON (private to src/licensing): a JsonFields reads one
// object, remembers every key it was asked for, and Finish() refuses any other key, so
// a misspelt field is an error and not a silently dropped fact. Failures throw
// JsonFieldError carrying the JSON path ("/items/0/quantity: expected an integer");
// the public functions catch it and return an Error.
//
// Thread-safety: none needed; one reader per call.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/date.h"

namespace tollgate::licensing::internal {

class JsonFieldError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class JsonFields {
 public:
  // Throws when `value` is not an object.
  JsonFields(const nlohmann::json& value, std::string path);

  const std::string& path() const { return path_; }
  std::string PathOf(std::string_view key) const;
  [[noreturn]] void Fail(std::string_view key, const std::string& message) const;

  bool Has(std::string_view key) const { return json_.contains(key); }
  // The value at `key` (marking it read), or nullptr when absent or null.
  const nlohmann::json* Find(std::string_view key);

  std::string String(std::string_view key, bool required);  // "" when absent
  std::string NonEmptyString(std::string_view key);         // required, not blank
  std::int64_t Integer(std::string_view key, std::optional<std::int64_t> fallback);
  bool Boolean(std::string_view key, bool fallback);
  std::optional<Date> OptionalDate(std::string_view key);
  Date RequiredDate(std::string_view key);
  std::vector<std::string> Strings(std::string_view key);  // [] when absent
  // An array of objects: `each(fields, index)` for every element, each finished after.
  template <typename F>
  void ForEach(std::string_view key, F each);
  // A nested object, or nullopt when absent or null; the caller finishes it.
  std::optional<JsonFields> Object(std::string_view key);

  // Throws on the first key never asked for.
  void Finish() const;

 private:
  const nlohmann::json& json_;
  std::string path_;
  std::set<std::string, std::less<>> read_;
};

template <typename F>
void JsonFields::ForEach(std::string_view key, F each) {
  const nlohmann::json* value = Find(key);
  if (value == nullptr) return;
  if (!value->is_array()) Fail(key, "expected an array");
  for (std::size_t i = 0; i < value->size(); ++i) {
    JsonFields element((*value)[i], PathOf(key) + "/" + std::to_string(i));
    each(element, i);
    element.Finish();
  }
}

}  // namespace tollgate::licensing::internal

// Strict reading of the rules JSON files (private to src/rules). A JsonObject records
// every key it is asked for; Finish() refuses any other key, so a misspelt field is an
// error instead of a silently ignored fact. Every failure throws RuleDataError with the
// file and the JSON path; LoadRules turns it into a kParseError at the boundary.
//
// Thread-safety: none needed; used by one loader at a time.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/rules/dated.h"

namespace tollgate::rules::internal {

class RuleDataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "file: /path: message"
[[noreturn]] void Fail(const std::string& file, const std::string& path,
                       const std::string& message);

class JsonObject {
 public:
  // Fails when `json` is not an object.
  JsonObject(const nlohmann::json& json, std::string file, std::string path);

  const std::string& file() const { return file_; }
  const std::string& path() const { return path_; }
  std::string PathOf(std::string_view key) const { return path_ + "/" + std::string(key); }
  [[noreturn]] void FailAt(std::string_view key, const std::string& message) const;

  bool Has(std::string_view key) const;
  std::string RequiredString(std::string_view key);  // non-empty
  std::string OptionalString(std::string_view key);  // "" when absent
  bool OptionalBool(std::string_view key, bool fallback);
  double RequiredNumber(std::string_view key);
  std::vector<std::string> StringArray(std::string_view key, bool required);
  std::optional<Date> OptionalDate(std::string_view key);
  // An array of objects: calls `each(object)` for every element; required or absent.
  template <typename F>
  void ForEachObject(std::string_view key, bool required, F each);
  JsonObject Object(std::string_view key);  // required nested object

  // "effective": {"from": ..., "to": ...}, required; both ends optional.
  DateRange Effective();
  // "from"/"to" inline in this object (windows), `from` required when asked.
  DateRange InlineRange(bool from_required);
  // "citation" (required, non-empty), "check" (optional), "note" (required when check).
  Provenance ReadProvenance();

  // Fails on the first key that was never asked for.
  void Finish() const;

 private:
  const nlohmann::json* Find(std::string_view key);
  const nlohmann::json& json_;
  std::string file_;
  std::string path_;
  std::set<std::string, std::less<>> seen_;
};

template <typename F>
void JsonObject::ForEachObject(std::string_view key, bool required, F each) {
  const nlohmann::json* value = Find(key);
  if (value == nullptr) {
    if (required) FailAt(key, "missing required array");
    return;
  }
  if (!value->is_array()) FailAt(key, "expected an array");
  for (std::size_t i = 0; i < value->size(); ++i) {
    JsonObject element((*value)[i], file_, PathOf(key) + "/" + std::to_string(i));
    each(element);
    element.Finish();
  }
}

}  // namespace tollgate::rules::internal

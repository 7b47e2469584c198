// The JSON documents commands read from a file (a license, a shipment, a general
// license, an application form): one wording for every failure, each naming the file.
//
// Failure: kIoError when the file cannot be opened, kParseError when it is not JSON;
// an error of `convert` comes back with the file's path in front.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "tollgate/common/result.h"

namespace tollgate::cli {

Result<nlohmann::json> ReadJsonFile(const std::string& path);

// ReadJsonFile, then `convert(json)`, which returns a Result.
template <typename Convert>
auto FromJsonFile(const std::string& path, Convert&& convert)
    -> decltype(convert(std::declval<const nlohmann::json&>())) {
  auto json = ReadJsonFile(path);
  if (!json.ok()) return json.error();
  auto converted = convert(*json);
  if (!converted.ok()) {
    return MakeError(converted.error().code, path + ": " + converted.error().message);
  }
  return converted;
}

}  // namespace tollgate::cli

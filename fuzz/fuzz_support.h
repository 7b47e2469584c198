// What the fuzz targets share: the input as JSON, and the check that whatever a reader
// returns can be written as JSON (the CLI's --json and every API answer), which is
// where bad bytes that slipped through a reader used to abort the CLI (issue 11).
//
// Thread-safety: libFuzzer calls a target from one thread. Failure: a finding aborts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "tollgate/common/result.h"

namespace tollgate::fuzz {

inline std::string_view Text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The input parsed as JSON the way the adapters parse it (no exceptions), or nothing.
inline std::optional<nlohmann::json> ParseJson(const std::uint8_t* data, std::size_t size) {
  nlohmann::json json = nlohmann::json::parse(Text(data, size), nullptr, false);
  if (json.is_discarded()) return std::nullopt;
  return json;
}

// Throws (and so aborts the target) when `value` holds text that is not UTF-8.
inline void MustSerialize(const nlohmann::json& value) { (void)value.dump(); }

// An error must be an input error with a message that can be written as JSON; an
// internal error means an exception or an unhandled case inside the library.
inline void MustBeInputError(const Error& error) {
  MustSerialize(nlohmann::json(error.message));
  if (error.code == ErrorCode::kInternal) std::abort();
}

}  // namespace tollgate::fuzz

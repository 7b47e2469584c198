// The public entry points of tollgate/lists/format.h: format names, detection and
// dispatch to the reader of each format.

#include <exception>

#include "lists/formats/reader_util.h"
#include "lists/formats/readers.h"
#include "tollgate/lists/format.h"

namespace tollgate::lists {
namespace {

struct FormatInfo {
  Format format;
  const char* name;
  const char* feed;
};

constexpr FormatInfo kFormats[] = {
    {Format::kCslCsv, "csl-csv", "csl"},
    {Format::kCslJson, "csl-json", "csl"},
    {Format::kOfacSdn, "ofac-sdn", "ofac-sdn"},
    {Format::kOfacCons, "ofac-cons", "ofac-cons"},
    {Format::kUnXml, "un-xml", "un"},
    {Format::kBisDpl, "bis-dpl", "bis-dpl"},
    {Format::kStateIsn, "state-isn", "state-isn"},
    {Format::kStateDtc, "state-dtc", "state-dtc"},
};

const FormatInfo& Info(Format format) {
  for (const FormatInfo& info : kFormats) {
    if (info.format == format) return info;
  }
  return kFormats[0];
}

Result<ParsedList> Dispatch(const std::filesystem::path& path, std::string_view bytes,
                            Format format) {
  switch (format) {
    case Format::kCslCsv:
      return formats::ReadCslCsv(path, bytes);
    case Format::kCslJson:
      return formats::ReadCslJson(path, bytes);
    case Format::kOfacSdn:
    case Format::kOfacCons:
      return formats::ReadOfacLegacy(path, bytes, format);
    case Format::kUnXml:
      return formats::ReadUnXml(path, bytes);
    case Format::kBisDpl:
      return formats::ReadBisDpl(path, bytes);
    case Format::kStateIsn:
      return formats::ReadStateIsn(path, bytes);
    case Format::kStateDtc:
      return formats::ReadStateDtc(path, bytes);
  }
  return MakeError(ErrorCode::kInternal, "unhandled list format");
}

}  // namespace

Result<ParsedList> formats::ReadListBytes(const std::filesystem::path& path, std::string_view bytes,
                                          std::optional<Format> format) {
  if (!format) {
    Result<Format> detected = formats::DetectFormatOfBytes(path, bytes);
    if (!detected.ok()) return detected.error();
    format = *detected;
  }
  return Dispatch(path, bytes, *format);
}

const char* FormatName(Format format) { return Info(format).name; }

Result<Format> ParseFormat(std::string_view name) {
  std::string names;
  for (const FormatInfo& info : kFormats) {
    if (formats::EqualsNoCase(name, info.name)) return info.format;
    names += names.empty() ? "" : ", ";
    names += info.name;
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "unknown list format '" + std::string(name) + "': expected one of " + names);
}

const char* FeedOf(Format format) { return Info(format).feed; }

Result<Format> DetectFormat(const std::filesystem::path& path) {
  Result<std::string> bytes = formats::ReadFileBytes(path);
  if (!bytes.ok()) return bytes.error();
  return formats::DetectFormatOfBytes(path, *bytes);
}

Result<ParsedList> ReadListFile(const std::filesystem::path& path, std::optional<Format> format) {
  Result<std::string> bytes = formats::ReadFileBytes(path);
  if (!bytes.ok()) return bytes.error();
  // The readers report bad input as values; what may still throw (allocation, a
  // library's internal error) is turned into an Error here, at the API boundary.
  try {
    return formats::ReadListBytes(path, *bytes, format);
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kInternal, path.string() + ": reading failed: " + e.what());
  }
}

}  // namespace tollgate::lists

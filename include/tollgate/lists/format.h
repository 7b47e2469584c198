// Readers for the official restricted-list file formats. Each turns one file (and,
// for OFAC's legacy CSV set, its companion alias and address files) into ListEntry
// values, or fails with a message naming the file, the line and the field. A reader
// never returns part of a file: any malformed record fails the whole file.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/lists/entry.h"

namespace tollgate::lists {

enum class Format {
  kCslCsv,    // trade.gov Consolidated Screening List, CSV (28 or 29 columns)
  kCslJson,   // the same list as JSON ({"results": [...]} or a bare array)
  kOfacSdn,   // OFAC legacy sdn.csv (+ alt.csv, add.csv): list code SDN
  kOfacCons,  // OFAC legacy cons_prim.csv (+ cons_alt, cons_add): non-SDN lists
  kUnXml,     // UN Security Council consolidated list XML
  kBisDpl,    // BIS Denied Persons List, tab-separated with header
  kStateIsn,  // State Department nonproliferation sanctions CSV
  kStateDtc,  // State Department ITAR debarred parties CSV
};

// "csl-csv", "csl-json", "ofac-sdn", "ofac-cons", "un-xml", "bis-dpl", "state-isn",
// "state-dtc": the names `--format` accepts.
const char* FormatName(Format format);
Result<Format> ParseFormat(std::string_view name);

// The feed a format belongs to: list versions are kept per feed ("csl", "ofac-sdn",
// "ofac-cons", "un", "bis-dpl", "state-isn", "state-dtc").
const char* FeedOf(Format format);

struct ParsedList {
  Format format = Format::kCslCsv;
  std::vector<ListEntry> entries;
  std::vector<std::filesystem::path> files_read;  // the file and any companions used
  std::optional<Date> file_date;                  // a date the file states (UN dateGenerated)
  std::vector<std::string> warnings;              // e.g. "no alt.csv beside sdn.csv"
  // OFAC's legacy set: the companion files the reader looked for and did not find
  // ("ofac_alt_2024-05-01.csv"), or "alt.csv"/"add.csv" when the primary's name gives
  // no companion name. lists::PrepareImport refuses such a set unless told otherwise.
  std::vector<std::string> missing_companions;
};

// Detects the format from the content (header row, XML root, OFAC record shape), not
// the file name. Fails with kParseError when nothing fits.
Result<Format> DetectFormat(const std::filesystem::path& path);

// Reads and validates the whole file. With `format` unset, detects it first.
Result<ParsedList> ReadListFile(const std::filesystem::path& path,
                                std::optional<Format> format = std::nullopt);

}  // namespace tollgate::lists

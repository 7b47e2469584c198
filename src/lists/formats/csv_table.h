// CSV files with a header row (CSL, BIS DPL, State ISN and DTC): columns are found by
// their header name, so a file whose columns moved still reads, and a file that lacks
// a column the reader needs is refused by name.
//
// Thread-safety: one instance per reader.
// Failure: ReadHeader fails with kParseError "FILE:1: field NAME: missing column".
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/csv.h"
#include "tollgate/common/result.h"

namespace tollgate::lists::formats {

struct ColumnSpec {
  std::string_view name;  // header text, compared without case and surrounding spaces
  bool required = true;
};

// The UTF-8 text of a CSV list file with a header row (DecodeText, TextEncoding::kUtf8).
// A byte that is not UTF-8 is refused as "FILE:LINE: field NAME: byte 0xFF at character
// N is not UTF-8", NAME from the header row; other failures as DecodeText reports them.
Result<std::string> DecodeCsvText(std::string_view bytes, const std::string& source,
                                  char delimiter = ',');

class CsvTable {
 public:
  static constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);

  explicit CsvTable(CsvReader& csv) : csv_(csv) {}

  // Reads the header row: every later record must have as many fields; column k of
  // `columns` is at index(k) (kAbsent for an optional column the file lacks).
  Status ReadHeader(std::span<const ColumnSpec> columns);

  std::size_t index(std::size_t k) const { return indexes_[k]; }
  bool has(std::size_t k) const { return indexes_[k] != kAbsent; }
  // The field for column k of the current record; "" when the column is absent.
  const std::string& get(std::size_t k) const;
  // A field error for column k of the current record, named as in the header.
  Error FieldError(std::size_t k, std::string_view what) const;

 private:
  CsvReader& csv_;
  std::vector<std::size_t> indexes_;
  std::string empty_;
};

}  // namespace tollgate::lists::formats

// CsvReader: a strict RFC 4180 reader for the official list files. Quoted fields may
// hold delimiters, doubled quotes and line breaks; records end with LF or CRLF; the
// last record may lack a line break; empty lines between records are skipped. A
// tab-separated mode (same quoting rules) reads the BIS Denied Persons List.
//
// It refuses what RFC 4180 does not allow rather than guessing, because a guess on a
// truncated or corrupted list file would silently drop or merge restricted parties:
// a quote inside an unquoted field, text after a closing quote, a bare CR, a file
// that ends inside a quoted field, and (when set) a record with the wrong number of
// fields. Messages have the form "SOURCE:LINE: field NAME: what is wrong".
//
// The reader does not own the text and keeps no copy of it; the fields of the current
// record are reused between records to avoid allocating per field.
//
// Thread-safety: one reader per thread; distinct readers share nothing.
// Failure: Next() returns an Error with ErrorCode::kParseError on malformed input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/result.h"

namespace tollgate {

struct CsvOptions {
  char delimiter = ',';  // '\t' for tab-separated files
  // When non-zero, every record must have exactly this many fields.
  std::size_t expected_fields = 0;
};

class CsvReader {
 public:
  // `text` must outlive the reader. `source` names the input in messages (a path).
  CsvReader(std::string_view text, std::string source, CsvOptions options = {});

  // Names of the columns, used in messages (from a header row or a documented
  // layout). A column without a name is called "column N" (1-based).
  void SetColumnNames(std::vector<std::string> names);
  void SetExpectedFields(std::size_t count) { options_.expected_fields = count; }

  // Reads the next record: true when one was read, false at the end of the input.
  Result<bool> Next();

  std::size_t size() const { return count_; }
  // Field `i` of the current record, unescaped; i < size().
  const std::string& field(std::size_t i) const { return fields_[i]; }
  // 1-based line on which the current record starts, and on which field `i` starts.
  int line() const { return record_line_; }
  int field_line(std::size_t i) const { return field_lines_[i]; }
  // False when the current record ended at the end of the input without a line break:
  // for formats whose files always end with one, the sign of a truncated file.
  bool ended_with_line_break() const { return ended_with_line_break_; }

  const std::string& source() const { return source_; }
  std::string ColumnName(std::size_t i) const;
  // "SOURCE:LINE: field NAME: what", for a problem with field `i` of the current
  // record found by the caller (an invalid date, an empty name, ...).
  Error FieldError(std::size_t i, std::string_view what) const;
  // "SOURCE:LINE: what", for a problem with the current record as a whole.
  Error RecordError(std::string_view what) const;

 private:
  Error ErrorAt(int line, std::size_t column, std::string_view what) const;
  std::string& NewField();

  std::string_view text_;
  std::string source_;
  CsvOptions options_;
  std::vector<std::string> column_names_;
  std::size_t pos_ = 0;
  int line_ = 1;  // line at pos_
  int record_line_ = 0;
  std::vector<std::string> fields_;  // capacity kept between records
  std::vector<int> field_lines_;
  std::size_t count_ = 0;  // fields in the current record
  bool ended_with_line_break_ = false;
};

}  // namespace tollgate

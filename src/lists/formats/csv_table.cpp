#include "lists/formats/csv_table.h"

#include "lists/formats/reader_util.h"

namespace tollgate::lists::formats {
namespace {

// The field of the first byte that is not UTF-8, found by reading the raw bytes as CSV
// (the delimiters, quotes and line breaks are ASCII, so a stray byte cannot move them);
// `fallback` when the CSV itself is malformed before it.
Error Utf8FieldError(std::string_view bytes, const std::string& source, char delimiter,
                     Error fallback) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  CsvReader csv(bytes, source, {.delimiter = delimiter});
  bool header = true;
  while (true) {
    Result<bool> next = csv.Next();
    if (!next.ok() || !*next) return fallback;
    for (std::size_t i = 0; i < csv.size(); ++i) {
      if (std::size_t bad = FirstInvalidUtf8(csv.field(i)); bad != std::string_view::npos) {
        return csv.FieldError(i, InvalidUtf8What(csv.field(i), bad) +
                                     " (list files of this format are read as UTF-8)");
      }
    }
    if (header) {
      std::vector<std::string> names;
      for (std::size_t i = 0; i < csv.size(); ++i) names.push_back(CleanText(csv.field(i)));
      csv.SetColumnNames(std::move(names));
      header = false;
    }
  }
}

}  // namespace

Result<std::string> DecodeCsvText(std::string_view bytes, const std::string& source,
                                  char delimiter) {
  Result<std::string> text = DecodeText(bytes, source, TextEncoding::kUtf8);
  const bool utf16 = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
  if (text.ok() || utf16 || FirstInvalidUtf8(bytes) == std::string_view::npos) return text;
  return Utf8FieldError(bytes, source, delimiter, text.error());
}

Status CsvTable::ReadHeader(std::span<const ColumnSpec> columns) {
  Result<bool> header = csv_.Next();
  if (!header.ok()) return header.error();
  if (!*header) {
    return MakeError(ErrorCode::kParseError, csv_.source() + ":1: the file is empty");
  }
  std::vector<std::string> names;
  for (std::size_t i = 0; i < csv_.size(); ++i) names.push_back(CleanText(csv_.field(i)));
  indexes_.assign(columns.size(), kAbsent);
  for (std::size_t k = 0; k < columns.size(); ++k) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (EqualsNoCase(names[i], columns[k].name)) {
        indexes_[k] = i;
        break;
      }
    }
    if (indexes_[k] == kAbsent && columns[k].required) {
      return FieldParseError(csv_.source(), csv_.line(), columns[k].name,
                             "missing column in the header row");
    }
  }
  csv_.SetExpectedFields(names.size());
  csv_.SetColumnNames(std::move(names));
  return Status();
}

const std::string& CsvTable::get(std::size_t k) const {
  return indexes_[k] == kAbsent ? empty_ : csv_.field(indexes_[k]);
}

Error CsvTable::FieldError(std::size_t k, std::string_view what) const {
  return csv_.FieldError(indexes_[k] == kAbsent ? csv_.size() : indexes_[k], what);
}

}  // namespace tollgate::lists::formats

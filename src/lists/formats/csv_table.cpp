#include "lists/formats/csv_table.h"

#include "lists/formats/reader_util.h"

namespace tollgate::lists::formats {

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

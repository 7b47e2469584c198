#include "tollgate/common/csv.h"

#include <algorithm>
#include <utility>

namespace tollgate {

CsvReader::CsvReader(std::string_view text, std::string source, CsvOptions options)
    : text_(text), source_(std::move(source)), options_(options) {}

void CsvReader::SetColumnNames(std::vector<std::string> names) { column_names_ = std::move(names); }

std::string CsvReader::ColumnName(std::size_t i) const {
  if (i < column_names_.size() && !column_names_[i].empty()) return column_names_[i];
  return "column " + std::to_string(i + 1);
}

Error CsvReader::ErrorAt(int line, std::size_t column, std::string_view what) const {
  return MakeError(ErrorCode::kParseError, source_ + ":" + std::to_string(line) + ": field " +
                                               ColumnName(column) + ": " + std::string(what));
}

Error CsvReader::FieldError(std::size_t i, std::string_view what) const {
  return ErrorAt(i < count_ ? field_lines_[i] : record_line_, i, what);
}

Error CsvReader::RecordError(std::string_view what) const {
  return MakeError(ErrorCode::kParseError,
                   source_ + ":" + std::to_string(record_line_) + ": " + std::string(what));
}

std::string& CsvReader::NewField() {
  if (count_ == fields_.size()) {
    fields_.emplace_back();
    field_lines_.push_back(0);
  }
  field_lines_[count_] = line_;
  std::string& field = fields_[count_++];
  field.clear();
  return field;
}

Result<bool> CsvReader::Next() {
  const std::size_t size = text_.size();
  const char delimiter = options_.delimiter;
  count_ = 0;
  // Blank lines carry no record; files often end with one.
  while (pos_ < size) {
    if (text_[pos_] == '\n') {
      ++pos_;
      ++line_;
    } else if (text_[pos_] == '\r' && pos_ + 1 < size && text_[pos_ + 1] == '\n') {
      pos_ += 2;
      ++line_;
    } else {
      break;
    }
  }
  if (pos_ >= size) return false;
  record_line_ = line_;

  bool end_of_record = false;
  ended_with_line_break_ = true;
  while (!end_of_record) {
    std::string& field = NewField();
    const std::size_t column = count_ - 1;
    if (pos_ < size && text_[pos_] == '"') {
      const int start_line = line_;
      ++pos_;
      while (true) {
        std::size_t quote = text_.find('"', pos_);
        if (quote == std::string_view::npos) {
          return ErrorAt(start_line, column,
                         "unterminated quoted field (the input ends inside it: truncated?)");
        }
        line_ += static_cast<int>(std::count(text_.begin() + pos_, text_.begin() + quote, '\n'));
        field.append(text_.data() + pos_, quote - pos_);
        pos_ = quote + 1;
        if (pos_ < size && text_[pos_] == '"') {  // "" stands for one quote
          field.push_back('"');
          ++pos_;
          continue;
        }
        break;
      }
      if (pos_ >= size) {
        end_of_record = true;
        ended_with_line_break_ = false;
      } else if (text_[pos_] == delimiter) {
        ++pos_;
      } else if (text_[pos_] == '\n') {
        ++pos_;
        ++line_;
        end_of_record = true;
      } else if (text_[pos_] == '\r' && pos_ + 1 < size && text_[pos_ + 1] == '\n') {
        pos_ += 2;
        ++line_;
        end_of_record = true;
      } else {
        return ErrorAt(line_, column, "unexpected text after the closing quote");
      }
      continue;
    }

    const std::size_t start = pos_;
    while (pos_ < size) {
      char c = text_[pos_];
      if (c == delimiter || c == '\n' || c == '\r' || c == '"') break;
      ++pos_;
    }
    field.assign(text_.data() + start, pos_ - start);
    if (pos_ >= size) {
      end_of_record = true;
      ended_with_line_break_ = false;
    } else if (text_[pos_] == delimiter) {
      ++pos_;
    } else if (text_[pos_] == '\n') {
      ++pos_;
      ++line_;
      end_of_record = true;
    } else if (text_[pos_] == '\r') {
      if (pos_ + 1 >= size || text_[pos_ + 1] != '\n') {
        return ErrorAt(line_, column, "carriage return without a line feed outside quotes");
      }
      pos_ += 2;
      ++line_;
      end_of_record = true;
    } else {
      return ErrorAt(line_, column, "quote inside an unquoted field");
    }
  }

  const std::size_t expected = options_.expected_fields;
  if (expected != 0 && count_ != expected) {
    std::string counts = "the record has " + std::to_string(count_) + " fields, expected " +
                         std::to_string(expected);
    if (count_ < expected) return ErrorAt(record_line_, count_, "missing (" + counts + ")");
    return ErrorAt(record_line_, expected, "unexpected extra field (" + counts + ")");
  }
  return true;
}

}  // namespace tollgate

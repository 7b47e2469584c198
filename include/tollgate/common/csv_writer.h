// One CSV cell for a file someone opens in a spreadsheet (RFC 4180 quoting), safe
// against formula injection: a cell whose text starts with =, +, -, @, a tab or a CR
// is read as a formula by Excel, LibreOffice and Google Sheets, so text from users
// (an applicant's name, a control number) could run =HYPERLINK(...) on oversight's
// machine. Such a cell gets a leading apostrophe, which spreadsheets show as text;
// plain numbers ("-3", "+1.5") are left as numbers.
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace tollgate {

std::string CsvCell(std::string_view text);

}  // namespace tollgate

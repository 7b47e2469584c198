// Bad bytes in a list file (issue 11, item 11): every reader of a UTF-8 format refuses a
// byte that is not UTF-8, naming the file, the line or record, and the field; a number
// beyond double range is a parse error, not an exception. The inputs are the real list
// files of ../shared/data with one defect written into a copy.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "lists/formats/test_files.h"
#include "tollgate/lists/format.h"

namespace tollgate::lists {
namespace {

using ::testing::HasSubstr;
using testing::ReadAll;
using testing::SharedList;
using testing::TempDir;

// `text` with `insert` written just after the first `anchor`.
std::string InsertAfter(std::string text, std::string_view anchor, std::string_view insert) {
  const std::size_t at = text.find(anchor);
  EXPECT_NE(at, std::string::npos) << anchor;
  if (at != std::string::npos) text.insert(at + anchor.size(), insert);
  return text;
}

Error ReadFailure(const std::filesystem::path& path) {
  Result<ParsedList> parsed = ReadListFile(path);
  EXPECT_FALSE(parsed.ok()) << path << " was read although it holds a byte that is not UTF-8";
  return parsed.ok() ? Error{} : parsed.error();
}

TEST(BadBytesTest, ALatin1NameInTheUnListIsRefusedByRecordAndField) {
  TempDir dir;
  const std::string real = ReadAll(SharedList("un_consolidated_2026-02.xml"));
  // "SADDAM" with a Latin-1 e-acute (0xE9), as a file saved in the wrong encoding has it.
  const auto path = dir.Write("un.xml", InsertAfter(real, "<FIRST_NAME>SADDAM", "\xE9"));
  const Error error = ReadFailure(path);
  EXPECT_EQ(error.code, ErrorCode::kParseError);
  EXPECT_THAT(error.message, HasSubstr(path.string() + ":"));
  EXPECT_THAT(error.message, HasSubstr(": INDIVIDUAL IQi.001: field FIRST_NAME: byte 0xE9 at "
                                       "character 7 is not UTF-8"));
}

TEST(BadBytesTest, AnArabicOriginalScriptNameCutShortIsRefused) {
  TempDir dir;
  std::string text = ReadAll(SharedList("un_consolidated_2026-02.xml"));
  // The last letter of the first NAME_ORIGINAL_SCRIPT loses its second byte.
  const std::size_t end = text.find("</NAME_ORIGINAL_SCRIPT>");
  ASSERT_NE(end, std::string::npos);
  text.erase(end - 1, 1);
  const auto path = dir.Write("un.xml", text);
  const Error error = ReadFailure(path);
  EXPECT_EQ(error.code, ErrorCode::kParseError);
  const int line = testing::LineOf(text, end);
  EXPECT_THAT(error.message, HasSubstr(path.string() + ":" + std::to_string(line) + ": "));
  EXPECT_THAT(error.message, HasSubstr("field NAME_ORIGINAL_SCRIPT: byte 0x"));
  EXPECT_THAT(error.message, HasSubstr("is not UTF-8"));
}

TEST(BadBytesTest, AnInvalidUtf8CslCsvIsRefusedNotReadAsLatin1) {
  TempDir dir;
  const std::string real = ReadAll(SharedList("csl_sample_2019.csv"));
  // The issue's damaged entry: a UTF-16 byte order mark left in front of a name.
  std::string text = real;
  const std::size_t row = text.find('\n') + 1;
  text.insert(row, "\xFF\xFE");
  const auto path = dir.Write("csl.csv", text);
  const Error error = ReadFailure(path);
  EXPECT_EQ(error.code, ErrorCode::kParseError);
  EXPECT_EQ(error.message, path.string() +
                               ":2: field source: byte 0xFF at character 1 is not UTF-8 (list "
                               "files of this format are read as UTF-8)");
}

TEST(BadBytesTest, EveryUtf8CsvReaderNamesTheFieldOfABadByte) {
  // The first text of line 3 of each file gets a stray 0x92 (cp1252's right quote).
  for (const char* file : {"csl_sample_2025.csv", "bis_dpl_2022-09.txt", "state_isn_2019.csv",
                           "state_dtc_debarred_2018-01-24.csv"}) {
    TempDir dir;
    std::string text = ReadAll(SharedList(file));
    const std::size_t line2 = text.find('\n') + 1;
    const std::size_t line3 = text.find('\n', line2) + 1;
    ASSERT_LT(line3, text.size()) << file;
    text.insert(line3 + 1, "\x92");
    const auto path = dir.Write(file, text);
    const Error error = ReadFailure(path);
    EXPECT_EQ(error.code, ErrorCode::kParseError) << file;
    EXPECT_THAT(error.message, HasSubstr(path.string() + ":3: field ")) << file;
    EXPECT_THAT(error.message, HasSubstr(": byte 0x92 at character ")) << file;
  }
}

TEST(BadBytesTest, OfacLegacyFilesAreReadAsWindows1252AsOfacWritesThem) {
  // The one stated repair: OFAC's legacy CSV is cp1252, so 0xE9 is an e-acute there.
  TempDir dir;
  std::string text = ReadAll(SharedList("ofac_sdn_2024-05-01.csv"));
  const std::size_t comma = text.find(",\"");
  ASSERT_NE(comma, std::string::npos);
  text.insert(comma + 2, "\xE9");
  const auto path = dir.Write("sdn.csv", text);
  Result<ParsedList> parsed = ReadListFile(path, Format::kOfacSdn);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->entries.front().name.rfind("\xC3\xA9", 0), 0u) << parsed->entries.front().name;
}

TEST(BadBytesTest, ACslJsonNumberBeyondDoubleRangeIsAParseError) {
  TempDir dir;
  const auto path = dir.Write("csl.json", R"json({"results": [
  {"source": "Entity List (EL) - Bureau of Industry and Security", "name": "Huawei",
   "gross_tonnage": 1e400}]})json");
  const Error error = ReadFailure(path);
  EXPECT_EQ(error.code, ErrorCode::kParseError);
  EXPECT_EQ(error.message, path.string() +
                               ":3: field gross_tonnage: number overflow parsing '1e400' "
                               "(beyond the range of a double)");
}

TEST(BadBytesTest, ACslJsonStringThatIsNotUtf8NamesItsKey) {
  TempDir dir;
  const auto path = dir.Write("csl.json",
                              "{\"results\": [\n  {\"source\": \"EL\",\n"
                              "   \"name\": \"\xFF\xFESHINING PATH\"}]}");
  const Error error = ReadFailure(path);
  EXPECT_EQ(error.code, ErrorCode::kParseError);
  EXPECT_THAT(error.message, HasSubstr(path.string() + ":3: field name: invalid JSON:"));
  // The message quotes the input: it must still be writable as JSON (API answers).
  EXPECT_NO_THROW((void)nlohmann::json(error.message).dump()) << error.message;
}

}  // namespace
}  // namespace tollgate::lists

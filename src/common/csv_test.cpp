#include "tollgate/common/csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace tollgate {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Every record of `text`, or the error message of the first malformed one.
struct Parsed {
  std::vector<std::vector<std::string>> records;
  std::vector<int> lines;
  std::string error;
};

Parsed ParseAll(std::string_view text, CsvOptions options = {},
                std::vector<std::string> names = {}) {
  Parsed out;
  CsvReader reader(text, "in.csv", options);
  reader.SetColumnNames(std::move(names));
  while (true) {
    Result<bool> next = reader.Next();
    if (!next.ok()) {
      EXPECT_EQ(next.error().code, ErrorCode::kParseError);
      out.error = next.error().message;
      return out;
    }
    if (!*next) return out;
    std::vector<std::string> record;
    for (std::size_t i = 0; i < reader.size(); ++i) record.push_back(reader.field(i));
    out.records.push_back(std::move(record));
    out.lines.push_back(reader.line());
  }
}

TEST(CsvReaderTest, ReadsPlainAndQuotedFields) {
  Parsed p = ParseAll("a,b,c\n1,\"two, too\",3\n");
  ASSERT_EQ(p.error, "");
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_THAT(p.records[0], ElementsAre("a", "b", "c"));
  EXPECT_THAT(p.records[1], ElementsAre("1", "two, too", "3"));
}

TEST(CsvReaderTest, UnescapesDoubledQuotesAndKeepsEmbeddedLineBreaks) {
  Parsed p = ParseAll("x,\"say \"\"hi\"\"\"\r\ny,\"line one\r\nline two\"\r\nz,end\r\n");
  ASSERT_EQ(p.error, "");
  ASSERT_EQ(p.records.size(), 3u);
  EXPECT_THAT(p.records[0], ElementsAre("x", "say \"hi\""));
  EXPECT_THAT(p.records[1], ElementsAre("y", "line one\r\nline two"));
  EXPECT_THAT(p.records[2], ElementsAre("z", "end"));
  // A record that spans lines moves the line count on: the third record is on line 4.
  EXPECT_THAT(p.lines, ElementsAre(1, 2, 4));
}

TEST(CsvReaderTest, KeepsEmptyFieldsAndAcceptsAMissingFinalLineBreak) {
  Parsed p = ParseAll(",,\n\"\",x,");
  ASSERT_EQ(p.error, "");
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_THAT(p.records[0], ElementsAre("", "", ""));
  EXPECT_THAT(p.records[1], ElementsAre("", "x", ""));
}

TEST(CsvReaderTest, SkipsBlankLinesButCountsThem) {
  Parsed p = ParseAll("a\n\r\n\nb\n\n");
  ASSERT_EQ(p.error, "");
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_THAT(p.lines, ElementsAre(1, 4));
}

TEST(CsvReaderTest, TabSeparatedModeSplitsOnTabsOnly) {
  Parsed p = ParseAll("\"Name\"\t\"City, State\"\n\"A, B\"\tX\n", {.delimiter = '\t'});
  ASSERT_EQ(p.error, "");
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_THAT(p.records[0], ElementsAre("Name", "City, State"));
  EXPECT_THAT(p.records[1], ElementsAre("A, B", "X"));
}

TEST(CsvReaderTest, RefusesAFileThatEndsInsideAQuotedField) {
  Parsed p = ParseAll("id,name,remarks\n1,\"ACME\",\"cut here\nand the rest", {},
                      {"id", "name", "remarks"});
  EXPECT_EQ(p.records.size(), 1u);
  EXPECT_EQ(p.error,
            "in.csv:2: field remarks: unterminated quoted field (the input ends inside it: "
            "truncated?)");
}

TEST(CsvReaderTest, RefusesAQuoteInsideAnUnquotedField) {
  Parsed p = ParseAll("a,b\n1,x\"y\n");
  EXPECT_EQ(p.error, "in.csv:2: field column 2: quote inside an unquoted field");
}

TEST(CsvReaderTest, RefusesTextAfterAClosingQuote) {
  Parsed p = ParseAll("\"a\"b,c\n", {}, {"name", "city"});
  EXPECT_EQ(p.error, "in.csv:1: field name: unexpected text after the closing quote");
}

TEST(CsvReaderTest, RefusesABareCarriageReturn) {
  Parsed p = ParseAll("a,b\rc\n");
  EXPECT_THAT(p.error, HasSubstr("in.csv:1: field column 2: carriage return"));
}

TEST(CsvReaderTest, ChecksTheNumberOfFieldsAndNamesTheMissingOne) {
  Parsed p = ParseAll("1,2,3\n4,5\n", {.expected_fields = 3}, {"ent_num", "name", "type"});
  EXPECT_EQ(p.records.size(), 1u);
  EXPECT_EQ(p.error, "in.csv:2: field type: missing (the record has 2 fields, expected 3)");

  p = ParseAll("1,2,3,4\n", {.expected_fields = 3});
  EXPECT_EQ(p.error,
            "in.csv:1: field column 4: unexpected extra field (the record has 4 fields, expected "
            "3)");
}

TEST(CsvReaderTest, FieldErrorNamesTheLineWhereTheFieldStarts) {
  CsvReader reader("a,\"multi\nline\",bad\n", "f.csv");
  reader.SetColumnNames({"first", "second", "third"});
  ASSERT_TRUE(reader.Next().value());
  EXPECT_EQ(reader.FieldError(2, "not a date").message, "f.csv:2: field third: not a date");
  EXPECT_EQ(reader.FieldError(0, "empty").message, "f.csv:1: field first: empty");
  EXPECT_EQ(reader.RecordError("duplicate").message, "f.csv:1: duplicate");
}

TEST(CsvReaderTest, TellsWhetherARecordEndedWithALineBreak) {
  CsvReader reader("a,b\r\nc,d", "f.csv");
  ASSERT_TRUE(reader.Next().value());
  EXPECT_TRUE(reader.ended_with_line_break());
  ASSERT_TRUE(reader.Next().value());
  EXPECT_FALSE(reader.ended_with_line_break());
}

// Writes records as RFC 4180 says, quoting where needed and sometimes where not.
std::string Encode(const std::vector<std::vector<std::string>>& records, std::mt19937& rng) {
  std::string out;
  for (const auto& record : records) {
    for (std::size_t i = 0; i < record.size(); ++i) {
      if (i > 0) out += ',';
      const std::string& f = record[i];
      bool quote = f.find_first_of(",\"\r\n") != std::string::npos || f.empty() || rng() % 4 == 0;
      if (!quote) {
        out += f;
        continue;
      }
      out += '"';
      for (char c : f) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    out += rng() % 2 ? "\r\n" : "\n";
  }
  return out;
}

TEST(CsvReaderTest, RandomRecordsRoundTrip) {
  std::mt19937 rng(20190521);
  const std::vector<std::string> pieces = {"a", "B", " ", ",", "\"", "\n", "\r\n", "é", "0"};
  for (int round = 0; round < 200; ++round) {
    std::vector<std::vector<std::string>> records(1 + rng() % 5);
    const std::size_t width = 1 + rng() % 4;
    for (auto& record : records) {
      record.resize(width);
      for (auto& field : record) {
        for (int k = rng() % 6; k > 0; --k) field += pieces[rng() % pieces.size()];
      }
    }
    // A one-column record of one empty field is an empty line, which is skipped.
    if (width == 1) {
      for (auto& record : records) record[0] += "x";
    }
    std::string text = Encode(records, rng);
    Parsed parsed = ParseAll(text, {.expected_fields = width});
    ASSERT_EQ(parsed.error, "") << text;
    ASSERT_EQ(parsed.records, records) << text;
  }
}

TEST(CsvReaderTest, DamagedInputFailsCleanlyOrParses) {
  // Truncations and byte flips of valid input must never crash or loop; whatever
  // they produce is either records or one kParseError (checked in ParseAll).
  std::mt19937 rng(84022961);
  std::vector<std::vector<std::string>> records = {
      {"36", "AEROCARIBBEAN AIRLINES", "-0- ", "CUBA"},
      {"306", "BANCO NACIONAL DE CUBA", "", "a.k.a. \"BNC\",\nmore"},
      {"424", "BOUTIQUE LA MAISON", "x", "y"}};
  const std::string text = Encode(records, rng);
  for (int round = 0; round < 300; ++round) {
    std::string damaged = text.substr(0, rng() % (text.size() + 1));
    if (!damaged.empty() && rng() % 2) damaged[rng() % damaged.size()] = "\",\r\nz"[rng() % 5];
    Parsed parsed = ParseAll(damaged, {.expected_fields = 4});
    EXPECT_LE(parsed.records.size(), records.size());
  }
}

TEST(CsvReaderTest, ReturnsFalseOnEmptyInput) {
  CsvReader reader("", "empty.csv");
  Result<bool> next = reader.Next();
  ASSERT_TRUE(next.ok());
  EXPECT_FALSE(*next);
}

}  // namespace
}  // namespace tollgate

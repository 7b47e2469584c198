#include "tollgate/common/csv_writer.h"

#include <gtest/gtest.h>

namespace tollgate {
namespace {

TEST(CsvWriterTest, QuotesDelimitersQuotesAndLineBreaks) {
  EXPECT_EQ(CsvCell("Microsoft Corporation"), "Microsoft Corporation");
  EXPECT_EQ(CsvCell("Huawei Technologies Co., Ltd."), "\"Huawei Technologies Co., Ltd.\"");
  EXPECT_EQ(CsvCell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvCell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvCell(""), "");
}

// OWASP's list of formula-leading characters; a spreadsheet shows the cell as text.
TEST(CsvWriterTest, FormulaLeadingCellsBecomeText) {
  EXPECT_EQ(CsvCell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(CsvCell("=1+2"), "'=1+2");
  EXPECT_EQ(CsvCell("+cmd"), "'+cmd");
  EXPECT_EQ(CsvCell("-2+3"), "'-2+3");
  EXPECT_EQ(CsvCell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvCell("\t=1"), "'\t=1");
  EXPECT_EQ(CsvCell("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(CsvCell("-"), "'-");
}

TEST(CsvWriterTest, NumbersStayNumbers) {
  EXPECT_EQ(CsvCell("-3"), "-3");
  EXPECT_EQ(CsvCell("+1.5"), "+1.5");
  EXPECT_EQ(CsvCell("-0.25"), "-0.25");
  EXPECT_EQ(CsvCell("12"), "12");
}

}  // namespace
}  // namespace tollgate

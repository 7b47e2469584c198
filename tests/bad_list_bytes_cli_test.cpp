// Bad bytes in a list file through the real CLI (issue 11, item 11): a UN XML with a
// Latin-1 name used to abort the CLI (exit 134) when its entries were written as JSON,
// and a CSL JSON number beyond double range escaped the reader (exit 70). Both are
// input errors now: exit 2, a message naming file, line and field, nothing stored.
#include <gtest/gtest.h>

#include "cli_runner.h"
#include "lists/formats/test_files.h"
#include "test_databases.h"

namespace tollgate::testing {
namespace {

using lists::testing::ReadAll;

class BadListBytesCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  // Imports `file` (written into the sandbox) and expects a refusal that changes nothing.
  void ExpectRefused(const std::string& name, const std::string& content,
                     const std::string& message_part) {
    auto before = cli_.Run("lists status --json");
    ASSERT_EQ(before.exit_code, 0) << before.err;
    auto path = cli_.Write(name, content);
    auto r = cli_.Run("lists import '" + path.string() + "' --as-of 2026-02-01");
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find(path.string() + ":"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(message_part), std::string::npos) << r.err;
    auto after = cli_.Run("lists status --json");
    EXPECT_EQ(after.out, before.out);
  }
  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
};

TEST_P(BadListBytesCliTest, AUnListWithALatin1NameExitsTwoNotAbort) {
  std::string text = ReadAll(SharedList("un_consolidated_2026-02.xml"));
  text.insert(text.find("<FIRST_NAME>SADDAM") + 18, "\xE9");
  ExpectRefused("un.xml", text, "INDIVIDUAL IQi.001: field FIRST_NAME: byte 0xE9");
}

TEST_P(BadListBytesCliTest, ACslJsonNumberBeyondDoubleRangeExitsTwo) {
  ExpectRefused("csl.json",
                R"({"results": [{"source": "EL", "name": "Huawei", "gross_tonnage": 1e400}]})",
                "field gross_tonnage: number overflow parsing '1e400'");
}

TEST_P(BadListBytesCliTest, ACsvListThatIsNotUtf8ExitsTwo) {
  std::string text = ReadAll(SharedList("csl_sample_2019.csv"));
  text.insert(text.find('\n') + 1, "\xFF\xFE");
  ExpectRefused("csl.csv", text, ":2: field source: byte 0xFF at character 1 is not UTF-8");
}

INSTANTIATE_TEST_SUITE_P(Backends, BadListBytesCliTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing

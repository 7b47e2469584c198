// Bad bytes in a list file uploaded to the API (issue 11, item 11): the UN XML with a
// Latin-1 name passed the reader and then made the JSON answer throw (HTTP 500). It is
// a 400 parse_error now, naming the record and the field, and the lists are unchanged.
#include <gtest/gtest.h>

#include "lists/formats/test_files.h"
#include "server_fixture.h"

namespace tollgate::testing {
namespace {

using BadListBytesApiTest = ServerFixture;

using lists::testing::ReadAll;

TEST_P(BadListBytesApiTest, AUnListWithALatin1NameIsA400NotA500) {
  const auto before = Call("root", "GET", "/api/lists/status");
  ASSERT_EQ(before.status, 200) << before.text;
  std::string text = ReadAll(SharedList("un_consolidated_2026-02.xml"));
  text.insert(text.find("<FIRST_NAME>SADDAM") + 18, "\xE9");
  auto answer = Call("root", "POST", "/api/lists/import?format=un-xml&as_of=2026-02-01&name=un.xml",
                     text, {{"Content-Type", "application/xml"}});
  EXPECT_EQ(answer.status, 400) << answer.text;
  EXPECT_EQ(answer.body.value("code", ""), "parse_error") << answer.text;
  EXPECT_NE(answer.text.find("INDIVIDUAL IQi.001: field FIRST_NAME: byte 0xE9"), std::string::npos)
      << answer.text;
  EXPECT_EQ(Call("root", "GET", "/api/lists/status").text, before.text);
}

TEST_P(BadListBytesApiTest, ACslJsonNumberBeyondDoubleRangeIsA400) {
  auto answer =
      Call("root", "POST", "/api/lists/import?format=csl-json&as_of=2026-02-01&name=c.json",
           R"({"results": [{"source": "EL", "name": "Huawei", "gross_tonnage": 1e400}]})");
  EXPECT_EQ(answer.status, 400) << answer.text;
  EXPECT_NE(answer.text.find("number overflow parsing '1e400'"), std::string::npos) << answer.text;
}

INSTANTIATE_TEST_SUITE_P(Backends, BadListBytesApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing

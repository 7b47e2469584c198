#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "test_paths.h"
#include "tollgate/lists/update.h"

namespace tollgate::lists {
namespace {

const std::filesystem::path kShippedSources =
    std::filesystem::path(TOLLGATE_SOURCE_DIR) / "data" / "sources.json";

TEST(SourcesTest, ShippedDefaultsPointAtTheOfficialFiles) {
  Result<std::vector<Source>> sources = LoadSources(kShippedSources);
  ASSERT_TRUE(sources.ok()) << sources.error().message;
  ASSERT_EQ(sources->size(), 4u);

  const Source& csl = (*sources)[0];
  EXPECT_EQ(csl.format, Format::kCslCsv);
  ASSERT_EQ(csl.files.size(), 1u);
  EXPECT_EQ(csl.files[0].url.rfind("https://data.trade.gov/", 0), 0u) << csl.files[0].url;

  // The OFAC reader finds the companions by name beside the primary file.
  const Source& sdn = (*sources)[1];
  EXPECT_EQ(sdn.format, Format::kOfacSdn);
  ASSERT_EQ(sdn.files.size(), 3u);
  EXPECT_EQ(sdn.files[0].save_as, "sdn.csv");
  EXPECT_EQ(sdn.files[1].save_as, "alt.csv");
  EXPECT_EQ(sdn.files[2].save_as, "add.csv");
  const Source& cons = (*sources)[2];
  EXPECT_EQ(cons.format, Format::kOfacCons);
  ASSERT_EQ(cons.files.size(), 3u);
  EXPECT_EQ(cons.files[0].save_as, "cons_prim.csv");
  for (const Source* ofac : {&sdn, &cons}) {
    for (const SourceFile& file : ofac->files) {
      EXPECT_EQ(file.url.rfind("https://sanctionslistservice.ofac.treas.gov/", 0), 0u) << file.url;
    }
  }

  const Source& un = (*sources)[3];
  EXPECT_EQ(un.format, Format::kUnXml);
  ASSERT_EQ(un.files.size(), 1u);
  EXPECT_EQ(un.files[0].url.rfind("https://scsanctions.un.org/", 0), 0u) << un.files[0].url;
  EXPECT_EQ(un.files[0].save_as, "consolidated.xml");
}

TEST(SourcesTest, SaveAsDefaultsToTheLastSegmentOfTheUrlPath) {
  Result<std::vector<Source>> sources = ParseSources(
      R"({"sources": [{"name": "un", "format": "un-xml",
          "url": "https://example.org/resources/xml/en/consolidated.xml?lang=en#top"}]})",
      "test.json");
  ASSERT_TRUE(sources.ok()) << sources.error().message;
  EXPECT_EQ((*sources)[0].files[0].save_as, "consolidated.xml");
}

// The OFAC reader matches "sdn"/"prim" in any case and names the companions in the
// same case, so the files may keep the Sanctions List Service's upper-case names.
TEST(SourcesTest, OfacFilesMayKeepTheirUpperCaseNames) {
  Result<std::vector<Source>> sources = ParseSources(
      R"({"sources": [{"name": "cons", "format": "ofac-cons", "files": [
          {"url": "https://x.org/CONS_PRIM.CSV"}, {"url": "https://x.org/CONS_ALT.CSV"},
          {"url": "https://x.org/CONS_ADD.CSV"}]}]})",
      "test.json");
  ASSERT_TRUE(sources.ok()) << sources.error().message;
  EXPECT_EQ((*sources)[0].files[2].save_as, "CONS_ADD.CSV");
}

struct BadConfig {
  const char* json;
  std::vector<const char*> expected;  // all must appear in the message
};

TEST(SourcesTest, InvalidConfigurationsSayWhatIsWrongAndWhere) {
  const std::vector<BadConfig> cases = {
      {R"({"sources": [{"name": "un", "format": "un-xmll", "url": "https://x.org/c.xml"}]})",
       {"test.json: sources[0] (\"un\")", "'un-xmll'", "un-xml"}},
      {R"({"sources": [{"name": "un", "format": "un-xml"}]})",
       {"sources[0] (\"un\")", "missing \"url\""}},
      {R"({"sources": [{"name": "sdn", "format": "ofac-sdn", "files": [{"save_as": "sdn.csv"}]}]})",
       {"sources[0] (\"sdn\"): files[0]", "missing \"url\""}},
      {R"({"sources": [{"format": "un-xml", "url": "https://x.org/c.xml"}]})",
       {"sources[0]", "missing \"name\""}},
      {R"({"sources": [{"name": "un", "format": "un-xml", "URL": "https://x.org/c.xml"}]})",
       {"sources[0] (\"un\")", "unknown field \"URL\""}},
      {R"({"sources": [{"name": "un", "format": "un-xml", "url": "ftp://x.org/c.xml"}]})",
       {"sources[0] (\"un\")", "ftp://x.org/c.xml", "http"}},
      {R"({"sources": [{"name": "un", "format": "un-xml", "url": "https://x.org/"}]})",
       {"sources[0] (\"un\")", "https://x.org/", "save_as"}},
      {R"({"sources": [{"name": "un", "format": "un-xml",
           "files": [{"url": "https://x.org/c.xml", "save_as": "../c.xml"}]}]})",
       {"sources[0] (\"un\"): files[0]", "\"../c.xml\"", "plain file name"}},
      // Saved under the URL's own name, ALT.CSV would be invisible to the OFAC reader,
      // which would then import the SDN list without its aliases.
      {R"({"sources": [{"name": "sdn", "format": "ofac-sdn", "files": [
           {"url": "https://x.org/SDN.CSV", "save_as": "sdn.csv"},
           {"url": "https://x.org/ALT.CSV"}]}]})",
       {"sources[0] (\"sdn\"): files[1]", "\"ALT.CSV\"", "\"alt.csv\""}},
      {R"({"sources": [{"name": "cons", "format": "ofac-cons", "files": [
           {"url": "https://x.org/CONS_PRIM.CSV", "save_as": "cons.csv"}]}]})",
       {"sources[0] (\"cons\")", "\"cons.csv\"", "\"prim\""}},
      {R"({"sources": [{"name": "csl", "format": "csl-csv", "files": [
           {"url": "https://x.org/a.csv"}, {"url": "https://x.org/b.csv"}]}]})",
       {"sources[0] (\"csl\")", "csl-csv reads one file", "2"}},
      {R"({"sources": [{"name": "un", "format": "un-xml", "url": "https://x.org/a.xml"},
                       {"name": "un", "format": "un-xml", "url": "https://x.org/b.xml"}]})",
       {"sources[1] (\"un\")", "used by an earlier source"}},
      {R"({"sources": []})", {"test.json", "empty"}},
      {R"({"lists": []})", {"test.json", "\"sources\""}},
  };
  for (const BadConfig& bad : cases) {
    Result<std::vector<Source>> sources = ParseSources(bad.json, "test.json");
    ASSERT_FALSE(sources.ok()) << bad.json;
    EXPECT_EQ(sources.error().code, ErrorCode::kInvalidArgument) << bad.json;
    for (const char* expected : bad.expected) {
      EXPECT_NE(sources.error().message.find(expected), std::string::npos)
          << "expected \"" << expected << "\" in: " << sources.error().message;
    }
  }
}

TEST(SourcesTest, MalformedJsonIsAParseErrorWithItsPosition) {
  Result<std::vector<Source>> sources =
      ParseSources("{\"sources\": [\n  {\"name\": \"un\",}\n]}", "test.json");
  ASSERT_FALSE(sources.ok());
  EXPECT_EQ(sources.error().code, ErrorCode::kParseError);
  EXPECT_NE(sources.error().message.find("test.json"), std::string::npos);
  EXPECT_NE(sources.error().message.find("line 2"), std::string::npos) << sources.error().message;
}

TEST(SourcesTest, AMissingFileIsNotFoundAndNamed) {
  Result<std::vector<Source>> sources = LoadSources("/nonexistent/sources.json");
  ASSERT_FALSE(sources.ok());
  EXPECT_EQ(sources.error().code, ErrorCode::kNotFound);
  EXPECT_NE(sources.error().message.find("/nonexistent/sources.json"), std::string::npos);
}

TEST(SourcesTest, SourcesBuiltInCodeAreCheckedToo) {
  EXPECT_FALSE(ValidateSources({}).ok());
  Source un{"un", Format::kUnXml, {{"https://x.org/c.xml", "consolidated.xml"}}, ""};
  EXPECT_TRUE(ValidateSources({un}).ok());
  Status twice = ValidateSources({un, un});
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.error().message.find("\"un\""), std::string::npos);
}

// The flag beats the environment, which beats data/sources.json.
TEST(SourcesTest, ResolvesFlagThenEnvironmentThenTheShippedFile) {
  const char* saved = std::getenv(kSourcesEnvVar);
  const std::string saved_value = saved != nullptr ? saved : "";

  ::setenv(kSourcesEnvVar, "/etc/tollgate/sources.json", 1);
  EXPECT_EQ(ResolveSourcesPath(std::filesystem::path("mine.json")).value(), "mine.json");
  EXPECT_EQ(ResolveSourcesPath().value(), "/etc/tollgate/sources.json");

  ::unsetenv(kSourcesEnvVar);
  Result<std::filesystem::path> fallback = ResolveSourcesPath();
  ASSERT_TRUE(fallback.ok()) << fallback.error().message;
  EXPECT_TRUE(std::filesystem::equivalent(*fallback, kShippedSources)) << fallback->string();

  if (saved != nullptr) ::setenv(kSourcesEnvVar, saved_value.c_str(), 1);
}

}  // namespace
}  // namespace tollgate::lists

// Reading party master files: CSV and JSON, and every refusal naming the line and field.
#include "tollgate/parties/party_file.h"

#include <gtest/gtest.h>

#include <string>

namespace tollgate::parties {
namespace {

const char* kCsv =
    "external_id,name,aliases,country,address,type,date_of_birth,identifiers\n"
    "C-1,Acme Trading Ltd.,Acme;ACME HK,Hong Kong,\"1 Queen's Road, Central\",entity,,LEI:5493001\n"
    "C-2,  Jane Doe ,,gb,,individual,1961,passport:X123;tax id:GB-99\n";

TEST(PartyFileTest, ReadsCsvWithAliasesIdentifiersAndNormalizedCountries) {
  auto parties = ParsePartiesCsv(kCsv, "parties.csv");
  ASSERT_TRUE(parties.ok()) << parties.error().message;
  ASSERT_EQ(parties->size(), 2u);
  const Party& acme = (*parties)[0];
  EXPECT_EQ(acme.external_id, "C-1");
  EXPECT_EQ(acme.aliases, (std::vector<std::string>{"Acme", "ACME HK"}));
  EXPECT_EQ(acme.country, "HK");
  EXPECT_EQ(acme.address, "1 Queen's Road, Central");
  EXPECT_EQ(acme.identifiers, (std::vector<Identifier>{{"LEI", "5493001"}}));
  const Party& jane = (*parties)[1];
  EXPECT_EQ(jane.name, "Jane Doe");
  EXPECT_EQ(jane.country, "GB");
  EXPECT_EQ(jane.type, lists::EntryType::kIndividual);
  EXPECT_EQ(jane.date_of_birth, "1961");
  EXPECT_EQ(jane.identifiers, (std::vector<Identifier>{{"passport", "X123"}, {"tax id", "GB-99"}}));
}

TEST(PartyFileTest, ABadLineRefusesTheFileNamingLineAndField) {
  std::string csv = "external_id,name,country\n";
  for (int i = 2; i < 1234; ++i)
    csv += "P" + std::to_string(i) + ",Party " + std::to_string(i) + ",DE\n";
  csv += "P1234,Party 1234,XX\n";
  auto parties = ParsePartiesCsv(csv, "parties.csv");
  ASSERT_FALSE(parties.ok());
  EXPECT_EQ(parties.error().code, ErrorCode::kParseError);
  EXPECT_EQ(parties.error().message.rfind("parties.csv:1234: field country: 'XX'", 0), 0u)
      << parties.error().message;
}

TEST(PartyFileTest, CsvRefusals) {
  struct Case {
    std::string text, expected;
  };
  for (const Case& c : std::vector<Case>{
           {"external_id,name\nA,B\n", "p.csv:1: field country: missing column"},
           {"external_id,name,country,adress\nA,B,DE,x\n", "p.csv:1: field adress: unknown column"},
           {"external_id,name,country\n,B,DE\n", "p.csv:2: field external_id: empty"},
           {"external_id,name,country\nA,,DE\n", "p.csv:2: field name: empty"},
           {"external_id,name,country,type\nA,B,DE,ship\n", "p.csv:2: field type: 'ship'"},
           {"external_id,name,country,date_of_birth\nA,B,DE,1961-02-30\n",
            "p.csv:2: field date_of_birth: '1961-02-30'"},
           {"external_id,name,country,identifiers\nA,B,DE,X123\n",
            "p.csv:2: field identifiers: 'X123': expected TYPE:VALUE"},
           {"external_id,name,country\nA,B,DE\nA,C,FR\n",
            "p.csv:3: field external_id: 'A' is given again (first on line 2)"},
           {"external_id,name,country\nA,B\n", "p.csv:2"},
       }) {
    auto parties = ParsePartiesCsv(c.text, "p.csv");
    ASSERT_FALSE(parties.ok()) << c.text;
    EXPECT_EQ(parties.error().message.rfind(c.expected, 0), 0u)
        << "got: " << parties.error().message << "\nexpected: " << c.expected;
  }
}

TEST(PartyFileTest, ReadsJsonAndNamesTheLineOfABadParty) {
  const std::string json = R"([
  {"external_id": "C-1", "name": "Acme Trading Ltd.", "country": "HK",
   "aliases": ["Acme"], "identifiers": [{"type": "LEI", "value": "5493001"}]},
  {"external_id": "C-2", "name": "Jane Doe", "country": "GB", "type": "individual",
   "date_of_birth": "1961-04-02"}
])";
  auto parties = ParsePartiesJson(json, "parties.json");
  ASSERT_TRUE(parties.ok()) << parties.error().message;
  ASSERT_EQ(parties->size(), 2u);
  EXPECT_EQ((*parties)[0].identifiers.front().value, "5493001");
  EXPECT_EQ((*parties)[1].date_of_birth, "1961-04-02");

  const std::string bad = R"({"parties": [
  {"external_id": "C-1", "name": "Acme", "country": "HK"},
  {"external_id": "C-2", "name": "Jane Doe",
   "country": "Atlantis"}
]})";
  auto refused = ParsePartiesJson(bad, "parties.json");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message.rfind("parties.json:3: field country: party 1: 'Atlantis'", 0),
            0u)
      << refused.error().message;

  auto unknown = ParsePartiesJson(R"([{"external_id": "A", "name": "B", "country": "DE",
    "nmae": "x"}])",
                                  "p.json");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message.rfind("p.json:1: field nmae: party 0: unknown field", 0), 0u)
      << unknown.error().message;
}

TEST(PartyFileTest, FormatFollowsTheNameThenTheText) {
  EXPECT_EQ(DetectFormat("a.json", "x"), FileFormat::kJson);
  EXPECT_EQ(DetectFormat("a.csv", "[x"), FileFormat::kCsv);
  EXPECT_EQ(DetectFormat("upload", "  [ {} ]"), FileFormat::kJson);
  EXPECT_EQ(DetectFormat("upload", "external_id,name,country"), FileFormat::kCsv);
}

}  // namespace
}  // namespace tollgate::parties

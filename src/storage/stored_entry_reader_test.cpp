// The stored entry's fast reader against the full path (nlohmann + EntryFromJson) on the
// real lists: the same values for every entry, in the stored compact form and in a
// spaced one; the full path's answer (value or error) for the rest.
#include "storage/stored_entry_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "lists/formats/test_files.h"
#include "storage/stored_rows.h"

namespace tollgate::storage {
namespace {

using lists::ListEntry;

// What the full path makes of a body: the entry or its error message.
Result<ListEntry> FullPath(std::string_view body) {
  auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return MakeError(ErrorCode::kStorageError, "not JSON");
  return lists::EntryFromJson(json);
}

void ExpectSameAsFullPath(const std::string& body) {
  auto full = FullPath(body);
  ASSERT_TRUE(full.ok()) << body;
  auto fast = ReadCanonicalEntry(body);
  ASSERT_TRUE(fast.has_value()) << body;
  EXPECT_EQ(*fast, *full) << body;
}

TEST(StoredEntryReaderTest, ReadsEveryEntryOfTheRealListsAsTheFullPathDoes) {
  std::size_t entries = 0;
  for (const char* file : {"ofac_sdn_2024-05-01.csv", "csl_sample_2025.csv", "csl_sample_2019.csv",
                           "bis_dpl_2022-09.txt"}) {
    lists::ParsedList list = lists::testing::MustRead(lists::testing::SharedList(file));
    for (const ListEntry& entry : list.entries) {
      nlohmann::json json = lists::ToJson(entry);
      ExpectSameAsFullPath(json.dump());
      ExpectSameAsFullPath(json.dump(1));  // spaces and new lines
      ++entries;
    }
  }
  EXPECT_GT(entries, 10000u);
}

TEST(StoredEntryReaderTest, ReadsEveryFieldAndEscape) {
  ListEntry entry;
  entry.list = "EL";
  entry.entry_id = "42";
  entry.type = lists::EntryType::kVessel;
  entry.name = "Quote \" back\\slash / tab\t line\n Ünïcødé 北京 𝄞";
  entry.aliases = {{"A1", lists::AliasKind::kWeak}, {"A2", lists::AliasKind::kFka}};
  entry.addresses = {{"1 Street", "City", "State", "12345", "CN", "China"}};
  entry.programs = {"P1", "P2"};
  entry.federal_register = {"84 FR 22961"};
  entry.start_date = Date::Parse("2019-05-21").value();
  entry.end_date = Date::Parse("2030-01-02").value();
  entry.license_requirement = "All items";
  entry.license_policy = "Presumption of denial";
  entry.ids = {{"IMO", "1234567", "PA"}, {"", "X", ""}};
  entry.nationalities = {"IR"};
  entry.dates_of_birth = {"1960-03-04", "1971"};
  entry.title = "Director";
  entry.remarks = "remarks\r\b\f";
  entry.source_url = "https://example.org/x";
  std::string body = lists::ToJson(entry).dump();
  auto fast = ReadCanonicalEntry(body);
  ASSERT_TRUE(fast.has_value());
  EXPECT_EQ(*fast, entry);
  auto decoded = DecodeStoredEntry(body, 1);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, entry);
}

ListEntry Minimal() {
  ListEntry entry;
  entry.list = "SDN";
  entry.entry_id = "7";
  entry.name = "Name";
  return entry;
}

// Bodies outside the plain form: the fast reader declines and DecodeStoredEntry answers
// as the full path does (a value for valid JSON it does not take, the same error else).
TEST(StoredEntryReaderTest, LeavesWhatItDoesNotTakeToTheFullPath) {
  const std::string valid_outside[] = {
      R"({"list":"SDN","entry_id":"7","name":"N\u00e9"})",  // a \u escape
      R"({"list":"SDN","entry_id":"7","name":"N","type":" Individual "})",
      R"({"list":"SDN","entry_id":"7","name":"N","name":"M"})",  // a repeated key
  };
  for (const std::string& body : valid_outside) {
    auto full = FullPath(body);
    ASSERT_TRUE(full.ok()) << body;
    auto decoded = DecodeStoredEntry(body, 3);
    ASSERT_TRUE(decoded.ok()) << body;
    EXPECT_EQ(*decoded, *full) << body;
  }
  EXPECT_EQ(ReadCanonicalEntry(valid_outside[0]), std::nullopt);
  EXPECT_EQ(ReadCanonicalEntry(valid_outside[2]), std::nullopt);

  const std::string invalid[] = {
      R"({"list":"SDN","entry_id":"7","name":""})",
      R"({"list":"SDN","entry_id":"7"})",
      R"({"list":"SDN","entry_id":"7","name":"N","extra":"x"})",
      R"({"list":"SDN","entry_id":"7","name":"N","type":"ship"})",
      R"({"list":"SDN","entry_id":"7","name":"N","aliases":[{"name":"A","kind":"odd"}]})",
      R"({"list":"SDN","entry_id":"7","name":"N","aliases":[{"kind":"aka"}]})",
      R"({"list":"SDN","entry_id":"7","name":"N","ids":[{"type":"IMO","value":""}]})",
      R"({"list":"SDN","entry_id":"7","name":"N","start_date":"2019-13-40"})",
      R"({"list":"SDN","entry_id":"7","name":"N","programs":[1]})",
      R"({"list":"SDN","entry_id":"7","name":"N","title":null})",
      R"({"list":"SDN","entry_id":"7","name":"N"} x)",
      R"({"list":"SDN","entry_id":"7","name":"N")",
      "{\"list\":\"SDN\",\"entry_id\":\"7\",\"name\":\"N\xC3\"}",         // cut UTF-8
      "{\"list\":\"SDN\",\"entry_id\":\"7\",\"name\":\"N\xC0\xAF\"}",     // overlong
      "{\"list\":\"SDN\",\"entry_id\":\"7\",\"name\":\"\xED\xA0\x80\"}",  // a surrogate
      "{\"list\":\"SDN\",\"entry_id\":\"7\",\"name\":\"N\x01\"}",         // a raw control byte
      R"({"list":"SDN","entry_id":"7","name":"N\x"})",
  };
  for (const std::string& body : invalid) {
    EXPECT_EQ(ReadCanonicalEntry(body), std::nullopt) << body;
    EXPECT_FALSE(FullPath(body).ok()) << body;
    auto decoded = DecodeStoredEntry(body, 3);
    ASSERT_FALSE(decoded.ok()) << body;
    EXPECT_EQ(decoded.error().code, ErrorCode::kStorageError) << body;
    EXPECT_NE(decoded.error().message.find("list version 3"), std::string::npos)
        << decoded.error().message;
  }
  ExpectSameAsFullPath(lists::ToJson(Minimal()).dump());
  ExpectSameAsFullPath(R"({"list":"SDN","entry_id":"7","name":"N"})");
  ExpectSameAsFullPath(R"( { "name" : "N" , "entry_id":"7", "list":"SDN", "start_date": null } )");
}

}  // namespace
}  // namespace tollgate::storage

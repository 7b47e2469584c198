// The Store contract for licenses and determination records, on every backend.
#include <gtest/gtest.h>

#include "test_databases.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {
namespace {

using testing::TestDatabase;

const ChangeStamp kRegistrar{"reviewer officer", "2019-11-20T10:00:00Z"};

licensing::License MicrosoftLicense(std::string number = "D000001") {
  licensing::License license;
  license.number = std::move(number);
  license.holder = "Microsoft Corporation";
  license.destination = "CN";
  license.parties = {{rules::PartyRole::kUltimateConsignee, "Huawei Technologies Co., Ltd.", "CN"},
                     {rules::PartyRole::kEndUser, "Huawei Technologies Co., Ltd.", ""}};
  license.items = {
      {"5D992.c", "mass-market software", std::nullopt, std::nullopt, std::nullopt, std::nullopt},
      {"4A994", "servers", 10, 250000, 7, 100000}};
  license.valid_from = *Date::Parse("2019-11-20");
  license.valid_until = *Date::Parse("2023-11-19");
  license.conditions = {"No reexport without BIS authorization", "It's \"quoted\"\tand tabbed"};
  license.issued_on = "2019-11-20";
  return license;
}

class LicenseStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  TestDatabase db_{GetParam()};
  std::unique_ptr<Store> Open() {
    auto store = OpenStore(db_.url());
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store.ok() ? std::move(store).value() : nullptr;
  }
};

TEST_P(LicenseStoreTest, ALicenseSurvivesReopeningWithItsPartiesItemsAndAmounts) {
  {
    auto store = Open();
    ASSERT_TRUE(store);
    auto added = store->AddLicense(MicrosoftLicense(), kRegistrar);
    ASSERT_TRUE(added.ok()) << added.error().message;
  }
  auto store = Open();
  ASSERT_TRUE(store);
  auto loaded = store->GetLicense("D000001");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  licensing::License expected = MicrosoftLicense();
  expected.created_by = kRegistrar.actor;
  EXPECT_EQ(*loaded, expected);
  EXPECT_FALSE(loaded->items[0].quantity.has_value());
  EXPECT_EQ(loaded->items[1].remaining_value_usd, 100000);
}

TEST_P(LicenseStoreTest, NumbersAreUniqueAndAConflictChangesNothing) {
  auto store = Open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->AddLicense(MicrosoftLicense(), kRegistrar).ok());
  licensing::License other = MicrosoftLicense();
  other.holder = "Someone Else";
  auto again = store->AddLicense(other, kRegistrar);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_NE(again.error().message.find("D000001"), std::string::npos);
  EXPECT_EQ(store->GetLicense("D000001")->holder, "Microsoft Corporation");
}

TEST_P(LicenseStoreTest, AnInvalidLicenseIsRefusedBeforeAnythingIsWritten) {
  auto store = Open();
  ASSERT_TRUE(store);
  licensing::License bad = MicrosoftLicense();
  bad.items[1].eccn = "not-an-eccn";
  auto added = store->AddLicense(bad, kRegistrar);
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(store->ListLicenses()->empty());
  auto missing = store->GetLicense("D000001");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(LicenseStoreTest, ListingFiltersByHolderIgnoringCaseAndPunctuation) {
  auto store = Open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->AddLicense(MicrosoftLicense("D000002"), kRegistrar).ok());
  licensing::License other = MicrosoftLicense("D000001");
  other.holder = "Qualcomm Incorporated";
  ASSERT_TRUE(store->AddLicense(other, kRegistrar).ok());
  auto all = store->ListLicenses();
  ASSERT_TRUE(all.ok()) << all.error().message;
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].number, "D000001");  // ordered by number
  auto microsoft = store->ListLicenses(std::string("MICROSOFT corporation."));
  ASSERT_TRUE(microsoft.ok());
  ASSERT_EQ(microsoft->size(), 1u);
  EXPECT_EQ((*microsoft)[0].number, "D000002");
}

TEST_P(LicenseStoreTest, DeterminationsAreRecordedInOrderWithTimestamps) {
  auto store = Open();
  ASSERT_TRUE(store);
  DeterminationRecord a{
      0, "", *Date::Parse("2019-05-17"), "LICENSE_REQUIRED", "operator", "{\"a\":1}", "{}", "", {}};
  DeterminationRecord b{
      0,  "", *Date::Parse("2019-11-21"), "AUTHORIZED", "applicant msft-exports", "{\"b\":2}", "{}",
      "", {}};
  auto ids = store->RecordDeterminations({a, b});
  ASSERT_TRUE(ids.ok()) << ids.error().message;
  ASSERT_EQ(ids->size(), 2u);
  EXPECT_LT((*ids)[0], (*ids)[1]);
  auto records = store->ListDeterminations();
  ASSERT_TRUE(records.ok()) << records.error().message;
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[1].decision, "AUTHORIZED");
  EXPECT_EQ((*records)[1].transaction_date.ToString(), "2019-11-21");
  EXPECT_EQ((*records)[0].request_json, "{\"a\":1}");
  EXPECT_EQ((*records)[0].recorded_at.size(), 20u) << (*records)[0].recorded_at;
  // Who asked is kept with the record (part 762).
  EXPECT_EQ((*records)[0].requested_by, "operator");
  EXPECT_EQ((*records)[1].requested_by, "applicant msft-exports");
}

// Issue 11, item 4: a license registered by hand was stored without an audit record
// and without who registered it.
TEST_P(LicenseStoreTest, ALicenseAddedByHandHasItsAuditRecordAndKeepsWhoAddedIt) {
  auto store = Open();
  ASSERT_TRUE(store);
  const auto before = store->AuditLog();
  ASSERT_TRUE(before.ok()) << before.error().message;
  ASSERT_TRUE(store->AddLicense(MicrosoftLicense(), kRegistrar).ok());
  const auto after = store->AuditLog();
  ASSERT_TRUE(after.ok()) << after.error().message;
  ASSERT_EQ(after->size(), before->size() + 1);
  const audit::Record& record = after->back();
  EXPECT_EQ(record.action, "license.add");
  EXPECT_EQ(record.actor, "reviewer officer");
  EXPECT_EQ(record.subject, "license D000001");
  EXPECT_EQ(record.after["created_by"], "reviewer officer");
  EXPECT_EQ(store->GetLicense("D000001")->created_by, "reviewer officer");

  // A refused license writes no record either.
  ASSERT_FALSE(store->AddLicense(MicrosoftLicense(), kRegistrar).ok());
  EXPECT_EQ(store->AuditLog()->size(), after->size());
}

INSTANTIATE_TEST_SUITE_P(Backends, LicenseStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::storage

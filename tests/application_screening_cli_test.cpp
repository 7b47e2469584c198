// Screening of license applications through the real CLI on both backends: every
// party is screened at submission against the lists in force that day, and the open
// applications again when a list version is imported; the matches are stored with the
// application, shown by `applications show`, and each is an audited event.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"
#include "test_databases.h"
#include "tollgate/storage/store.h"

namespace tollgate::testing {
namespace {

constexpr const char* kForm = R"json({
  "applicant": {"name": "Microsoft Corporation", "address": "One Microsoft Way, Redmond, WA",
                "country": "US"},
  "contact": {"name": "Export Desk", "email": "exports@example.com"},
  "purchaser": {"name": "Example Distribution GmbH", "country": "DE"},
  "ultimate_consignee": {"name": "Huawei Technologies Co., Ltd.",
                         "address": "Bantian, Longgang District, Shenzhen", "country": "CN"},
  "end_use": "Operating systems installed on laptops sold to the public",
  "destination": "CN",
  "items": [{"eccn": "5D992.c", "description": "Windows licenses, mass-market",
             "quantity": 1000, "unit_price_cents": 9950, "value_usd": 99500}]
})json";

class ApplicationScreeningCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    for (const char* setup : {"orgs add microsoft --name 'Microsoft Corporation' --by setup",
                              "users add msft-exports --role applicant --org microsoft --by setup",
                              "users add officer --role reviewer --by setup"}) {
      auto r = cli_.Run(setup);
      ASSERT_EQ(r.exit_code, 0) << setup << ": " << r.err;
    }
    form_ = cli_.Write("form.json", kForm).string();
  }

  CliResult ImportEntityList() {
    return cli_.Run("lists import '" + ShippedList("huawei_entity_list_2019.csv") +
                    "' --as-of 2019-05-16");
  }

  nlohmann::json Screening(const std::string& control_number) {
    auto r = cli_.Run("applications show " + control_number + " --as officer --json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? nlohmann::json::parse(r.out)["screening"] : nlohmann::json();
  }

  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
  std::string form_;
};

TEST_P(ApplicationScreeningCliTest, PartiesAreScreenedAtSubmissionAgainstTheListsOfThatDay) {
  ASSERT_EQ(ImportEntityList().exit_code, 0);
  auto r = cli_.Run("applications submit '" + form_ + "' --as msft-exports --date 2019-06-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto screening = Screening("D000001");
  ASSERT_EQ(screening.size(), 1u) << screening.dump(2);
  EXPECT_EQ(screening[0]["role"], "ultimate_consignee");
  EXPECT_EQ(screening[0]["party"], "Huawei Technologies Co., Ltd.");
  EXPECT_EQ(screening[0]["list"], "EL");
  EXPECT_EQ(screening[0]["screened_on"], "2019-06-01");
  EXPECT_EQ(screening[0]["reason"], "submission");
  EXPECT_EQ(screening[0]["match"]["effect"], "license_required");
  EXPECT_GE(screening[0]["match"]["score"].get<double>(), 0.95);

  auto text = cli_.Run("applications show D000001 --as msft-exports");
  EXPECT_NE(text.out.find("screening:\n  1  2019-06-01  ultimate_consignee 'Huawei Technologies "
                          "Co., Ltd.' ~ EL"),
            std::string::npos)
      << text.out;
  EXPECT_EQ(cli_.Run("audit verify").exit_code, 0);
}

TEST_P(ApplicationScreeningCliTest, ANewListVersionRescreensOpenApplicationsOnly) {
  // Filed before the Entity List entry existed: nothing to match then.
  ASSERT_EQ(
      cli_.Run("applications submit '" + form_ + "' --as msft-exports --date 2019-05-10").exit_code,
      0);
  ASSERT_EQ(
      cli_.Run("applications submit '" + form_ + "' --as msft-exports --date 2019-05-10").exit_code,
      0);
  ASSERT_EQ(cli_.Run("applications transition D000002 withdraw --as msft-exports --date "
                     "2019-05-12")
                .exit_code,
            0);
  EXPECT_TRUE(Screening("D000001").empty());

  auto r = ImportEntityList();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "re-screened open applications: 1 new match(es) recorded\n");
  auto screening = Screening("D000001");
  ASSERT_EQ(screening.size(), 1u) << screening.dump(2);
  EXPECT_EQ(screening[0]["list"], "EL");
  EXPECT_EQ(screening[0]["screened_on"], "2019-05-16");
  EXPECT_EQ(screening[0]["reason"].get<std::string>().rfind("lists import ", 0), 0u);
  EXPECT_TRUE(Screening("D000002").empty()) << "a withdrawn application is not screened again";

  // The same file again is no new version: nothing screened, nothing recorded twice.
  r = ImportEntityList();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Screening("D000001").size(), 1u);

  EXPECT_EQ(cli_.Run("audit verify").exit_code, 0);
  auto store = storage::OpenStore(db_.url());
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto log = (*store)->AuditLog();
  ASSERT_TRUE(log.ok()) << log.error().message;
  std::vector<audit::Record> screened;
  for (const auto& record : *log) {
    if (record.action == "application.screening_match") screened.push_back(record);
  }
  ASSERT_EQ(screened.size(), 1u);
  EXPECT_EQ(screened[0].subject, "application D000001");
  EXPECT_EQ(screened[0].actor, "system");
  EXPECT_EQ(screened[0].after["list"], "EL");
}

INSTANTIATE_TEST_SUITE_P(Backends, ApplicationScreeningCliTest,
                         ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing

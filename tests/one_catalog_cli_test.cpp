// One catalog behind everything (issue 12, item 6), through the real CLI on both
// backends: `applications submit`, `licenses add` and `licenses ship` accept exactly the
// ECCNs that `tollgate check` accepts on the same date, and a refusal names the field
// and stores nothing. The ECCNs tried are compared with check's own answer, so the test
// holds whatever the shipped catalog holds.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"
#include "microsoft_form.h"
#include "test_databases.h"

namespace tollgate::testing {
namespace {

// Known today, a paragraph, malformed-free but absent from the CCL (9E999), and one
// that the catalog may or may not hold (3D991: in the CCL, not in the 2019 extract).
const char* const kTried[] = {"EAR99", "3A001", "5D992.c", "9E999", "3D991"};
constexpr const char* kDate = "2026-10-01";

class OneCatalogCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    for (const char* setup : {"orgs add microsoft --name 'Microsoft Corporation' --by setup",
                              "users add msft --role applicant --org microsoft --by setup",
                              "users add officer --role reviewer --by setup"}) {
      auto r = cli_.Run(setup);
      ASSERT_EQ(r.exit_code, 0) << setup << ": " << r.err;
    }
  }

  bool CheckAccepts(const std::string& eccn) {
    auto r = cli_.Run("check --item " + eccn + " --to CN --party purchaser=Example --date " +
                      kDate + " --json");
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2) << r.err;
    return r.exit_code == 0;
  }

  std::string FormWith(const std::string& eccn) {
    std::string form = kMicrosoftForm;
    form.replace(form.find("5D992.c"), 7, eccn);
    return cli_.Write("form-" + eccn + ".json", form).string();
  }

  std::size_t Count(const std::string& list_command) {
    auto r = cli_.Run(list_command);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto json = nlohmann::json::parse(r.out, nullptr, false);
    if (json.is_object() && json.contains("applications")) return json["applications"].size();
    return json.is_array() ? json.size() : 0;
  }

  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
};

TEST_P(OneCatalogCliTest, AnApplicationAcceptsExactlyTheEccnsCheckAccepts) {
  std::size_t filed = 0;
  for (const char* eccn : kTried) {
    SCOPED_TRACE(eccn);
    const bool known = CheckAccepts(eccn);
    auto r = cli_.Run("applications submit '" + FormWith(eccn) + "' --as msft --date " + kDate);
    if (known) {
      EXPECT_EQ(r.exit_code, 0) << r.err;
      ++filed;
    } else {
      EXPECT_EQ(r.exit_code, 2) << r.out;
      EXPECT_NE(r.err.find("application: items/0/eccn: "), std::string::npos) << r.err;
      EXPECT_NE(r.err.find(eccn), std::string::npos) << r.err;
      EXPECT_NE(r.err.find("expected an ECCN"), std::string::npos) << r.err;
    }
    // A refused form leaves nothing behind: no draft, no control number used.
    EXPECT_EQ(Count("applications list --as officer --json"), filed);
  }
  EXPECT_FALSE(CheckAccepts("9E999"));  // so the refusal above was exercised
}

TEST_P(OneCatalogCliTest, ALicenseAndAShipmentAcceptExactlyTheEccnsCheckAccepts) {
  std::size_t added = 0;
  for (const char* eccn : kTried) {
    SCOPED_TRACE(eccn);
    const bool known = CheckAccepts(eccn);
    const std::string number = "D00000" + std::to_string(added + 1);
    auto r = cli_.Run("licenses add --number " + number +
                      " --holder 'Microsoft Corporation' --org microsoft --to CN "
                      "--party purchaser=Example --item " +
                      eccn + " --quantity 10 --valid-from " + kDate + " --valid-until 2027-10-01");
    if (known) {
      EXPECT_EQ(r.exit_code, 0) << r.err;
      ++added;
    } else {
      EXPECT_EQ(r.exit_code, 2) << r.out;
      EXPECT_NE(r.err.find("license: items/0/eccn: "), std::string::npos) << r.err;
      EXPECT_NE(r.err.find(eccn), std::string::npos) << r.err;
    }
    EXPECT_EQ(Count("licenses list --json"), added);
  }
  ASSERT_GT(added, 0u);
  // A shipment under the first license, of an ECCN check refuses: refused by the
  // catalog (not merely "not on the license"), nothing drawn down.
  auto ship = cli_.Run(std::string("licenses ship D000001 --as msft --date ") + kDate +
                       " --item 9E999 --quantity 1 --value 0 --party purchaser=Example");
  EXPECT_EQ(ship.exit_code, 2) << ship.out;
  EXPECT_NE(ship.err.find("shipment: items/0/eccn: "), std::string::npos) << ship.err;
  auto shown = cli_.Run("licenses show D000001 --json");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(nlohmann::json::parse(shown.out)["items"][0]["remaining_quantity"], 10);
}

INSTANTIATE_TEST_SUITE_P(Backends, OneCatalogCliTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing

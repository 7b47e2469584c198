// `tollgate lists import` of an OFAC legacy primary file (issue 13, item 5), through the
// real CLI: the alias and address files beside it are read; without them the import
// is refused with the names of the files to add, as the upload is, and stores nothing,
// unless --primary-only says the loss is meant.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "lists/formats/test_files.h"
#include "test_databases.h"

namespace tollgate::testing {
namespace {

using lists::testing::ReadAll;

class ListsCompanionsCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  nlohmann::json Versions() {
    auto r = cli_.Run("lists status --json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out)["versions"];
  }
  TestDatabase db_{GetParam()};
  CliSandbox cli_{db_.url()};
};

TEST_P(ListsCompanionsCliTest, APrimaryWithoutItsCompanionsIsRefusedWithWhatToAdd) {
  ASSERT_EQ(cli_.Run("lists import '" + ShippedList("huawei_entity_list_2019.csv") + "'").exit_code,
            0);
  const auto before = Versions();
  const bool file_db = db_.backend() == "sqlite";
  const std::string before_db = file_db ? ReadAll(cli_.db()) : "";

  auto r =
      cli_.Run("lists import '" + SharedList("ofac_sdn_2024-05-01.csv") + "' --as-of 2024-05-01");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("ofac_sdn_2024-05-01.csv is an OFAC primary file (sdn.csv) without its "
                       "alias and address files: add ofac_alt_2024-05-01.csv and "
                       "ofac_add_2024-05-01.csv"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--primary-only"), std::string::npos) << r.err;
  EXPECT_EQ(Versions(), before);
  if (file_db) {
    EXPECT_EQ(ReadAll(cli_.db()), before_db) << "not a byte of the database changed";
  }

  r = cli_.Run("lists import '" + SharedList("ofac_sdn_2024-05-01.csv") +
               "' --as-of 2024-05-01 --primary-only");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: no alias file ofac_alt_2024-05-01.csv"), std::string::npos)
      << r.err;
  EXPECT_EQ(Versions().size(), before.size() + 1);
}

TEST_P(ListsCompanionsCliTest, TheCompanionsBesideThePrimaryAreRead) {
  for (const char* primary : {"ofac_sdn_2021-07.csv", "ofac_cons_prim_2025-12.csv"}) {
    auto r = cli_.Run("lists import '" + SharedList(primary) + "' --as-of 2021-07-01");
    EXPECT_EQ(r.exit_code, 0) << primary << ": " << r.err;
    EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
  }
  EXPECT_EQ(Versions().size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ListsCompanionsCliTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing

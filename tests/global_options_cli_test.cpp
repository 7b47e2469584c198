// Issue 13, item 1: global options go before or after the subcommand. The README's
// `build/tollgate serve --db var/tollgate.db --listen ...` exited 2 with "The following
// arguments were not expected: var/tollgate.db --db". The real binary, a real SQLite
// file: the database named after the subcommand is the one written.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "cli_runner.h"

namespace tollgate::testing {
namespace {

TEST(GlobalOptionsCliTest, DbAfterTheSubcommandIsTheDatabaseUsed) {
  CliSandbox sandbox;
  const auto after = (sandbox.dir() / "after.db").string();
  auto imported = sandbox.RunBare("lists import '" + ShippedList("huawei_entity_list_2019.csv") +
                                  "' --as-of 2019-05-16 --db '" + after + "'");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  ASSERT_TRUE(std::filesystem::exists(after));
  // Nested subcommand, option last; and before, as always: both read the same file.
  auto status_after = sandbox.RunBare("lists status --db '" + after + "'");
  ASSERT_EQ(status_after.exit_code, 0) << status_after.err;
  auto status_before = sandbox.RunBare("--db '" + after + "' lists status");
  ASSERT_EQ(status_before.exit_code, 0) << status_before.err;
  EXPECT_EQ(status_after.out, status_before.out);
  EXPECT_NE(status_after.out.find("2019-05-16"), std::string::npos) << status_after.out;
  // Between a command and its own options and positionals too.
  auto screened = sandbox.RunBare("screen --db '" + after +
                                  "' \"Huawei Technologies Company\" --as-of 2019-06-01");
  ASSERT_EQ(screened.exit_code, 0) << screened.err;
  EXPECT_NE(screened.out.find("Huawei"), std::string::npos) << screened.out;
}

TEST(GlobalOptionsCliTest, AnUnknownOptionAfterTheSubcommandIsStillRefused) {
  CliSandbox sandbox;
  auto r = sandbox.RunBare("lists status --no-such-option --db '" + sandbox.db() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--no-such-option"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace tollgate::testing

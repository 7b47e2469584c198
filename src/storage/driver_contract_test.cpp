// The SQL driver contract on both backends: Driver::RunEach, which the group commit of
// determinations relies on (all or none, each run's rows in order), whether PostgreSQL
// sends the runs one by one or in one pipeline; and Driver::InsertMany, whose rows
// keep their order and text whether SQLite writes them many to a statement or one.
#include <gtest/gtest.h>

#include "storage/sql/driver.h"
#include "test_databases.h"

namespace tollgate::storage::sql {
namespace {

using testing::TestDatabase;

constexpr Query kCreate =
    Shared("test_create", "CREATE TABLE runs(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
constexpr Query kInsert =
    Shared("test_insert", "INSERT INTO runs(id, name) VALUES ($1, $2) RETURNING id, name");
constexpr Query kCount = Shared("test_count", "SELECT count(*) FROM runs");
constexpr Query kInsertMany =
    PerDialect("test_insert_many", "INSERT INTO runs(id, name) VALUES ($1, $2)",
               "COPY runs(id, name) FROM STDIN");
constexpr Query kSelectAll = Shared("test_select_all", "SELECT id, name FROM runs ORDER BY id");

class DriverContractTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto opened = GetParam() == "postgres" ? OpenPostgres(db_.url()) : OpenSqlite(db_.url());
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    driver_ = std::move(opened).value();
    ASSERT_TRUE(driver_->Run(kCreate).ok());
  }
  std::int64_t Count() {
    auto rows = driver_->Run(kCount);
    EXPECT_TRUE(rows.ok()) << rows.error().message;
    return rows.ok() ? rows->Int(0, 0) : -1;
  }

  TestDatabase db_{GetParam()};
  std::unique_ptr<Driver> driver_;
};

TEST_P(DriverContractTest, RunEachAnswersEveryRunsRowsInOrder) {
  auto ran = driver_->RunEach(kInsert, {{7, "seven"}, {3, "three"}, {5, "five"}});
  ASSERT_TRUE(ran.ok()) << ran.error().message;
  ASSERT_EQ(ran->size(), 3u);
  EXPECT_EQ((*ran)[0].Int(0, 0), 7);
  EXPECT_EQ((*ran)[1].Text(0, 1), "three");
  EXPECT_EQ((*ran)[2].Int(0, 0), 5);
  EXPECT_EQ(Count(), 3);
  // The driver is usable as before: the pipeline was left.
  EXPECT_TRUE(driver_->Run(kInsert, {9, "nine"}).ok());
  EXPECT_EQ(Count(), 4);
}

// 70 rows: on SQLite two statements of 32 rows and six of one; each row as given.
TEST_P(DriverContractTest, InsertManyWritesEveryRowAsGiven) {
  std::vector<Params> rows;
  for (std::int64_t i = 1; i <= 70; ++i) {
    rows.push_back({i, "row " + std::to_string(i) + (i % 7 == 0 ? " with 'quotes' and $2" : "")});
  }
  ASSERT_TRUE(driver_->InsertMany(kInsertMany, rows).ok());
  auto all = driver_->Run(kSelectAll);
  ASSERT_TRUE(all.ok()) << all.error().message;
  ASSERT_EQ(all->size(), 70);
  for (int i = 0; i < 70; ++i) {
    EXPECT_EQ(all->Int(i, 0), i + 1);
    EXPECT_EQ(all->Text(i, 1), std::get<std::string>(rows[static_cast<std::size_t>(i)][1]));
  }
  // A duplicate in a statement of many rows fails the call.
  EXPECT_FALSE(driver_->InsertMany(kInsertMany, rows).ok());
}

// A failing run (a duplicate name) undoes the runs before it and says which statement.
TEST_P(DriverContractTest, RunEachIsAllOrNone) {
  auto ran = driver_->RunEach(kInsert, {{1, "one"}, {2, "two"}, {3, "one"}, {4, "four"}});
  ASSERT_FALSE(ran.ok());
  EXPECT_NE(ran.error().message.find("INSERT INTO runs"), std::string::npos) << ran.error().message;
  EXPECT_EQ(Count(), 0);
  ASSERT_TRUE(driver_->RunEach(kInsert, {{1, "one"}}).ok());
  EXPECT_EQ(Count(), 1);
}

// Inside the caller's transaction the runs are part of it: its rollback undoes them.
TEST_P(DriverContractTest, RunEachInsideATransactionIsPartOfIt) {
  {
    auto tx = Transaction::Begin(*driver_);
    ASSERT_TRUE(tx.ok()) << tx.error().message;
    auto ran = driver_->RunEach(kInsert, {{1, "one"}, {2, "two"}});
    ASSERT_TRUE(ran.ok()) << ran.error().message;
    EXPECT_EQ(Count(), 2);
  }  // not committed
  EXPECT_EQ(Count(), 0);
  auto tx = Transaction::Begin(*driver_);
  ASSERT_TRUE(tx.ok());
  ASSERT_TRUE(driver_->RunEach(kInsert, {{1, "one"}, {2, "two"}}).ok());
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(Count(), 2);
}

TEST_P(DriverContractTest, RunEachOfNothingRunsNothing) {
  auto ran = driver_->RunEach(kInsert, {});
  ASSERT_TRUE(ran.ok()) << ran.error().message;
  EXPECT_TRUE(ran->empty());
  EXPECT_EQ(Count(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, DriverContractTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::storage::sql

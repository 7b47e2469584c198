// The data folder lookup (issue 13, item 6): $TOLLGATE_DATA_DIR first, with no silent
// fallback when it is wrong; else found beside the executable (this test binary sits
// in the build folder of the source tree, so the tree's root is found, with no path
// compiled into the library).
#include "tollgate/common/data_dir.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "test_paths.h"

namespace tollgate {
namespace {

// Sets (or unsets, with nullopt) $TOLLGATE_DATA_DIR for one test, restoring it after.
class DataDirEnv {
 public:
  explicit DataDirEnv(const std::optional<std::string>& value) {
    if (const char* old = std::getenv(kDataDirEnvVar)) saved_ = old;
    if (value) {
      ::setenv(kDataDirEnvVar, value->c_str(), 1);
    } else {
      ::unsetenv(kDataDirEnvVar);
    }
  }
  ~DataDirEnv() {
    if (saved_) {
      ::setenv(kDataDirEnvVar, saved_->c_str(), 1);
    } else {
      ::unsetenv(kDataDirEnvVar);
    }
  }

 private:
  std::optional<std::string> saved_;
};

TEST(DataDirTest, FoundFromTheExecutableWhenTheVariableIsUnset) {
  DataDirEnv env(std::nullopt);
  auto dir = DataDir();
  ASSERT_TRUE(dir.ok()) << dir.error().message;
  EXPECT_TRUE(std::filesystem::equivalent(*dir, TOLLGATE_SOURCE_DIR)) << dir->string();
  auto criteria = ShippedPath("data/criteria.json");
  ASSERT_TRUE(criteria.ok()) << criteria.error().message;
  EXPECT_TRUE(std::filesystem::equivalent(
      *criteria, std::filesystem::path(TOLLGATE_SOURCE_DIR) / "data" / "criteria.json"));
}

TEST(DataDirTest, TheVariableWinsWhenItHoldsTheData) {
  DataDirEnv env(std::string(TOLLGATE_SOURCE_DIR));
  auto dir = DataDir();
  ASSERT_TRUE(dir.ok()) << dir.error().message;
  EXPECT_EQ(*dir, std::filesystem::path(TOLLGATE_SOURCE_DIR));
}

TEST(DataDirTest, AVariableNamingAFolderWithoutTheDataIsAnErrorNotAFallback) {
  const auto empty = std::filesystem::temp_directory_path() / "tollgate-data-dir-test-empty";
  std::filesystem::create_directories(empty);
  DataDirEnv env(empty.string());
  auto dir = DataDir();
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.error().code, ErrorCode::kIoError);
  EXPECT_EQ(dir.error().message, "TOLLGATE_DATA_DIR=" + empty.string() +
                                     " holds no data/rules (expected the folder with data/ and "
                                     "web/, e.g. an installed PREFIX/share/tollgate)");
  auto file = ShippedPath("data/criteria.json");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().message, dir.error().message);
  std::filesystem::remove(empty);
}

TEST(DataDirTest, AMissingShippedFileNamesItAndTheFolder) {
  DataDirEnv env(std::string(TOLLGATE_SOURCE_DIR));
  auto file = ShippedPath("data/no-such-file.json");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().code, ErrorCode::kIoError);
  EXPECT_EQ(file.error().message,
            "the shipped data/no-such-file.json is missing from the data "
            "folder " +
                std::string(TOLLGATE_SOURCE_DIR));
}

}  // namespace
}  // namespace tollgate

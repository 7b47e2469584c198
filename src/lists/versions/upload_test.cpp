#include "tollgate/lists/upload.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>

#include "lists/formats/test_files.h"
#include "test_paths.h"
#include "tollgate/lists/import.h"

namespace tollgate::lists {
namespace {

namespace fs = std::filesystem;
using testing::ReadAll;

std::string Shared(const std::string& name) {
  return std::string(TOLLGATE_SHARED_DATA) + "/lists/" + name;
}

class StageUploadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "tollgate-stage-test-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    dir_ = root_ / "upload";
    fs::create_directory(dir_);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::vector<std::string> Written() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path root_, dir_;
};

// The client's name never becomes a path: a name that climbs out of the folder is
// reduced to its last component, and nothing is written outside it.
TEST_F(StageUploadTest, AClientNameIsOnePlainComponentInsideTheFolder) {
  auto staged = StageUpload(dir_, {{"", "../../evil name;.csv", "a,b\n"}}, std::nullopt);
  ASSERT_TRUE(staged.ok()) << staged.error().message;
  EXPECT_EQ(staged->primary.parent_path(), dir_);
  EXPECT_EQ(staged->file_name, "evil_name_.csv");
  EXPECT_EQ(Written(), std::vector<std::string>{"evil_name_.csv"});
  EXPECT_EQ(std::distance(fs::directory_iterator(root_), fs::directory_iterator()), 1);

  auto dots = StageUpload(dir_, {{"", "..", "a,b\n"}}, std::nullopt);
  ASSERT_TRUE(dots.ok()) << dots.error().message;
  EXPECT_EQ(dots->primary, dir_ / "upload");
}

// An OFAC set is staged under the names the reader pairs, whatever the client called
// its files, and reads as the same version as the set beside its primary on disk.
TEST_F(StageUploadTest, AnOfacSetIsStagedUnderTheNamesTheReaderPairs) {
  auto staged = StageUpload(dir_,
                            {{"file", "prim.csv", ReadAll(Shared("ofac_cons_prim_2025-12.csv"))},
                             {"alt", "names.csv", ReadAll(Shared("ofac_cons_alt_2025-12.csv"))},
                             {"add", "places.csv", ReadAll(Shared("ofac_cons_add_2025-12.csv"))}},
                            std::nullopt);
  ASSERT_TRUE(staged.ok()) << staged.error().message;
  EXPECT_EQ(Written(), (std::vector<std::string>{"cons_add.csv", "cons_alt.csv", "cons_prim.csv"}));
  EXPECT_EQ(staged->file_name, "prim.csv");
  auto uploaded = PrepareImport(staged->primary);
  ASSERT_TRUE(uploaded.ok()) << uploaded.error().message;
  auto on_disk = PrepareImport(Shared("ofac_cons_prim_2025-12.csv"));
  ASSERT_TRUE(on_disk.ok()) << on_disk.error().message;
  EXPECT_EQ(uploaded->version.sha256, on_disk->version.sha256);
  EXPECT_TRUE(uploaded->parsed.warnings.empty());

  // Messages name the client's files, never the folder.
  const std::string text = ClientText(*staged, dir_, (dir_ / "cons_alt.csv").string() + ":3: x");
  EXPECT_EQ(text, "names.csv:3: x");
  EXPECT_EQ(ClientText(*staged, dir_, dir_.string()).find(root_.string()), std::string::npos);
}

TEST_F(StageUploadTest, WhatCannotBeOneListIsRefusedAndNothingIsWritten) {
  const std::string csl = ReadAll(Shared("csl_sample_2025.csv"));
  auto two = StageUpload(dir_, {{"file", "a.csv", csl}, {"file", "b.csv", csl}}, std::nullopt);
  ASSERT_FALSE(two.ok());
  EXPECT_NE(two.error().message.find("a.csv, b.csv"), std::string::npos) << two.error().message;
  auto lone = StageUpload(dir_, {{"alt", "alt.csv", "1,2,aka,X,-0-\n"}}, std::nullopt);
  ASSERT_FALSE(lone.ok());
  auto not_ofac = StageUpload(
      dir_, {{"file", "csl.csv", csl}, {"add", "add.csv", "1,2,x,y,z,-0-\n"}}, std::nullopt);
  ASSERT_FALSE(not_ofac.ok());
  EXPECT_NE(not_ofac.error().message.find("csl.csv is csl-csv"), std::string::npos)
      << not_ofac.error().message;
  auto empty = StageUpload(dir_, {{"", "x.csv", ""}}, std::nullopt);
  ASSERT_FALSE(empty.ok());
  EXPECT_TRUE(Written().empty());
}

}  // namespace
}  // namespace tollgate::lists

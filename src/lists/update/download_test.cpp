#include "lists/update/download.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>
#include <utility>
#include <vector>

#include "lists/update/temp_dir.h"
#include "lists/update/test_http_server.h"
#include "test_paths.h"

namespace tollgate::lists {
namespace {

using std::chrono::milliseconds;

const std::string kDpl = std::string(TOLLGATE_SHARED_DATA) + "/lists/bis_dpl_2022-09.txt";

class DownloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<ScopedTempDir> dir = ScopedTempDir::Create(std::filesystem::temp_directory_path());
    ASSERT_TRUE(dir.ok()) << dir.error().message;
    dir_.emplace(std::move(*dir));
  }
  std::filesystem::path Path(const char* name) const { return dir_->path() / name; }

  std::optional<ScopedTempDir> dir_;
  const std::string body_ = ReadBytes(kDpl);
  TestHttpServer server_{[this](httplib::Server& server) {
    // text/plain lets httplib gzip the body when asked, so decoding is exercised too.
    server.Get("/dpl.txt", [this](const httplib::Request&, httplib::Response& response) {
      response.set_content(body_, "text/plain");
    });
    server.Get("/moved", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("/dpl.txt");
    });
    server.Get("/slow", [](const httplib::Request&, httplib::Response& response) {
      std::this_thread::sleep_for(milliseconds(400));
      response.set_content("late", "text/plain");
    });
    server.Get("/broken", [](const httplib::Request&, httplib::Response& response) {
      response.status = 500;
      response.set_content("internal error", "text/plain");
    });
  }};
};

TEST_F(DownloadTest, SavesTheExactBytesAndReportsProgressUpToTheEnd) {
  std::vector<std::pair<std::int64_t, std::optional<std::int64_t>>> calls;
  Result<std::int64_t> saved =
      DownloadFile(server_.Url("/dpl.txt"), Path("dpl.txt"), DownloadLimits{},
                   [&](std::int64_t so_far, std::optional<std::int64_t> total) {
                     calls.emplace_back(so_far, total);
                   });
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(*saved, static_cast<std::int64_t>(body_.size()));
  EXPECT_EQ(ReadBytes(Path("dpl.txt").string()), body_);

  ASSERT_FALSE(calls.empty());
  for (std::size_t i = 1; i < calls.size(); ++i) EXPECT_LE(calls[i - 1].first, calls[i].first);
  EXPECT_GT(calls.back().first, 0);
  EXPECT_EQ(calls.back().second, calls.back().first) << "the last report says 100%";
}

TEST_F(DownloadTest, FollowsRedirects) {
  Result<std::int64_t> saved = DownloadFile(server_.Url("/moved"), Path("dpl.txt"), {});
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(ReadBytes(Path("dpl.txt").string()), body_);
}

TEST_F(DownloadTest, HttpErrorsNameTheUrlAndTheStatus) {
  for (auto [path, status] : {std::pair{"/missing.xml", "HTTP 404"}, {"/broken", "HTTP 500"}}) {
    const std::string url = server_.Url(path);
    Result<std::int64_t> saved = DownloadFile(url, Path("out"), {});
    ASSERT_FALSE(saved.ok()) << url;
    EXPECT_EQ(saved.error().code, ErrorCode::kIoError);
    EXPECT_NE(saved.error().message.find(url), std::string::npos) << saved.error().message;
    EXPECT_NE(saved.error().message.find(status), std::string::npos) << saved.error().message;
  }
}

TEST_F(DownloadTest, GivesUpAfterTheTotalTimeout) {
  const auto started = std::chrono::steady_clock::now();
  Result<std::int64_t> saved = DownloadFile(server_.Url("/slow"), Path("out"),
                                            DownloadLimits{milliseconds(1000), milliseconds(100)});
  ASSERT_FALSE(saved.ok());
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(350));
  EXPECT_NE(saved.error().message.find("/slow"), std::string::npos);
  EXPECT_NE(saved.error().message.find("timed out"), std::string::npos) << saved.error().message;
}

TEST_F(DownloadTest, AnUnwritableDestinationIsNamed) {
  const std::filesystem::path destination = Path("no-such-dir") / "dpl.txt";
  Result<std::int64_t> saved = DownloadFile(server_.Url("/dpl.txt"), destination, {});
  ASSERT_FALSE(saved.ok());
  EXPECT_NE(saved.error().message.find(destination.string()), std::string::npos)
      << saved.error().message;
}

TEST_F(DownloadTest, RefusesSchemesOtherThanHttpAndFile) {
  Result<std::int64_t> saved = DownloadFile("ftp://127.0.0.1/dpl.txt", Path("out"), {});
  ASSERT_FALSE(saved.ok());
  EXPECT_NE(saved.error().message.find("ftp://127.0.0.1/dpl.txt"), std::string::npos);
}

TEST(ScopedTempDirTest, RemovesItsDirectoryWithTheFilesInIt) {
  std::filesystem::path path;
  {
    Result<ScopedTempDir> dir = ScopedTempDir::Create(std::filesystem::temp_directory_path());
    ASSERT_TRUE(dir.ok()) << dir.error().message;
    ScopedTempDir moved = std::move(*dir);
    path = moved.path();
    std::filesystem::create_directory(path / "un");
    std::ofstream(path / "un" / "consolidated.xml") << "<x/>";
    ASSERT_TRUE(std::filesystem::exists(path / "un" / "consolidated.xml"));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace tollgate::lists

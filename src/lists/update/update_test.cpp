// End to end: a real HTTP server on 127.0.0.1 serves the official files from the
// shared data, UpdateLists downloads and imports them into a real SQLite store.
#include "tollgate/lists/update.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lists/update/temp_dir.h"
#include "lists/update/test_http_server.h"
#include "test_paths.h"
#include "tollgate/lists/format.h"
#include "tollgate/storage/store.h"

namespace tollgate::lists {
namespace {

const std::string kLists = std::string(TOLLGATE_SHARED_DATA) + "/lists/";
const std::string kSdn = kLists + "ofac_sdn_2021-07.csv";
const std::string kUn = kLists + "un_consolidated_2026-02.xml";

// The files as the official servers publish them, read once for the whole suite.
struct Served {
  std::string sdn = ReadBytes(kSdn);
  std::string alt = ReadBytes(kLists + "ofac_alt_2021-07.csv");
  std::string add = ReadBytes(kLists + "ofac_add_2021-07.csv");
  std::string un = ReadBytes(kUn);
  // A server that stops halfway but says nothing wrong: only the reader can tell.
  std::string truncated_un = un.substr(0, un.size() / 2);
};

class UpdateListsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served_ = std::make_unique<Served>();
    server_ = std::make_unique<TestHttpServer>([](httplib::Server& server) {
      // As octet-stream: httplib would brotli-compress text types at its slowest
      // setting, seconds per megabyte (download_test covers compressed bodies).
      auto serve = [&server](const char* path, const std::string& body) {
        server.Get(path, [&body](const httplib::Request&, httplib::Response& response) {
          response.set_content(body, "application/octet-stream");
        });
      };
      serve("/sdn.csv", served_->sdn);
      serve("/alt.csv", served_->alt);
      serve("/add.csv", served_->add);
      serve("/consolidated.xml", served_->un);
      serve("/truncated/consolidated.xml", served_->truncated_un);
      // Everything else, e.g. /missing/alt.csv, is httplib's 404.
    });
  }
  static void TearDownTestSuite() {
    server_.reset();
    served_.reset();
  }

  void SetUp() override {
    Result<ScopedTempDir> dir = ScopedTempDir::Create(std::filesystem::temp_directory_path());
    ASSERT_TRUE(dir.ok()) << dir.error().message;
    dir_.emplace(std::move(*dir));
    Result<std::unique_ptr<storage::Store>> store =
        storage::OpenStore((dir_->path() / "tollgate.db").string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
  }

  static Source Ofac(const std::string& alt_path = "/alt.csv") {
    return Source{"ofac-sdn",
                  Format::kOfacSdn,
                  {{server_->Url("/sdn.csv"), "sdn.csv"},
                   {server_->Url(alt_path), "alt.csv"},
                   {server_->Url("/add.csv"), "add.csv"}},
                  ""};
  }
  static Source Un(const std::string& path = "/consolidated.xml") {
    return Source{"un", Format::kUnXml, {{server_->Url(path), "consolidated.xml"}}, ""};
  }

  std::size_t VersionCount() {
    Result<std::vector<storage::ListVersion>> versions = store_->ListVersions();
    EXPECT_TRUE(versions.ok()) << versions.error().message;
    return versions.ok() ? versions->size() : 0;
  }

  static std::unique_ptr<Served> served_;
  static std::unique_ptr<TestHttpServer> server_;
  std::optional<ScopedTempDir> dir_;
  std::unique_ptr<storage::Store> store_;
};

std::unique_ptr<Served> UpdateListsTest::served_;
std::unique_ptr<TestHttpServer> UpdateListsTest::server_;

// What a failed assertion on an outcome should print.
std::string Describe(const SourceReport& report) {
  return std::string(SourceOutcomeName(report.outcome)) +
         (report.error ? ": " + report.error->message : "");
}

std::size_t AliasCount(const std::vector<ListEntry>& entries) {
  std::size_t count = 0;
  for (const ListEntry& entry : entries) count += entry.aliases.size();
  return count;
}
std::size_t AddressCount(const std::vector<ListEntry>& entries) {
  std::size_t count = 0;
  for (const ListEntry& entry : entries) count += entry.addresses.size();
  return count;
}

TEST_F(UpdateListsTest, ImportsEachSourceOnceAndThenReportsItUnchanged) {
  std::map<std::string, std::map<std::size_t, DownloadProgress>> last_progress;
  std::vector<std::string> done;
  UpdateOptions options;
  options.on_progress = [&](const DownloadProgress& progress) {
    EXPECT_EQ(progress.file_count, progress.source == "ofac-sdn" ? 3u : 1u);
    last_progress[std::string(progress.source)][progress.file_index] = progress;
  };
  options.on_source_done = [&](const SourceReport& report) { done.push_back(report.source); };

  Result<UpdateReport> first = UpdateLists(*store_, {Ofac(), Un()}, options);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_EQ(first->sources.size(), 2u);
  const SourceReport& ofac = first->sources[0];
  const SourceReport& un = first->sources[1];
  ASSERT_EQ(ofac.outcome, SourceOutcome::kImported) << Describe(ofac);
  ASSERT_EQ(un.outcome, SourceOutcome::kImported) << Describe(un);
  EXPECT_EQ(ofac.feed, "ofac-sdn");
  EXPECT_EQ(un.feed, "un");
  EXPECT_EQ(ofac.version->entry_count, 8976);
  EXPECT_EQ(un.version->entry_count, 1003);
  EXPECT_EQ(
      ofac.downloaded_bytes,
      static_cast<std::int64_t>(served_->sdn.size() + served_->alt.size() + served_->add.size()));
  EXPECT_EQ(un.downloaded_bytes, static_cast<std::int64_t>(served_->un.size()));
  EXPECT_EQ(VersionCount(), 2u);
  EXPECT_EQ(done, (std::vector<std::string>{"ofac-sdn", "un"}));

  // The companions were downloaded beside sdn.csv under the names the reader looks for:
  // the stored list has every alias and address that reading the originals gives.
  Result<std::vector<ListEntry>> stored = store_->LoadEntries(ofac.version->id);
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  Result<ParsedList> original = ReadListFile(kSdn, Format::kOfacSdn);
  ASSERT_TRUE(original.ok()) << original.error().message;
  EXPECT_GT(AliasCount(original->entries), 0u);
  EXPECT_EQ(AliasCount(*stored), AliasCount(original->entries));
  EXPECT_EQ(AddressCount(*stored), AddressCount(original->entries));

  // Every file's progress ended at 100%.
  ASSERT_EQ(last_progress["ofac-sdn"].size(), 3u);
  ASSERT_EQ(last_progress["un"].size(), 1u);
  for (const auto& [source, files] : last_progress) {
    for (const auto& [index, progress] : files) {
      EXPECT_GT(progress.bytes_so_far, 0) << source << " file " << index;
      EXPECT_EQ(progress.bytes_total, progress.bytes_so_far) << source << " file " << index;
    }
  }

  Result<UpdateReport> second = UpdateLists(*store_, {Ofac(), Un()});
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->CountOf(SourceOutcome::kUnchanged), 2u);
  EXPECT_EQ(second->sources[0].version->id, ofac.version->id);
  EXPECT_EQ(second->sources[1].version->id, un.version->id);
  EXPECT_EQ(VersionCount(), 2u);

  nlohmann::json json = ToJson(*second);
  EXPECT_EQ(json["sources"][1]["outcome"], "unchanged");
  EXPECT_EQ(json["sources"][1]["version"]["entry_count"], 1003);
}

TEST_F(UpdateListsTest, AFailedDownloadImportsNothingOfThatSourceAndTheOthersProceed) {
  // sdn.csv and add.csv download fine, alt.csv is 404: importing sdn.csv alone would
  // store the list without its aliases, so the whole source fails.
  const std::string missing = server_->Url("/missing/alt.csv");
  Result<UpdateReport> report = UpdateLists(*store_, {Ofac("/missing/alt.csv"), Un()});
  ASSERT_TRUE(report.ok()) << report.error().message;

  const SourceReport& ofac = report->sources[0];
  EXPECT_EQ(ofac.outcome, SourceOutcome::kFailed);
  ASSERT_TRUE(ofac.error.has_value());
  EXPECT_EQ(ofac.error->code, ErrorCode::kIoError);
  EXPECT_NE(ofac.error->message.find(missing), std::string::npos) << ofac.error->message;
  EXPECT_NE(ofac.error->message.find("HTTP 404"), std::string::npos) << ofac.error->message;
  EXPECT_FALSE(ofac.version.has_value());

  EXPECT_EQ(report->sources[1].outcome, SourceOutcome::kImported) << Describe(report->sources[1]);
  Result<std::vector<storage::ListVersion>> versions = store_->ListVersions();
  ASSERT_TRUE(versions.ok()) << versions.error().message;
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_EQ((*versions)[0].feed, "un");
}

TEST_F(UpdateListsTest, ATruncatedFileLeavesTheStoreAsItWas) {
  Result<UpdateReport> good = UpdateLists(*store_, {Un()});
  ASSERT_TRUE(good.ok()) << good.error().message;
  ASSERT_EQ(good->sources[0].outcome, SourceOutcome::kImported) << Describe(good->sources[0]);
  ASSERT_EQ(VersionCount(), 1u);

  const std::string url = server_->Url("/truncated/consolidated.xml");
  Result<UpdateReport> truncated = UpdateLists(*store_, {Un("/truncated/consolidated.xml")});
  ASSERT_TRUE(truncated.ok()) << truncated.error().message;
  const SourceReport& un = truncated->sources[0];
  EXPECT_EQ(un.outcome, SourceOutcome::kFailed);
  ASSERT_TRUE(un.error.has_value());
  EXPECT_EQ(un.error->code, ErrorCode::kParseError) << un.error->message;
  EXPECT_NE(un.error->message.find("consolidated.xml"), std::string::npos) << un.error->message;
  EXPECT_NE(un.error->message.find(url), std::string::npos) << un.error->message;
  EXPECT_EQ(VersionCount(), 1u);
}

TEST_F(UpdateListsTest, InvalidSourcesAreRefusedBeforeAnyDownload) {
  Source misnamed = Ofac();
  misnamed.files[1].save_as = "ALT.CSV";
  Result<UpdateReport> report = UpdateLists(*store_, {misnamed});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(report.error().message.find("alt.csv"), std::string::npos) << report.error().message;
  EXPECT_EQ(VersionCount(), 0u);
}

}  // namespace
}  // namespace tollgate::lists

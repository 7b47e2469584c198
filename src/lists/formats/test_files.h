// Test support for the list readers: the shared real list files (read in place, never
// copied into the repository) and a scratch directory for truncated or corrupted
// copies of them.
//
// Thread-safety: a TempDir belongs to one test.
// Failure: helpers fail the calling test through GoogleTest assertions.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "test_paths.h"
#include "tollgate/lists/format.h"

namespace tollgate::lists::testing {

inline std::filesystem::path SharedList(std::string_view name) {
  return std::filesystem::path(TOLLGATE_SHARED_DATA) / "lists" / name;
}

inline std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot read " << path;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A fresh directory under the system temp directory, removed with its files.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("tollgate_lists_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  std::filesystem::path Write(std::string_view name, std::string_view content) const {
    std::filesystem::path file = path_ / name;
    std::ofstream out(file, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    EXPECT_TRUE(out.good()) << "cannot write " << file;
    return file;
  }

 private:
  std::filesystem::path path_;
};

// The 1-based line of byte `offset`.
inline int LineOf(std::string_view text, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

// Reads a file that must parse; fails the test with the reader's message otherwise.
inline ParsedList MustRead(const std::filesystem::path& path,
                           std::optional<Format> format = std::nullopt) {
  Result<ParsedList> parsed = ReadListFile(path, format);
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
  if (!parsed.ok()) return ParsedList{};
  return std::move(parsed).value();
}

// The message of a read that must fail with kParseError.
inline std::string ParseFailure(const std::filesystem::path& path,
                                std::optional<Format> format = std::nullopt) {
  Result<ParsedList> parsed = ReadListFile(path, format);
  EXPECT_FALSE(parsed.ok()) << path << " was read but should have been refused";
  if (parsed.ok()) return "";
  EXPECT_EQ(parsed.error().code, ErrorCode::kParseError) << parsed.error().message;
  return parsed.error().message;
}

inline const ListEntry* FindEntry(const ParsedList& list, std::string_view entry_id) {
  for (const ListEntry& e : list.entries) {
    if (e.entry_id == entry_id) return &e;
  }
  return nullptr;
}

inline const ListEntry* FindByName(const ParsedList& list, std::string_view name) {
  for (const ListEntry& e : list.entries) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

}  // namespace tollgate::lists::testing

// The real-list corpus: every official list file in a directory read with
// lists::ReadListFile. OFAC's alias and address files are companions that the reader
// takes in beside their primary file, so they are not read a second time on their own.
//
// Thread-safety: free function without shared state.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/lists/entry.h"

namespace tollgate::bench {

struct CorpusFile {
  std::string file;    // file name within the directory
  std::string format;  // lists::FormatName, or "companion of X"
  std::size_t entries = 0;
};

struct ListCorpus {
  std::vector<lists::ListEntry> entries;
  std::vector<CorpusFile> files;
};

// Fails when the directory has no list file or when a file that is not a companion of
// another fails to read: a benchmark over part of the lists would misreport the size.
Result<ListCorpus> LoadListCorpus(const std::filesystem::path& directory);

}  // namespace tollgate::bench

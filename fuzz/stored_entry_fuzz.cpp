// The stored list entry's fast reader (storage/stored_entry_reader.h) against the full
// path it stands in for (nlohmann + lists::EntryFromJson): whatever body the fast reader
// takes, the full path takes too and reads the same entry. A body is what a store gives
// back, so a damaged database or a hand-edited row reaches the reader: it must never
// read past its input, and never accept what the full path refuses.
#include "fuzz_support.h"
#include "storage/stored_entry_reader.h"
#include "tollgate/lists/entry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tollgate;
  std::optional<lists::ListEntry> fast = storage::ReadCanonicalEntry(fuzz::Text(data, size));
  if (!fast) return 0;
  std::optional<nlohmann::json> json = fuzz::ParseJson(data, size);
  if (!json) std::abort();  // the fast reader took what is not JSON
  Result<lists::ListEntry> full = lists::EntryFromJson(*json);
  if (!full.ok() || !(*full == *fast)) std::abort();
  fuzz::MustSerialize(lists::ToJson(*fast));
  return 0;
}

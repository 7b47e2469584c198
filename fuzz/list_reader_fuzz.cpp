// Each list reader, with format detection: any bytes give a parsed list whose entries
// can be written as JSON, or an input error; never an exception or a crash.
#include "fuzz_support.h"
#include "lists/formats/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tollgate;
  // No companion files exist beside this name, so OFAC input reads without them.
  Result<lists::ParsedList> parsed =
      lists::formats::ReadListBytes("fuzz-input", fuzz::Text(data, size), std::nullopt);
  if (!parsed.ok()) {
    fuzz::MustBeInputError(parsed.error());
    return 0;
  }
  for (const lists::ListEntry& entry : parsed->entries) fuzz::MustSerialize(lists::ToJson(entry));
  return 0;
}

// The party master's file reader (`tollgate parties import`, POST /api/parties/upload):
// a file an exporter sends, CSV or JSON by its content. It gives parties, or an input
// error naming the line and field; never an exception, a crash or an internal error.
#include <string_view>

#include "fuzz_support.h"
#include "tollgate/parties/party_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tollgate;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // No extension: the format is told from the content, so both readers are reached.
  Result<std::vector<parties::Party>> read = parties::ParseParties(text, "upload");
  if (read.ok()) {
    for (const auto& party : *read) fuzz::MustSerialize(parties::ToJson(party));
  } else {
    fuzz::MustBeInputError(read.error());
  }
  return 0;
}

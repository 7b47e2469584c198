// The JSON reader of a workflow event (a transition of an application): an event, or
// an input error; never an exception.
#include "fuzz_support.h"
#include "tollgate/licensing/application_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tollgate;
  std::optional<nlohmann::json> json = fuzz::ParseJson(data, size);
  if (!json) return 0;
  Result<licensing::Event> event = licensing::EventFromJson(*json);
  if (event.ok()) {
    fuzz::MustSerialize(licensing::ToJson(*event));
  } else {
    fuzz::MustBeInputError(event.error());
  }
  return 0;
}

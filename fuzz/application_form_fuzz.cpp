// The JSON reader of the application form (BIS-748P), as the applicant files it and as
// it is stored: an application, or an input error; never an exception.
#include "fuzz_support.h"
#include "tollgate/licensing/application_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tollgate;
  std::optional<nlohmann::json> json = fuzz::ParseJson(data, size);
  if (!json) return 0;
  for (auto scope : {licensing::JsonScope::kForm, licensing::JsonScope::kStored}) {
    Result<licensing::Application> application = licensing::ApplicationFromJson(*json, scope);
    if (application.ok()) {
      fuzz::MustSerialize(licensing::ToJson(*application));
    } else {
      fuzz::MustBeInputError(application.error());
    }
  }
  return 0;
}

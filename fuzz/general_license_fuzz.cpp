// The JSON reader of a general license (`general-licenses add`, POST
// /api/general-licenses) and of a window extending one, against the shipped rules'
// activities: a record, or an input error; never an exception.
#include "fuzz_support.h"
#include "tollgate/rules/rule_set.h"
#include "tollgate/rules/stored_general_licenses.h"

namespace {

const tollgate::rules::RuleSet& Rules() {
  static const tollgate::rules::RuleSet rules = [] {
    auto loaded = tollgate::rules::LoadRules(TOLLGATE_SOURCE_DIR "/data/rules");
    if (!loaded.ok()) std::abort();  // the shipped rules must load
    return std::move(loaded).value();
  }();
  return rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tollgate;
  std::optional<nlohmann::json> json = fuzz::ParseJson(data, size);
  if (!json) return 0;
  auto record = rules::GeneralLicenseRecordFromJson(*json, "fuzz", Rules().activities);
  if (!record.ok()) {
    fuzz::MustBeInputError(record.error());
    return 0;
  }
  fuzz::MustSerialize(record->definition);
  // The same input as a window extending the license it defines.
  auto extended = rules::ExtendGeneralLicense(*record, *json, Rules().activities);
  if (!extended.ok()) fuzz::MustBeInputError(extended.error());
  return 0;
}

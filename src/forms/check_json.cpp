#include "tollgate/forms/check_json.h"

namespace tollgate::forms {

nlohmann::json CheckJson(const rules::Determination& determination, std::int64_t record_id) {
  nlohmann::json out = rules::ToJson(determination);
  out["record_id"] = record_id;
  return out;
}

}  // namespace tollgate::forms

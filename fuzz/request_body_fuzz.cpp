// libFuzzer target: arbitrary bytes as an HTTP request body, through the depth-limited
// parse every route uses (common/json_limits.h) and, when that accepts them, through
// the readers the routes hand a body to: the application form, the workflow event, a
// shipment, a license, the /api/check transaction (with its limits) and a general
// license with its extension. None may crash, throw or recurse without bound; each
// answers a value or an Error.
//   make fuzz && build-fuzz/request_body_fuzz fuzz/corpus/request_body  (see fuzz/)
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "tollgate/common/json_limits.h"
#include "tollgate/licensing/application_json.h"
#include "tollgate/licensing/license.h"
#include "tollgate/licensing/shipment.h"
#include "tollgate/rules/determination_record.h"
#include "tollgate/rules/rule_set.h"
#include "tollgate/rules/stored_general_licenses.h"
#include "tollgate/rules/transaction.h"

namespace {

const std::vector<tollgate::rules::Activity>& Activities() {
  // The shipped activities, read once (the general license reader checks names).
  static const auto activities = [] {
#ifdef TOLLGATE_SOURCE_DIR
    auto rules =
        tollgate::rules::LoadRules(std::filesystem::path(TOLLGATE_SOURCE_DIR) / "data" / "rules");
    if (rules.ok()) return rules->activities;
#endif
    return std::vector<tollgate::rules::Activity>{};
  }();
  return activities;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tollgate;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = ParseJsonLimited(text, "the body");
  if (!parsed.ok()) return 0;
  nlohmann::json& body = *parsed;
  // What the routes do with the value: copy it, serialize it, read it.
  const nlohmann::json copy = body;
  (void)copy.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  (void)licensing::ApplicationFromJson(body, licensing::JsonScope::kForm);
  if (body.is_object() && body.contains("event")) {
    nlohmann::json event = body["event"];
    if (event.is_object()) {
      event["actor"] = {{"role", "reviewer"}};
      (void)licensing::EventFromJson(event);
    }
  }
  (void)licensing::ShipmentFromJson(body);
  (void)licensing::LicenseFromJson(body);
  if (auto tx = rules::TransactionFromJson(body); tx.ok()) {
    (void)rules::CheckTransactionLimits(*tx, {});
  }
  auto record = rules::GeneralLicenseRecordFromJson(body, "the body", Activities());
  if (record.ok()) (void)rules::ExtendGeneralLicense(*record, body, Activities());
  return 0;
}

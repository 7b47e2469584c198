#include "tollgate/licensing/issue.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tollgate/common/data_dir.h"

namespace tollgate::licensing {
namespace {

Error ParseFailure(const std::string& file, const std::string& where, const std::string& what) {
  return MakeError(ErrorCode::kParseError, file + ": " + where + ": " + what);
}

void AddParty(License& license, rules::PartyRole role, const std::optional<Party>& party) {
  if (party && !party->name.empty()) license.parties.push_back({role, party->name, party->country});
}

}  // namespace

Result<LicenseTerms> ParseLicenseTerms(std::string_view json_text, const std::string& file) {
  auto json = nlohmann::json::parse(json_text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return MakeError(ErrorCode::kParseError, file + ": not a JSON object");
  }
  static const std::set<std::string> kTop = {"about", "default_validity"};
  static const std::set<std::string> kValidity = {"years", "citation", "check", "note"};
  for (auto it = json.begin(); it != json.end(); ++it) {
    if (!kTop.contains(it.key())) return ParseFailure(file, "/" + it.key(), "unknown field");
  }
  auto validity = json.find("default_validity");
  if (validity == json.end() || !validity->is_object()) {
    return ParseFailure(file, "/default_validity", "missing");
  }
  for (auto it = validity->begin(); it != validity->end(); ++it) {
    if (!kValidity.contains(it.key())) {
      return ParseFailure(file, "/default_validity/" + it.key(), "unknown field");
    }
  }
  LicenseTerms terms;
  auto years = validity->find("years");
  if (years == validity->end() || !years->is_number_integer() || years->get<int>() < 1 ||
      years->get<int>() > 20) {
    return ParseFailure(file, "/default_validity/years", "a whole number of years from 1 to 20");
  }
  terms.validity_years = years->get<int>();
  auto citation = validity->find("citation");
  if (citation == validity->end() || !citation->is_string() ||
      citation->get<std::string>().empty()) {
    return ParseFailure(file, "/default_validity/citation", "missing");
  }
  terms.citation = citation->get<std::string>();
  if (validity->value("check", false) && validity->value("note", "").empty()) {
    return ParseFailure(file, "/default_validity/note", "a fact marked check needs a note");
  }
  return terms;
}

Result<LicenseTerms> LoadLicenseTerms(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIoError, "cannot read '" + path.string() + "'");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseLicenseTerms(buffer.str(), path.string());
}

Result<std::filesystem::path> ShippedLicenseTermsPath() {
  return ShippedPath("data/rules/license_terms.json");
}

Date ValidityEnd(Date from, int years) {
  int y = 0, m = 0, d = 0;
  std::sscanf(from.ToString().c_str(), "%d-%d-%d", &y, &m, &d);
  auto same_day = Date::FromYmd(y + years, m, d);
  // 29 February in a year without one: the term ends with February.
  Date anniversary = same_day.ok() ? *same_day : Date::FromYmd(y + years, 3, 1).value();
  return anniversary.AddDays(-1);
}

Result<License> LicenseForApproval(const Application& approved, const std::string& holder,
                                   const LicenseTerms& terms) {
  if (approved.state != ApplicationState::kApproved || !approved.review.decision) {
    return MakeError(ErrorCode::kInvalidArgument,
                     Subject(approved) + " is not approved: no license to issue");
  }
  const Decision& decision = *approved.review.decision;
  License license;
  license.holder = holder;
  license.organization = approved.organization;
  license.application = approved.control_number;
  license.destination = approved.destination;
  AddParty(license, rules::PartyRole::kPurchaser, approved.purchaser);
  AddParty(license, rules::PartyRole::kIntermediateConsignee, approved.intermediate_consignee);
  AddParty(license, rules::PartyRole::kUltimateConsignee, approved.ultimate_consignee);
  AddParty(license, rules::PartyRole::kEndUser, approved.end_user);
  auto add_item = [&](const ApplicationItem& item, std::int64_t quantity) {
    LicenseItem out;
    out.eccn = item.eccn;
    out.description = item.description;
    out.quantity = quantity;
    // In part: the value of the quantity approved, at the form's unit price.
    out.value_usd =
        quantity == item.quantity ? item.value_usd : (item.unit_price_cents * quantity + 50) / 100;
    out.remaining_quantity = out.quantity;
    out.remaining_value_usd = out.value_usd;
    license.items.push_back(std::move(out));
  };
  if (decision.approved_items.empty()) {
    for (const auto& item : approved.items) add_item(item, item.quantity);
  } else {
    for (std::size_t i = 0; i < decision.approved_items.size(); ++i) {
      const auto& part = decision.approved_items[i];
      if (part.item >= approved.items.size()) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "approved_items/" + std::to_string(i) + "/item: no item " +
                             std::to_string(part.item) + " on " + Subject(approved));
      }
      add_item(approved.items[part.item], part.quantity);
    }
  }
  license.valid_from = decision.on;
  license.valid_until = ValidityEnd(decision.on, terms.validity_years);
  license.issued_on = decision.on.ToString();
  license.conditions = decision.conditions;
  // Validated by the store once it has its number (ValidateLicense).
  return license;
}

}  // namespace tollgate::licensing

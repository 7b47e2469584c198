#include "tollgate/licensing/application.h"

#include <array>
#include <cctype>
#include <utility>

#include "licensing/form_check.h"
#include "tollgate/common/country.h"

namespace tollgate::licensing {
namespace {

constexpr std::array<std::pair<ApplicationState, const char*>, 11> kStateNames = {{
    {ApplicationState::kDraft, "draft"},
    {ApplicationState::kSubmitted, "submitted"},
    {ApplicationState::kRegistered, "registered"},
    {ApplicationState::kReturnedWithoutAction, "returned_without_action"},
    {ApplicationState::kReferred, "referred"},
    {ApplicationState::kEscalated, "escalated"},
    {ApplicationState::kIntentToDeny, "intent_to_deny"},
    {ApplicationState::kApplicantResponded, "applicant_responded"},
    {ApplicationState::kApproved, "approved"},
    {ApplicationState::kDenied, "denied"},
    {ApplicationState::kWithdrawn, "withdrawn"},
}};

constexpr std::array<std::pair<Agency, const char*>, 3> kAgencyNames = {{
    {Agency::kDefense, "defense"},
    {Agency::kState, "state"},
    {Agency::kEnergy, "energy"},
}};

constexpr std::array<std::pair<Recommendation, const char*>, 3> kRecommendationNames = {{
    {Recommendation::kApprove, "approve"},
    {Recommendation::kApproveWithConditions, "approve_with_conditions"},
    {Recommendation::kDeny, "deny"},
}};

template <typename Enum, std::size_t N>
const char* NameOf(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> ValueOf(const std::array<std::pair<Enum, const char*>, N>& table,
                            std::string_view name) {
  for (const auto& [v, n] : table) {
    if (name == n) return v;
  }
  return std::nullopt;
}

// Stored upper-case, as the country table spells it ("CN", never "cn").
bool IsCountryCode(std::string_view code) {
  auto country = CountryByCode(code);
  return country && country->code == code;
}

bool Blank(std::string_view text) {
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string Problem(const std::string& field, const std::string& why) { return field + ": " + why; }

std::string PartyProblem(const std::string& field, const Party& party) {
  if (Blank(party.name)) return Problem(field + "/name", "missing");
  if (!IsCountryCode(party.country)) {
    return Problem(field + "/country",
                   "'" + party.country + "' is not an ISO 3166-1 alpha-2 country code");
  }
  return {};
}

std::string ItemProblem(std::size_t index, const ApplicationItem& item) {
  const std::string field = "items/" + std::to_string(index);
  if (!IsWellFormedEccn(item.eccn)) {
    return Problem(field + "/eccn", "'" + item.eccn + "' is not an ECCN (e.g. 5D992.c) or EAR99");
  }
  if (Blank(item.description)) return Problem(field + "/description", "missing");
  if (item.quantity <= 0) return Problem(field + "/quantity", "must be above 0");
  if (Blank(item.units)) return Problem(field + "/units", "missing");
  if (item.unit_price_cents <= 0) return Problem(field + "/unit_price_cents", "must be above 0");
  // The form's total price is quantity x unit price, rounded to whole dollars.
  const long double exact = static_cast<long double>(item.quantity) * item.unit_price_cents;
  const long double stated = static_cast<long double>(item.value_usd) * 100;
  if (stated - exact >= 100 || exact - stated >= 100) {
    return Problem(field + "/value_usd", std::to_string(item.value_usd) +
                                             " is not quantity x unit price (" +
                                             std::to_string(item.quantity) + " x " +
                                             std::to_string(item.unit_price_cents) + " cents)");
  }
  return {};
}

}  // namespace

const char* StateName(ApplicationState state) { return NameOf(kStateNames, state); }
std::optional<ApplicationState> ParseState(std::string_view name) {
  return ValueOf(kStateNames, name);
}

bool IsFinal(ApplicationState state) {
  return state == ApplicationState::kApproved || state == ApplicationState::kDenied ||
         state == ApplicationState::kReturnedWithoutAction || state == ApplicationState::kWithdrawn;
}

const char* AgencyName(Agency agency) { return NameOf(kAgencyNames, agency); }
std::optional<Agency> ParseAgency(std::string_view name) { return ValueOf(kAgencyNames, name); }

const char* RecommendationName(Recommendation recommendation) {
  return NameOf(kRecommendationNames, recommendation);
}
std::optional<Recommendation> ParseRecommendation(std::string_view name) {
  return ValueOf(kRecommendationNames, name);
}

std::string Subject(const Application& application) {
  if (!application.control_number.empty()) return "application " + application.control_number;
  if (application.id != 0) return "application #" + std::to_string(application.id);
  return "draft application";
}

bool IsWellFormedEccn(std::string_view eccn) {
  if (eccn == "EAR99") return true;
  if (eccn.size() < 5) return false;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!digit(eccn[0]) || eccn[1] < 'A' || eccn[1] > 'E' || !digit(eccn[2]) || !digit(eccn[3]) ||
      !digit(eccn[4])) {
    return false;
  }
  // Paragraphs: ".a", ".c.1", ".b.2.a": non-empty runs of lower-case letters or digits.
  std::string_view rest = eccn.substr(5);
  while (!rest.empty()) {
    if (rest[0] != '.' || rest.size() < 2) return false;
    std::size_t n = 1;
    while (n < rest.size() && rest[n] != '.') {
      const char c = rest[n];
      if (!digit(c) && (c < 'a' || c > 'z')) return false;
      ++n;
    }
    if (n == 1) return false;
    rest.remove_prefix(n);
  }
  return true;
}

std::int64_t TotalValueUsd(const Application& application) {
  std::int64_t total = 0;
  for (const auto& item : application.items) total += item.value_usd;
  return total;
}

std::string FormProblem(const Application& a) {
  if (Blank(a.organization)) return Problem("organization", "missing");
  if (auto p = PartyProblem("applicant", a.applicant); !p.empty()) return p;
  if (Blank(a.contact.name)) return Problem("contact/name", "missing");
  if (Blank(a.contact.phone) && Blank(a.contact.email)) {
    return Problem("contact", "give a phone number or an e-mail address");
  }
  const std::pair<const char*, const std::optional<Party>*> optional_parties[] = {
      {"purchaser", &a.purchaser},
      {"intermediate_consignee", &a.intermediate_consignee},
      {"end_user", &a.end_user}};
  if (auto p = PartyProblem("ultimate_consignee", a.ultimate_consignee); !p.empty()) return p;
  for (const auto& [field, party] : optional_parties) {
    if (!party->has_value()) continue;
    if (auto p = PartyProblem(field, **party); !p.empty()) return p;
  }
  if (Blank(a.end_use)) return Problem("end_use", "missing: state the specific end use");
  if (!IsCountryCode(a.destination)) {
    return Problem("destination",
                   "'" + a.destination + "' is not an ISO 3166-1 alpha-2 country code");
  }
  if (a.items.empty()) return Problem("items", "at least one item is needed");
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    if (auto p = ItemProblem(i, a.items[i]); !p.empty()) return p;
  }
  for (std::size_t i = 0; i < a.documents.size(); ++i) {
    if (Blank(a.documents[i])) return Problem("documents/" + std::to_string(i), "empty reference");
  }
  return {};
}

Status ValidateForSubmission(const Application& application) {
  std::string problem = FormProblem(application);
  if (problem.empty()) return {};
  return MakeError(ErrorCode::kInvalidArgument, Subject(application) + ": " + problem);
}

}  // namespace tollgate::licensing

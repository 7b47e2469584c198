// Application: a license application as on form BIS-748P (15 CFR part 748), and the
// record of its review under part 750 and EO 12981: where it stands, what the
// reviewing agencies recommended, the notice of intent to deny and the applicant's
// response, and the decision with the criteria it applied.
//
// The form's parts: the applicant and its contact; the purchaser, intermediate
// consignee, ultimate consignee and end user (§748.5); the specific end use; the
// destination; the items, each with ECCN, description, quantity, units, unit price
// and total price; references to supporting documents (§748.9 [check]). An
// application changes state only through the state machine (licensing/state_machine.h).
//
// Thread-safety: plain value types and pure functions.
// Failure: ValidateForSubmission returns kInvalidArgument naming the field
// ("items/0/eccn: ...").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"

namespace tollgate::licensing {

enum class ApplicationState {
  kDraft,                  // being written by the applicant; not at BIS yet
  kSubmitted,              // received by BIS, has its control number, not registered
  kRegistered,             // day 0 of the §750.4 clock
  kReturnedWithoutAction,  // RWA: deficient, returned unregistered or unresolved (final)
  kReferred,               // with the reviewing agencies (EO 12981)
  kEscalated,              // a dispute before the Operating Committee
  kIntentToDeny,           // §750.6 notice sent; the applicant may respond for 20 days
  kApplicantResponded,     // the response to the notice is in
  kApproved,               // in whole or in part, possibly with conditions (final)
  kDenied,                 // final; appealable under part 756
  kWithdrawn,              // by the applicant (final)
};
// "draft", "submitted", "registered", "returned_without_action", "referred",
// "escalated", "intent_to_deny", "applicant_responded", "approved", "denied",
// "withdrawn".
const char* StateName(ApplicationState state);
std::optional<ApplicationState> ParseState(std::string_view name);
// Approved, denied, returned without action, withdrawn: nothing can follow.
bool IsFinal(ApplicationState state);

// The agencies BIS refers applications to under EO 12981.
enum class Agency { kDefense, kState, kEnergy };
const char* AgencyName(Agency agency);  // "defense", "state", "energy"
std::optional<Agency> ParseAgency(std::string_view name);

enum class Recommendation { kApprove, kApproveWithConditions, kDeny };
// "approve", "approve_with_conditions", "deny"
const char* RecommendationName(Recommendation recommendation);
std::optional<Recommendation> ParseRecommendation(std::string_view name);

struct Party {
  std::string name;
  std::string address;
  std::string country;  // ISO 3166-1 alpha-2
  bool operator==(const Party&) const = default;
};

struct Contact {
  std::string name;
  std::string phone;
  std::string email;
  bool operator==(const Contact&) const = default;
};

struct ApplicationItem {
  std::string eccn;  // "5D992.c", or "EAR99"
  std::string description;
  std::int64_t quantity = 0;
  std::string units = "ea";  // as on the form: "ea", "$ value", "kg", ...
  std::int64_t unit_price_cents = 0;
  std::int64_t value_usd = 0;  // total price in whole dollars
  bool operator==(const ApplicationItem&) const = default;
};

struct AgencyRecommendation {
  Agency agency = Agency::kDefense;
  Recommendation recommendation = Recommendation::kApprove;
  std::string reasoning;
  std::vector<std::string> conditions;  // with kApproveWithConditions
  Date on;
  bool operator==(const AgencyRecommendation&) const = default;
};

// §750.6: the notice says why BIS intends to deny; the applicant has 20 days.
struct IntentToDeny {
  Date issued_on;
  Date response_due;                  // issued_on + 20
  std::vector<std::string> criteria;  // ids from the criteria catalog
  std::string reasons;
  bool operator==(const IntentToDeny&) const = default;
};

struct ApplicantResponse {
  Date on;
  std::string text;
  bool operator==(const ApplicantResponse&) const = default;
};

// An approval in part: which items, and how many of each, were approved.
struct ApprovedItem {
  std::size_t item = 0;  // index into Application::items
  std::int64_t quantity = 0;
  bool operator==(const ApprovedItem&) const = default;
};

// How the application ended: approved, denied, returned or withdrawn (the state says
// which). Approvals and denials carry the criteria they applied: the substance of the
// criteria report.
struct Decision {
  Date on;
  std::vector<std::string> criteria;
  std::string reasoning;
  std::vector<std::string> conditions;       // approvals only
  std::vector<ApprovedItem> approved_items;  // empty: approved in whole
  bool operator==(const Decision&) const = default;
};

struct Review {
  std::optional<Date> submitted_on;
  std::optional<Date> registered_on;  // day 0 of every statutory clock
  std::optional<Date> referred_on;
  std::vector<Agency> referred_to;
  std::vector<AgencyRecommendation> recommendations;
  std::optional<Date> escalated_on;
  std::string escalation_reason;
  std::optional<IntentToDeny> intent_to_deny;
  std::optional<ApplicantResponse> response;
  std::optional<Decision> decision;
  bool operator==(const Review&) const = default;
};

struct Application {
  std::int64_t id = 0;         // assigned by the store; 0 before it is saved
  std::int64_t version = 0;    // the store's optimistic-concurrency counter
  std::string control_number;  // "" until submitted; then a ControlNumber
  std::string organization;    // the store's key of the applicant organization
  ApplicationState state = ApplicationState::kDraft;

  Party applicant;
  Contact contact;
  std::optional<Party> purchaser;
  std::optional<Party> intermediate_consignee;
  Party ultimate_consignee;
  std::optional<Party> end_user;  // unset: the ultimate consignee is the end user
  std::string end_use;
  std::string destination;  // ISO 3166-1 alpha-2
  std::vector<ApplicationItem> items;
  std::vector<std::string> documents;  // references to supporting documents

  Review review;
  bool operator==(const Application&) const = default;
};

// "application D123456", or "application #12" before it has a control number, or
// "draft application" before it is saved: how messages and the audit log name it.
std::string Subject(const Application& application);

// Is the form whole enough to submit? Applicant name, contact name and a way to reach
// them, the ultimate consignee, every named party's country a known ISO code, the end
// use, a known destination, at least one item with an ECCN of the form "5D992" (with
// optional ".c" paragraphs) or "EAR99", a description, quantity and unit price above
// zero, and a total price within a dollar of quantity x unit price.
Status ValidateForSubmission(const Application& application);

// A well-formed ECCN: a digit (category), a letter A-E (product group), three digits,
// then optional paragraphs (".a", ".c.1"); or "EAR99".
bool IsWellFormedEccn(std::string_view eccn);

// Total price of the items, in whole dollars.
std::int64_t TotalValueUsd(const Application& application);

}  // namespace tollgate::licensing

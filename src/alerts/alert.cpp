#include "tollgate/alerts/alert.h"

#include <algorithm>

#include "tollgate/common/paging.h"

namespace tollgate::alerts {
namespace {

constexpr std::pair<State, const char*> kStates[] = {
    {State::kOpen, "open"}, {State::kDecided, "decided"}, {State::kClosed, "closed"}};
constexpr std::pair<Disposition, const char*> kDispositions[] = {
    {Disposition::kTrueMatch, "true_match"},
    {Disposition::kFalsePositive, "false_positive"},
    {Disposition::kEscalated, "escalated"}};

std::vector<std::string> Sorted(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  return values;
}

}  // namespace

const char* StateName(State state) {
  for (const auto& [s, name] : kStates) {
    if (s == state) return name;
  }
  return "open";
}

const char* DispositionName(Disposition disposition) {
  for (const auto& [d, name] : kDispositions) {
    if (d == disposition) return name;
  }
  return "";
}

Result<State> ParseState(std::string_view text, std::string_view field) {
  for (const auto& [s, name] : kStates) {
    if (text == name) return s;
  }
  return MakeError(ErrorCode::kInvalidArgument, std::string(field) + ": '" + std::string(text) +
                                                    "' is not a state (open, decided, closed)");
}

Result<Disposition> ParseDisposition(std::string_view text, std::string_view field) {
  if (text.empty()) return Disposition::kNone;
  for (const auto& [d, name] : kDispositions) {
    if (text == name) return d;
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   std::string(field) + ": '" + std::string(text) +
                       "' is not a disposition (true_match, false_positive, escalated)");
}

nlohmann::json PartyFacts(const parties::Party& party) {
  return {{"name", party.name}, {"aliases", Sorted(party.aliases)}, {"country", party.country}};
}

nlohmann::json EntryFacts(const lists::ListEntry& entry) {
  std::vector<std::string> aliases;
  for (const auto& alias : entry.aliases) aliases.push_back(alias.name);
  nlohmann::json addresses = nlohmann::json::array();
  for (const auto& a : entry.addresses) {
    addresses.push_back({a.street, a.city, a.state, a.postal_code, a.country, a.country_name});
  }
  return {{"name", entry.name},
          {"aliases", Sorted(std::move(aliases))},
          {"addresses", addresses},
          {"programs", Sorted(entry.programs)}};
}

nlohmann::json FactsChanged(const nlohmann::json& before, const nlohmann::json& after) {
  nlohmann::json changed = nlohmann::json::object();
  if (!before.is_object() || !after.is_object()) return changed;
  for (const auto& [field, value] : after.items()) {
    const auto it = before.find(field);
    nlohmann::json was = it == before.end() ? nlohmann::json(nullptr) : *it;
    if (was != value) changed[field] = {{"before", was}, {"after", value}};
  }
  return changed;
}

nlohmann::json ToJson(const Alert& a) {
  return {{"id", a.id},
          {"organization", a.organization},
          {"party",
           {{"id", a.party_id},
            {"external_id", a.party_external_id},
            {"name", a.party_name},
            {"revision", a.party_revision}}},
          {"list", a.list},
          {"entry_id", a.entry_id},
          {"entry_name", a.entry_name},
          {"feed", a.feed},
          {"list_version", a.list_version},
          {"score", a.score},
          {"match", a.match},
          {"state", StateName(a.state)},
          {"disposition", a.disposition == Disposition::kNone
                              ? nlohmann::json(nullptr)
                              : nlohmann::json(DispositionName(a.disposition))},
          {"comment", a.comment},
          {"decided_by", a.decided_by},
          {"decided_at", a.decided_at},
          {"assignee", a.assignee},
          {"opened_at", a.opened_at},
          {"updated_at", a.updated_at},
          {"party_facts", a.party_facts},
          {"entry_facts", a.entry_facts},
          {"changed", a.changed},
          {"version", a.version}};
}

Status ValidateFilter(const Filter& filter) {
  if (filter.organization.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "organization: name the organization");
  }
  if (auto paging = ValidatePaging(filter.page, filter.per_page, kMaxPerPage); !paging.ok())
    return paging;
  if (filter.min_score < 0 || filter.min_score > 1) {
    return MakeError(ErrorCode::kInvalidArgument, "min_score: must be between 0 and 1");
  }
  for (const char* sort : {"score", "-score", "id", "-id", "opened_at", "-opened_at"}) {
    if (filter.sort == sort) return {};
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "sort: '" + filter.sort +
                       "' is not one of score, id, opened_at (prefixed with - for descending)");
}

}  // namespace tollgate::alerts

// Screening (single and batch) and determinations over HTTP: the same library calls
// and JSON as `tollgate screen --json` and `tollgate check --json`. The index comes
// from the server's InForceIndexes (built once per version set), never per request.
#include <charconv>
#include <memory>
#include <utility>

#include "routes.h"
#include "tollgate/alerts/decisions.h"
#include "tollgate/common/country.h"
#include "tollgate/forms/screening_json.h"
#include "tollgate/history/answer_text.h"
#include "tollgate/history/history.h"
#include "tollgate/licensing/organization.h"
#include "tollgate/licensing/state_machine.h"
#include "tollgate/rules/determination_record.h"
#include "tollgate/rules/engine.h"
#include "tollgate/rules/transaction.h"
#include "tollgate/rules/transaction_fields.h"
#include "tollgate/screening/query_facts.h"

namespace tollgate::server {
namespace {

constexpr std::size_t kMaxNameLength = 1024;
constexpr std::size_t kMaxBatchNames = 1000;
constexpr std::size_t kMaxLimit = 100;

std::optional<ApiError> DateParam(const ApiRequest& request, const char* name, Date today,
                                  Date& out) {
  const std::string text = Query(request, name);
  if (text.empty()) {
    out = today;
    return std::nullopt;
  }
  auto date = Date::Parse(text);
  if (!date.ok()) return Invalid(name, date.error().message);
  out = *date;
  return std::nullopt;
}

std::optional<ApiError> NumberParam(const std::string& text, const char* name, double low,
                                    double high, double& out) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    return Invalid(name,
                   "expected a number from " + std::to_string(low) + " to " + std::to_string(high));
  }
  out = value;
  return std::nullopt;
}

std::optional<ApiError> CountryOf(const std::string& text, const std::string& field,
                                  std::optional<std::string>& out) {
  if (text.empty()) return std::nullopt;
  auto country = FindCountry(text);
  if (!country) return Invalid(field, "not an ISO 3166 alpha-2 code or country name");
  out = std::string(country->code);
  return std::nullopt;
}

std::optional<ApiError> CheckName(const std::string& name, const std::string& field) {
  if (name.find_first_not_of(" \t") == std::string::npos) return Invalid(field, "required");
  if (name.size() > kMaxNameLength) {
    return Invalid(field, "at most " + std::to_string(kMaxNameLength) + " bytes");
  }
  return std::nullopt;
}

// The secondary facts of a query (screening/facts.h), each optional; `at` prefixes the
// field names of an error ("names/3/").
std::optional<ApiError> SetFacts(const std::string& dob, const std::string& nationality,
                                 const std::string& identifier, const std::string& at,
                                 screening::Query& query) {
  if (!dob.empty()) {
    auto date = screening::ParseBirthDate(dob);
    if (!date.ok()) return Invalid(at + "date_of_birth", date.error().message);
    query.date_of_birth = *date;
  }
  if (!nationality.empty()) {
    auto code = screening::ParseNationality(nationality);
    if (!code.ok()) return Invalid(at + "nationality", code.error().message);
    query.nationality = *code;
  }
  if (!identifier.empty()) {
    auto id = screening::ParseQueryIdentifier(identifier);
    if (!id.ok()) return Invalid(at + "identifier", id.error().message);
    query.ids.push_back(std::move(*id));
  }
  return std::nullopt;
}

// Who asked, for the record (part 762).
history::Asker AskerOf(const Caller& caller, const char* channel) {
  return {licensing::Describe(licensing::ActorFor(caller.user)), caller.user.organization, channel};
}

ApiResponse Screen(ServerState& state, storage::Store& store, const Caller* caller,
                   const ApiRequest& request) {
  screening::Query query;
  query.name = Query(request, "name");
  if (auto e = CheckName(query.name, "name")) return ErrorResponse(*e);
  if (auto s = history::CheckRecordable(query.name, "name"); !s.ok()) {
    return ErrorResponse(FromError(s.error(), "name"));
  }
  Date as_of;
  if (auto e = DateParam(request, "as_of", state.clock().Today(), as_of)) return ErrorResponse(*e);
  query.as_of = as_of;
  if (auto e = CountryOf(Query(request, "country"), "country", query.country)) {
    return ErrorResponse(*e);
  }
  if (const std::string type = Query(request, "type"); !type.empty()) {
    query.type = lists::ParseEntryType(type);
    if (!query.type) {
      return ErrorResponse(Invalid("type", "one of entity, individual, vessel, aircraft"));
    }
  }
  if (auto e = SetFacts(Query(request, "date_of_birth"), Query(request, "nationality"),
                        Query(request, "identifier"), "", query)) {
    return ErrorResponse(*e);
  }
  if (auto e = NumberParam(Query(request, "threshold"), "threshold", 0, 1, query.threshold)) {
    return ErrorResponse(*e);
  }
  double limit = static_cast<double>(query.limit);
  if (auto e = NumberParam(Query(request, "limit"), "limit", 1, kMaxLimit, limit)) {
    return ErrorResponse(*e);
  }
  query.limit = static_cast<std::size_t>(limit);
  auto in_force = state.indexes().ForDate(store, as_of);
  if (!in_force.ok()) return ErrorResponse(FromError(in_force.error()));
  const auto matches = in_force->index->Screen(query);
  // The answer is built once; its record takes the lists searched and the matches.
  auto answer = history::AnswerScreening(as_of, in_force->versions, matches);
  // Answered only once on record, with the other requests' of the moment (issue 15,
  // item 6): a no-hit too, which is what an auditor asks to see (15 CFR 762.2(a)).
  auto id = state.screening_recorder().Record(
      store, history::ScreeningRecordOf(query, as_of, in_force->versions, matches, answer,
                                        AskerOf(*caller, "api")));
  if (!id.ok()) return ErrorResponse(FromError(id.error()));
  ApiResponse response;
  response.body = answer.Text(*id);
  return response;
}

ApiResponse ScreenBatch(ServerState& state, storage::Store& store, const Caller* caller,
                        const ApiRequest& request) {
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  const auto& json = *body;
  for (const auto& [key, value] : json.items()) {
    if (key != "names" && key != "threshold" && key != "as_of") {
      return ErrorResponse(Invalid(key, "unknown field"));
    }
  }
  if (!json.contains("names") || !json["names"].is_array() || json["names"].empty()) {
    return ErrorResponse(
        Invalid("names",
                "required: a non-empty array of {id, name, country?, date_of_birth?, "
                "nationality?, identifier?}"));
  }
  if (json["names"].size() > kMaxBatchNames) {
    return ErrorResponse(Invalid("names", "at most " + std::to_string(kMaxBatchNames) +
                                              " per request (use `tollgate screen --batch` for "
                                              "files)"));
  }
  double threshold = screening::kDefaultThreshold;
  if (json.contains("threshold")) {
    if (!json["threshold"].is_number() || json["threshold"] < 0 || json["threshold"] > 1) {
      return ErrorResponse(Invalid("threshold", "expected a number from 0 to 1"));
    }
    threshold = json["threshold"];
  }
  Date as_of = state.clock().Today();
  if (json.contains("as_of")) {
    auto date = json["as_of"].is_string()
                    ? Date::Parse(json["as_of"].get<std::string>())
                    : Result<Date>(MakeError(ErrorCode::kInvalidArgument, "expected YYYY-MM-DD"));
    if (!date.ok()) return ErrorResponse(Invalid("as_of", date.error().message));
    as_of = *date;
  }
  // Everything is checked before anything is screened.
  std::vector<std::pair<std::string, screening::Query>> queries;
  for (std::size_t i = 0; i < json["names"].size(); ++i) {
    const auto& item = json["names"][i];
    const std::string at = "names/" + std::to_string(i);
    if (!item.is_object()) return ErrorResponse(Invalid(at, "expected an object"));
    for (const auto& [key, value] : item.items()) {
      if (key != "id" && key != "name" && key != "country" && key != "date_of_birth" &&
          key != "nationality" && key != "identifier") {
        return ErrorResponse(Invalid(at + "/" + key, "unknown field"));
      }
      if (!value.is_string()) return ErrorResponse(Invalid(at + "/" + key, "expected a string"));
    }
    screening::Query query;
    query.name = item.value("name", "");
    if (auto e = CheckName(query.name, at + "/name")) return ErrorResponse(*e);
    if (auto s = history::CheckRecordable(query.name, at + "/name"); !s.ok()) {
      return ErrorResponse(FromError(s.error(), at + "/name"));
    }
    if (auto e = CountryOf(item.value("country", ""), at + "/country", query.country)) {
      return ErrorResponse(*e);
    }
    if (auto e = SetFacts(item.value("date_of_birth", ""), item.value("nationality", ""),
                          item.value("identifier", ""), at + "/", query)) {
      return ErrorResponse(*e);
    }
    query.as_of = as_of;
    query.threshold = threshold;
    queries.emplace_back(item.value("id", std::to_string(i + 1)), std::move(query));
  }
  auto in_force = state.indexes().ForDate(store, as_of);
  if (!in_force.ok()) return ErrorResponse(FromError(in_force.error()));
  nlohmann::json results = nlohmann::json::array();
  std::vector<storage::ScreeningRecord> records;
  records.reserve(queries.size());
  const auto asker = AskerOf(*caller, "batch");
  for (const auto& [id, query] : queries) {
    const auto matches = in_force->index->Screen(query);
    records.push_back(history::ScreeningRecordOf(query, as_of, in_force->versions, matches, asker));
    results.push_back({{"id", id}, {"query", query.name}, {"matches", records.back().matches}});
  }
  // One record per row, all in one transaction, before the answer.
  auto ids = history::RecordScreenings(store, records);
  if (!ids.ok()) return ErrorResponse(FromError(ids.error()));
  for (std::size_t i = 0; i < ids->size(); ++i) results[i]["record_id"] = (*ids)[i];
  nlohmann::json out = {{"as_of", as_of.ToString()}};
  forms::AddListsSearched(out, as_of, in_force->versions);
  out["results"] = std::move(results);
  return Json(out);
}

// For an applicant, the exporter is its own organization whatever the body says, and
// only its organization's licenses may authorize (licensing::MayUse, 15 CFR 750.7(a)):
// another organization's license never answers, nor appears in, its determination.
Status AsApplicant(storage::Store& store, const Caller& caller, rules::Transaction& tx) {
  if (caller.user.role != licensing::Role::kApplicant) return {};
  auto organizations = store.ListOrganizations();
  if (!organizations.ok()) return organizations.error();
  for (const auto& o : *organizations) {
    if (o.id == caller.user.organization) {
      tx.exporter = o.name;
      return {};
    }
  }
  return MakeError(ErrorCode::kPermissionDenied, "the caller belongs to no organization");
}

ApiResponse Check(ServerState& state, storage::Store& store, const Caller* caller,
                  const ApiRequest& request) {
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  auto tx = rules::TransactionFromJson(*body);
  if (!tx.ok()) return ErrorResponse(FromError(tx.error()));
  // Bounded before anything is screened or stored (issue 11, item 9).
  if (auto s = rules::CheckTransactionLimits(*tx, state.options().check_limits); !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  if (auto valid = rules::ValidateTransactionFields(state.rules(), *tx); !valid.ok()) {
    return ErrorResponse(FromError(valid.error()));
  }
  if (auto s = AsApplicant(store, *caller, *tx); !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  // An applicant's own analysts' dispositions of its parties apply (issue 15, item 4),
  // as stored now: a decision made a moment ago, here or on another server, counts.
  std::shared_ptr<const rules::PartyDecisions> decisions;
  if (caller->user.role == licensing::Role::kApplicant && !caller->user.organization.empty()) {
    auto decided = state.decisions().For(store, caller->user.organization);
    if (!decided.ok()) return ErrorResponse(FromError(decided.error()));
    decisions = std::move(decided).value();
  }
  auto determination = state.engine().Determine(std::move(*tx), &caller->user,  // not read again
                                                decisions.get());
  if (!determination.ok()) return ErrorResponse(FromError(determination.error()));
  // The answer is written once; its "transaction" is the request the record keeps.
  const auto answer = history::AnswerCheck(*determination);
  // Recorded with the other requests' of the moment, in one transaction.
  auto id = state.recorder().Record(
      store, rules::RecordWithRequest(*determination, answer.transaction,
                                      licensing::Describe(licensing::ActorFor(caller->user)),
                                      caller->user.organization));
  if (!id.ok()) return ErrorResponse(FromError(id.error()));
  ApiResponse response;
  response.body = answer.Text(*id);
  return response;
}

}  // namespace

void AddScreeningRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/screen", Access::kUser, Screen});
  routes.push_back({"POST", "/api/screen/batch", Access::kUser, ScreenBatch});
  routes.push_back({"POST", "/api/check", Access::kUser, Check});
}

}  // namespace tollgate::server

#include "tollgate/licensing/application_json.h"

#include "licensing/json_fields.h"

namespace tollgate::licensing {
namespace {

using internal::JsonFieldError;
using internal::JsonFields;
using nlohmann::json;

void PutIfSet(json& out, const char* key, const std::string& value) {
  if (!value.empty()) out[key] = value;
}
void PutIfSet(json& out, const char* key, const std::optional<Date>& value) {
  if (value) out[key] = value->ToString();
}
void PutIfSet(json& out, const char* key, const std::vector<std::string>& value) {
  if (!value.empty()) out[key] = value;
}

json PartyJson(const Party& p) {
  json out = {{"name", p.name}, {"country", p.country}};
  PutIfSet(out, "address", p.address);
  return out;
}

Party ReadParty(JsonFields fields) {
  Party p;
  p.name = fields.String("name", true);
  p.address = fields.String("address", false);
  p.country = fields.String("country", true);
  fields.Finish();
  return p;
}

std::optional<Party> ReadOptionalParty(JsonFields& parent, const char* key) {
  auto fields = parent.Object(key);
  if (!fields) return std::nullopt;
  return ReadParty(*fields);
}

template <typename Enum, typename Parse>
Enum ReadName(JsonFields& fields, std::string_view key, Parse parse, const char* kind) {
  const std::string name = fields.String(key, true);
  auto value = parse(name);
  if (!value) fields.Fail(key, "unknown " + std::string(kind) + " '" + name + "'");
  return *value;
}

json ItemJson(const ApplicationItem& item) {
  return {{"eccn", item.eccn},
          {"description", item.description},
          {"quantity", item.quantity},
          {"units", item.units},
          {"unit_price_cents", item.unit_price_cents},
          {"value_usd", item.value_usd}};
}

ApplicationItem ReadItem(JsonFields& f) {
  ApplicationItem item;
  item.eccn = f.String("eccn", true);
  item.description = f.String("description", true);
  item.quantity = f.Integer("quantity", std::nullopt);
  item.units = f.Has("units") ? f.String("units", true) : "ea";
  item.unit_price_cents = f.Integer("unit_price_cents", std::nullopt);
  item.value_usd = f.Integer("value_usd", std::nullopt);
  return item;
}

json ApprovedItemsJson(const std::vector<ApprovedItem>& items) {
  json out = json::array();
  for (const auto& a : items) out.push_back({{"item", a.item}, {"quantity", a.quantity}});
  return out;
}

std::vector<ApprovedItem> ReadApprovedItems(JsonFields& f) {
  std::vector<ApprovedItem> items;
  f.ForEach("approved_items", [&](JsonFields& e, std::size_t) {
    const std::int64_t index = e.Integer("item", std::nullopt);
    if (index < 0) e.Fail("item", "must not be negative");
    items.push_back({static_cast<std::size_t>(index), e.Integer("quantity", std::nullopt)});
  });
  return items;
}

json DecisionJson(const Decision& d) {
  json out = {{"on", d.on.ToString()}};
  PutIfSet(out, "criteria", d.criteria);
  PutIfSet(out, "reasoning", d.reasoning);
  PutIfSet(out, "conditions", d.conditions);
  if (!d.approved_items.empty()) out["approved_items"] = ApprovedItemsJson(d.approved_items);
  return out;
}

json ReviewJson(const Review& r) {
  json out = json::object();
  PutIfSet(out, "submitted_on", r.submitted_on);
  PutIfSet(out, "registered_on", r.registered_on);
  PutIfSet(out, "referred_on", r.referred_on);
  if (!r.referred_to.empty()) {
    json agencies = json::array();
    for (Agency a : r.referred_to) agencies.push_back(AgencyName(a));
    out["referred_to"] = agencies;
  }
  if (!r.recommendations.empty()) {
    json recs = json::array();
    for (const auto& rec : r.recommendations) {
      json one = {{"agency", AgencyName(rec.agency)},
                  {"recommendation", RecommendationName(rec.recommendation)},
                  {"reasoning", rec.reasoning},
                  {"on", rec.on.ToString()}};
      PutIfSet(one, "conditions", rec.conditions);
      recs.push_back(one);
    }
    out["recommendations"] = recs;
  }
  PutIfSet(out, "escalated_on", r.escalated_on);
  PutIfSet(out, "escalation_reason", r.escalation_reason);
  if (r.intent_to_deny) {
    const auto& n = *r.intent_to_deny;
    out["intent_to_deny"] = {{"issued_on", n.issued_on.ToString()},
                             {"response_due", n.response_due.ToString()},
                             {"criteria", n.criteria},
                             {"reasons", n.reasons}};
  }
  if (r.response) out["response"] = {{"on", r.response->on.ToString()}, {"text", r.response->text}};
  if (r.decision) out["decision"] = DecisionJson(*r.decision);
  return out;
}

Decision ReadDecision(JsonFields f) {
  Decision d;
  d.on = f.RequiredDate("on");
  d.criteria = f.Strings("criteria");
  d.reasoning = f.String("reasoning", false);
  d.conditions = f.Strings("conditions");
  d.approved_items = ReadApprovedItems(f);
  f.Finish();
  return d;
}

Review ReadReview(JsonFields f) {
  Review r;
  r.submitted_on = f.OptionalDate("submitted_on");
  r.registered_on = f.OptionalDate("registered_on");
  r.referred_on = f.OptionalDate("referred_on");
  const auto agencies = f.Strings("referred_to");
  for (std::size_t i = 0; i < agencies.size(); ++i) {
    auto agency = ParseAgency(agencies[i]);
    if (!agency) f.Fail("referred_to/" + std::to_string(i), "unknown agency '" + agencies[i] + "'");
    r.referred_to.push_back(*agency);
  }
  f.ForEach("recommendations", [&](JsonFields& e, std::size_t) {
    AgencyRecommendation rec;
    rec.agency = ReadName<Agency>(e, "agency", ParseAgency, "agency");
    rec.recommendation =
        ReadName<Recommendation>(e, "recommendation", ParseRecommendation, "recommendation");
    rec.reasoning = e.String("reasoning", false);
    rec.conditions = e.Strings("conditions");
    rec.on = e.RequiredDate("on");
    r.recommendations.push_back(std::move(rec));
  });
  r.escalated_on = f.OptionalDate("escalated_on");
  r.escalation_reason = f.String("escalation_reason", false);
  if (auto n = f.Object("intent_to_deny")) {
    IntentToDeny notice;
    notice.issued_on = n->RequiredDate("issued_on");
    notice.response_due = n->RequiredDate("response_due");
    notice.criteria = n->Strings("criteria");
    notice.reasons = n->String("reasons", false);
    n->Finish();
    r.intent_to_deny = std::move(notice);
  }
  if (auto resp = f.Object("response")) {
    r.response = ApplicantResponse{resp->RequiredDate("on"), resp->String("text", false)};
    resp->Finish();
  }
  if (auto d = f.Object("decision")) r.decision = ReadDecision(*d);
  f.Finish();
  return r;
}

Application ReadApplication(JsonFields& f, JsonScope scope) {
  Application a;
  if (scope == JsonScope::kStored) {
    a.id = f.Integer("id", 0);
    a.version = f.Integer("version", 0);
    a.control_number = f.String("control_number", false);
    a.state = ReadName<ApplicationState>(f, "state", ParseState, "state");
    if (auto review = f.Object("review")) a.review = ReadReview(*review);
  }
  a.organization = f.String("organization", false);
  if (auto applicant = f.Object("applicant")) a.applicant = ReadParty(*applicant);
  if (auto contact = f.Object("contact")) {
    a.contact.name = contact->String("name", false);
    a.contact.phone = contact->String("phone", false);
    a.contact.email = contact->String("email", false);
    contact->Finish();
  }
  a.purchaser = ReadOptionalParty(f, "purchaser");
  a.intermediate_consignee = ReadOptionalParty(f, "intermediate_consignee");
  if (auto consignee = f.Object("ultimate_consignee")) {
    a.ultimate_consignee = ReadParty(*consignee);
  }
  a.end_user = ReadOptionalParty(f, "end_user");
  a.end_use = f.String("end_use", false);
  a.destination = f.String("destination", false);
  f.ForEach("items", [&](JsonFields& e, std::size_t) { a.items.push_back(ReadItem(e)); });
  a.documents = f.Strings("documents");
  return a;
}

}  // namespace

json ToJson(const Application& a) {
  json out = {{"id", a.id},
              {"version", a.version},
              {"state", StateName(a.state)},
              {"organization", a.organization},
              {"applicant", PartyJson(a.applicant)},
              {"contact", {{"name", a.contact.name}}},
              {"ultimate_consignee", PartyJson(a.ultimate_consignee)},
              {"end_use", a.end_use},
              {"destination", a.destination},
              {"items", json::array()},
              {"review", ReviewJson(a.review)}};
  PutIfSet(out, "control_number", a.control_number);
  PutIfSet(out["contact"], "phone", a.contact.phone);
  PutIfSet(out["contact"], "email", a.contact.email);
  if (a.purchaser) out["purchaser"] = PartyJson(*a.purchaser);
  if (a.intermediate_consignee)
    out["intermediate_consignee"] = PartyJson(*a.intermediate_consignee);
  if (a.end_user) out["end_user"] = PartyJson(*a.end_user);
  for (const auto& item : a.items) out["items"].push_back(ItemJson(item));
  PutIfSet(out, "documents", a.documents);
  return out;
}

Result<Application> ApplicationFromJson(const json& value, JsonScope scope) {
  try {
    JsonFields fields(value, "");
    Application a = ReadApplication(fields, scope);
    fields.Finish();
    return a;
  } catch (const JsonFieldError& e) {
    std::string message = e.what();
    if (scope == JsonScope::kForm && message.find(": unknown field") != std::string::npos) {
      message += " (id, version, control_number, state and review are set by BIS, not the form)";
    }
    return MakeError(ErrorCode::kInvalidArgument, "application: " + message);
  }
}

json ToJson(const Event& e) {
  json actor = {{"role", RoleName(e.actor.role)}};
  PutIfSet(actor, "name", e.actor.name);
  if (e.actor.agency) actor["agency"] = AgencyName(*e.actor.agency);
  json out = {{"event", EventName(e.kind)}, {"actor", actor}};
  PutIfSet(out, "control_number", e.control_number);
  if (!e.agencies.empty()) {
    json agencies = json::array();
    for (Agency a : e.agencies) agencies.push_back(AgencyName(a));
    out["agencies"] = agencies;
  }
  if (e.recommendation) out["recommendation"] = RecommendationName(*e.recommendation);
  PutIfSet(out, "criteria", e.criteria);
  PutIfSet(out, "text", e.text);
  PutIfSet(out, "conditions", e.conditions);
  if (!e.approved_items.empty()) out["approved_items"] = ApprovedItemsJson(e.approved_items);
  return out;
}

Result<Event> EventFromJson(const json& value) {
  try {
    JsonFields f(value, "");
    Event e;
    e.kind = ReadName<EventKind>(f, "event", ParseEvent, "event");
    auto actor = f.Object("actor");
    if (!actor) f.Fail("actor", "missing");
    e.actor.role = ReadName<Role>(*actor, "role", ParseRole, "role");
    e.actor.name = actor->String("name", false);
    if (actor->Has("agency")) {
      e.actor.agency = ReadName<Agency>(*actor, "agency", ParseAgency, "agency");
    }
    actor->Finish();
    e.control_number = f.String("control_number", false);
    const auto agencies = f.Strings("agencies");
    for (std::size_t i = 0; i < agencies.size(); ++i) {
      auto agency = ParseAgency(agencies[i]);
      if (!agency) f.Fail("agencies/" + std::to_string(i), "unknown agency '" + agencies[i] + "'");
      e.agencies.push_back(*agency);
    }
    if (f.Has("recommendation")) {
      e.recommendation =
          ReadName<Recommendation>(f, "recommendation", ParseRecommendation, "recommendation");
    }
    e.criteria = f.Strings("criteria");
    e.text = f.String("text", false);
    e.conditions = f.Strings("conditions");
    e.approved_items = ReadApprovedItems(f);
    f.Finish();
    return e;
  } catch (const JsonFieldError& e) {
    return MakeError(ErrorCode::kInvalidArgument, std::string("event: ") + e.what());
  }
}

}  // namespace tollgate::licensing

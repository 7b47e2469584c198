// SqlStore's party master (table: migration 9): upserts by external id with an audit
// record per change, reads, and removal.
#include <cstdio>
#include <map>
#include <set>

#include "storage/queries.h"
#include "storage/sql_store.h"
#include "storage/stored_applications.h"
#include "storage/stored_rows.h"

namespace tollgate::storage {
namespace {

std::string PartyBody(const parties::Party& party) {
  nlohmann::json identifiers = nlohmann::json::array();
  for (const auto& i : party.identifiers) {
    identifiers.push_back({{"type", i.type}, {"value", i.value}});
  }
  return nlohmann::json{{"aliases", party.aliases},
                        {"address", party.address},
                        {"date_of_birth", party.date_of_birth},
                        {"identifiers", identifiers}}
      .dump();
}

std::string PartyScreeningBody(const parties::Screening& screening) {
  return nlohmann::json{{"lists", screening.lists}, {"matches", screening.matches}}.dump();
}

Error Damaged(const std::string& organization, const std::string& external_id) {
  return MakeError(ErrorCode::kStorageError,
                   "party " + organization + "/" + external_id + ": the stored row is damaged");
}

Error UnknownParty(const std::string& organization, const std::string& external_id) {
  return MakeError(ErrorCode::kNotFound,
                   "no party '" + external_id + "' in organization " + organization);
}

// Columns as kSelectParties reads them.
Result<parties::Party> DecodeParty(sql::Rows& rows, int i) {
  parties::Party party;
  party.id = rows.Int(i, 0);
  party.organization = rows.Take(i, 1);
  party.external_id = rows.Take(i, 2);
  party.name = rows.Take(i, 3);
  auto type = lists::ParseEntryType(rows.Text(i, 4));
  party.country = rows.Take(i, 5);
  auto body = nlohmann::json::parse(rows.Text(i, 6), nullptr, false);
  party.revision = rows.Int(i, 7);
  party.updated_at = rows.Take(i, 8);
  party.updated_by = rows.Take(i, 9);
  party.screening.screened_at = rows.Take(i, 10);
  party.screening.as_of = rows.Take(i, 11);
  party.screening.hits = rows.Int(i, 13);
  auto screening = nlohmann::json::parse(rows.Text(i, 14), nullptr, false);
  if (!type || body.is_discarded() || !body.is_object() || screening.is_discarded() ||
      !screening.is_object()) {
    return Damaged(party.organization, party.external_id);
  }
  party.type = *type;
  try {
    party.screening.top_score = std::stod(rows.Text(i, 12));
    party.aliases = body.at("aliases").get<std::vector<std::string>>();
    party.address = body.at("address").get<std::string>();
    party.date_of_birth = body.at("date_of_birth").get<std::string>();
    for (const auto& identifier : body.at("identifiers")) {
      party.identifiers.push_back(
          {identifier.at("type").get<std::string>(), identifier.at("value").get<std::string>()});
    }
    party.screening.lists = screening.at("lists");
    party.screening.matches = screening.at("matches");
  } catch (const std::exception&) {
    return Damaged(party.organization, party.external_id);
  }
  return party;
}

// The audit form: the party's facts and its screening's outcome (the matches are in
// the party's row; the record says how many and how strong).
nlohmann::json AuditForm(const parties::Party& party) {
  nlohmann::json form = parties::ToJson(party);
  if (form["screening"].is_object()) form["screening"].erase("matches");
  return form;
}

std::string Subject(const parties::Party& party) {
  return "party " + party.organization + "/" + party.external_id;
}

}  // namespace

Result<std::vector<parties::Party>> SqlStore::SelectParties(const std::string& organization,
                                                            const std::string& external_id) {
  auto rows = db_->Run(q::kSelectParties, {organization, external_id});
  if (!rows.ok()) return rows.error();
  std::vector<parties::Party> found;
  found.reserve(static_cast<std::size_t>(rows->size()));
  for (int i = 0; i < rows->size(); ++i) {
    auto party = DecodeParty(*rows, i);
    if (!party.ok()) return party.error();
    found.push_back(std::move(party).value());
  }
  return found;
}

Result<PartyUpsert> SqlStore::UpsertParties(const std::string& organization,
                                            std::vector<parties::Party> given,
                                            const ChangeStamp& stamp) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < given.size(); ++i) {
    auto& party = given[i];
    party.organization = organization;
    auto valid = parties::ValidateParty(party);
    if (!valid.ok()) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "parties/" + std::to_string(i) + "/" + valid.error().message);
    }
    if (!seen.insert(valid->external_id).second) {
      return MakeError(ErrorCode::kInvalidArgument, "parties/" + std::to_string(i) +
                                                        "/external_id: '" + valid->external_id +
                                                        "' is given twice");
    }
    party = std::move(valid).value();
  }
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto known = Exists(q::kCountOrganization, organization);
  if (!known.ok()) return known.error();
  if (!*known) return UnknownOrganization(organization);
  auto stored = SelectParties(organization, "");
  if (!stored.ok()) return stored.error();
  std::map<std::string, parties::Party*> by_external_id;
  for (auto& party : *stored) by_external_id[party.external_id] = &party;

  PartyUpsert result;
  for (auto& party : given) {
    auto it = by_external_id.find(party.external_id);
    const parties::Party* before = it == by_external_id.end() ? nullptr : it->second;
    if (before != nullptr && parties::SameContent(*before, party)) {
      ++result.unchanged;
      continue;
    }
    party.updated_at = stamp.timestamp;
    party.updated_by = stamp.actor;
    const auto& s = party.screening;
    if (before == nullptr) {
      auto inserted =
          db_->Run(q::kInsertParty,
                   {organization, party.external_id, party.name, lists::EntryTypeName(party.type),
                    party.country, PartyBody(party), stamp.timestamp, stamp.actor, s.screened_at,
                    s.as_of, ScoreText(s.top_score), s.hits, PartyScreeningBody(s)});
      if (!inserted.ok()) return inserted.error();
      party.id = inserted->Int(0, 0);
      party.revision = 1;
    } else {
      auto updated = db_->Run(
          q::kUpdateParty, {before->id, party.name, lists::EntryTypeName(party.type), party.country,
                            PartyBody(party), stamp.timestamp, stamp.actor, s.screened_at, s.as_of,
                            ScoreText(s.top_score), s.hits, PartyScreeningBody(s)});
      if (!updated.ok()) return updated.error();
      party.id = before->id;
      party.revision = updated->Int(0, 0);
    }
    audit::Entry entry{stamp.timestamp,
                       stamp.actor,
                       before == nullptr ? "party.add" : "party.change",
                       Subject(party),
                       before == nullptr ? nlohmann::json(nullptr) : AuditForm(*before),
                       AuditForm(party)};
    if (auto a = AppendAudit(std::move(entry)); !a.ok()) return a.error();
    (before == nullptr ? result.added : result.changed).push_back(std::move(party));
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return result;
}

Result<std::vector<parties::Party>> SqlStore::ListParties(const std::string& organization) {
  return SelectParties(organization, "");
}

Result<parties::Party> SqlStore::GetParty(const std::string& organization,
                                          const std::string& external_id) {
  if (external_id.empty()) return UnknownParty(organization, external_id);
  auto found = SelectParties(organization, external_id);
  if (!found.ok()) return found.error();
  if (found->empty()) return UnknownParty(organization, external_id);
  return std::move(found->front());
}

Status SqlStore::RemoveParty(const std::string& organization, const std::string& external_id,
                             const ChangeStamp& stamp) {
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto before = GetParty(organization, external_id);
  if (!before.ok()) return before.error();
  if (auto r = db_->Run(q::kDeleteParty, {before->id}); !r.ok()) return r.error();
  audit::Entry entry{stamp.timestamp,  stamp.actor,        "party.remove",
                     Subject(*before), AuditForm(*before), nullptr};
  if (auto a = AppendAudit(std::move(entry)); !a.ok()) return a.error();
  return tx->Commit();
}

}  // namespace tollgate::storage

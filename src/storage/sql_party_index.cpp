// SqlStore's reads for continuous screening's party index (alerts/rescreen.h): every
// party's names, to index them, and the few parties a list change makes candidates,
// read back whole (their stored screening aside) by id in one statement.
#include "storage/queries.h"
#include "storage/sql_store.h"
#include "storage/stored_parties.h"

namespace tollgate::storage {
namespace {

Error DamagedParty(std::int64_t id) {
  return MakeError(ErrorCode::kStorageError,
                   "party " + std::to_string(id) + ": the stored row is damaged");
}

}  // namespace

Result<std::vector<parties::PartyNames>> SqlStore::AllPartyNames() {
  auto rows = db_->Run(q::kSelectAllPartyNames, {});
  if (!rows.ok()) return rows.error();
  std::vector<parties::PartyNames> all;
  all.reserve(static_cast<std::size_t>(rows->size()));
  for (int i = 0; i < rows->size(); ++i) {
    parties::PartyNames names;
    names.id = rows->Int(i, 0);
    names.name = rows->Take(i, 1);
    auto body = nlohmann::json::parse(rows->Text(i, 2), nullptr, false);
    const auto aliases = body.is_object() ? body.find("aliases") : body.end();
    if (body.is_discarded() || aliases == body.end() || !aliases->is_array()) {
      return DamagedParty(names.id);
    }
    for (const auto& alias : *aliases) {
      if (!alias.is_string()) return DamagedParty(names.id);
      names.aliases.push_back(alias.get<std::string>());
    }
    all.push_back(std::move(names));
  }
  return all;
}

Result<std::vector<parties::Party>> SqlStore::PartiesById(const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return std::vector<parties::Party>{};
  auto rows = db_->Run(q::kSelectPartiesById, {nlohmann::json(ids).dump()});
  if (!rows.ok()) return rows.error();
  std::vector<parties::Party> found;
  found.reserve(static_cast<std::size_t>(rows->size()));
  for (int i = 0; i < rows->size(); ++i) {
    parties::Party party;
    party.id = rows->Int(i, 0);
    party.organization = rows->Take(i, 1);
    party.external_id = rows->Take(i, 2);
    party.name = rows->Take(i, 3);
    auto type = lists::ParseEntryType(rows->Text(i, 4));
    party.country = rows->Take(i, 5);
    auto body = nlohmann::json::parse(rows->Text(i, 6), nullptr, false);
    party.revision = rows->Int(i, 7);
    party.updated_at = rows->Take(i, 8);
    party.updated_by = rows->Take(i, 9);
    if (!type || !body.is_object()) return DamagedParty(party.id);
    party.type = *type;
    try {
      ReadPartyBody(body, party);
    } catch (const std::exception&) {
      return DamagedParty(party.id);
    }
    found.push_back(std::move(party));
  }
  return found;
}

}  // namespace tollgate::storage

// SqlStore's party master (table: migration 9): upserts by external id, in bulk with one
// audit record per import or alone with its own record, each row written with its
// version (migration 16, audit/party_digest.h); reads, and removal.
#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <string_view>
#include <unordered_set>

#include "storage/queries.h"
#include "storage/sql_store.h"
#include "storage/stored_applications.h"
#include "storage/stored_parties.h"
#include "storage/stored_rows.h"
#include "tollgate/audit/party_digest.h"
#include "tollgate/common/sha256.h"

namespace tollgate::storage {
namespace {

// Appends `text` to `out` as a JSON string, byte for byte as nlohmann::json's dump()
// writes it: the row's text is hashed (ContentHash), and the versions of rows written
// before vouch for that hash. Printable ASCII is written here; any other text (controls,
// UTF-8) goes through nlohmann::json's own escaping.
void AppendJsonString(std::string& out, std::string_view text) {
  for (const char c : text) {
    if (c < 0x20 || c > 0x7e) {
      out += nlohmann::json(text).dump();
      return;
    }
  }
  out += '"';
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

// The `body` column: nlohmann::json's dump of {"address", "aliases", "date_of_birth",
// "identifiers": [{"type", "value"}]} (keys in its order, sorted), written directly:
// building the object and dumping it was a tenth of an import's storing.
std::string PartyBody(const parties::Party& party) {
  std::string body;
  body.reserve(96 + party.address.size());
  body += "{\"address\":";
  AppendJsonString(body, party.address);
  body += ",\"aliases\":[";
  for (std::size_t i = 0; i < party.aliases.size(); ++i) {
    if (i > 0) body += ',';
    AppendJsonString(body, party.aliases[i]);
  }
  body += "],\"date_of_birth\":";
  AppendJsonString(body, party.date_of_birth);
  body += ",\"identifiers\":[";
  for (std::size_t i = 0; i < party.identifiers.size(); ++i) {
    if (i > 0) body += ',';
    body += "{\"type\":";
    AppendJsonString(body, party.identifiers[i].type);
    body += ",\"value\":";
    AppendJsonString(body, party.identifiers[i].value);
    body += '}';
  }
  body += "]}";
  return body;
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
    ReadPartyBody(body, party);
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

// A party row's columns that are not the party's own fields, as written.
struct RowText {
  std::string body;       // PartyBody
  std::string screening;  // the screening's {"lists", "matches"}, as nlohmann::json dumps it
  std::string score;      // ScoreText of the top score
};

// Makes the RowText of one party after another. The parties of one import were
// screened against the same list versions: their JSON text is made once and reused
// while the next party's versions are the same.
class RowTexts {
 public:
  RowText Of(const parties::Party& party) {
    const auto& s = party.screening;
    if (lists_text_.empty() || lists_ != s.lists) {
      lists_ = s.lists;
      lists_text_ = s.lists.dump();
    }
    // nlohmann::json's dump of {"lists", "matches"}: its keys sorted, no spaces.
    std::string screening;
    screening.reserve(lists_text_.size() + 24);
    screening += "{\"lists\":";
    screening += lists_text_;
    screening += ",\"matches\":";
    screening += s.matches.empty() && s.matches.is_array() ? "[]" : s.matches.dump();
    screening += '}';
    return {PartyBody(party), std::move(screening), ScoreText(s.top_score)};
  }

 private:
  nlohmann::json lists_;    // the versions of the party before
  std::string lists_text_;  // their text ('' before the first party)
};

RowText TextOf(const parties::Party& party) { return RowTexts().Of(party); }

// The SHA-256 of what a party row holds (audit/party_digest.h): every column but the
// id, as written, as netstrings in the order of kSelectParties. Computed from the
// party when it is written and from the decoded row when `audit verify` reads it: both
// give the same text, since the JSON columns are nlohmann::json's own dumps.
std::string ContentHash(const parties::Party& party, const RowText& text) {
  const auto& s = party.screening;
  const std::string revision = std::to_string(party.revision);
  const std::string hits = std::to_string(s.hits);
  std::string form;
  form.reserve(text.body.size() + text.screening.size() + 256);
  for (std::string_view field : std::initializer_list<std::string_view>{
           party.organization, party.external_id, party.name, lists::EntryTypeName(party.type),
           party.country, text.body, revision, party.updated_at, party.updated_by, s.screened_at,
           s.as_of, text.score, hits, text.screening}) {
    audit::AppendField(form, field);
  }
  return Sha256Hex(form);
}

// The update of a party gave another revision than the one it was read at plus one: a
// writer outside the audit lock (nothing of Tollgate's) changed it meanwhile.
Error NotTheRevisionExpected(const parties::Party& party) {
  return MakeError(ErrorCode::kInternal,
                   audit::PartySubject(party.organization, party.external_id) +
                       ": stored at another revision than " + std::to_string(party.revision));
}

audit::PartyVersion VersionOf(const parties::Party& party, const RowText& text) {
  return {0, party.organization, party.external_id, party.revision, ContentHash(party, text)};
}

// Rows go to the driver in blocks: 1,000,000 parties' parameters at once would hold
// every row's text twice.
constexpr std::size_t kBlock = 10000;

// Builds rows 0 .. count - 1 with `row(i)` and hands them to `write(block, first)`
// kBlock at a time (`first`: the index of the block's first row).
template <typename Row, typename Write>
Status WriteInBlocks(std::size_t count, Row&& row, Write&& write) {
  std::vector<sql::Params> block;
  for (std::size_t first = 0; first < count; first += kBlock) {
    block.clear();
    for (std::size_t i = first; i < std::min(count, first + kBlock); ++i) block.push_back(row(i));
    if (Status s = write(block, first); !s.ok()) return s;
  }
  return {};
}

}  // namespace

void ReadPartyBody(const nlohmann::json& body, parties::Party& party) {
  party.aliases = body.at("aliases").get<std::vector<std::string>>();
  party.address = body.at("address").get<std::string>();
  party.date_of_birth = body.at("date_of_birth").get<std::string>();
  for (const auto& identifier : body.at("identifiers")) {
    party.identifiers.push_back(
        {identifier.at("type").get<std::string>(), identifier.at("value").get<std::string>()});
  }
}

// ---- Writing many parties: one audit record for the import ----

Status SqlStore::InsertPartyVersions(std::int64_t audit_sequence,
                                     const std::vector<audit::PartyVersion>& versions) {
  return WriteInBlocks(
      versions.size(),
      [&](std::size_t i) {
        const auto& v = versions[i];
        return sql::Params{audit_sequence, v.organization, v.external_id, v.revision,
                           v.content_hash};
      },
      [&](const std::vector<sql::Params>& block, std::size_t) {
        return db_->InsertMany(q::kInsertPartyVersions, block);
      });
}

Status SqlStore::InsertPartiesInBulk(const std::string& organization,
                                     std::vector<parties::Party>& added,
                                     std::vector<audit::PartyVersion>& versions) {
  auto largest = db_->Run(q::kSelectLargestPartyId);
  if (!largest.ok()) return largest.error();
  RowTexts texts;
  const auto row_of = [&](std::size_t i) {
    auto& party = added[i];
    party.revision = 1;
    RowText text = texts.Of(party);
    versions.push_back(VersionOf(party, text));
    const auto& s = party.screening;
    return sql::Params{organization,     party.external_id,
                       party.name,       std::string(lists::EntryTypeName(party.type)),
                       party.country,    std::move(text.body),
                       party.revision,   party.updated_at,
                       party.updated_by, s.screened_at,
                       s.as_of,          std::move(text.score),
                       s.hits,           std::move(text.screening)};
  };
  const auto insert = [&](const std::vector<sql::Params>& block, std::size_t) {
    return db_->InsertMany(q::kInsertPartiesInBulk, block);
  };
  if (Status s = WriteInBlocks(added.size(), row_of, insert); !s.ok()) return s;
  auto ids = db_->Run(q::kSelectPartyIdsAbove, {organization, largest->Int(0, 0)});
  if (!ids.ok()) return ids.error();
  if (ids->size() != static_cast<int>(added.size())) {
    return MakeError(ErrorCode::kInternal, "party import of " + organization + ": " +
                                               std::to_string(added.size()) + " inserted, " +
                                               std::to_string(ids->size()) + " ids found");
  }
  for (std::size_t i = 0; i < added.size(); ++i) {
    const int row = static_cast<int>(i);
    if (ids->Text(row, 1) != added[i].external_id) {
      return MakeError(ErrorCode::kInternal, "party import of " + organization + ": party '" +
                                                 added[i].external_id +
                                                 "' did not get the id expected");
    }
    added[i].id = ids->Int(row, 0);
  }
  return {};
}

Status SqlStore::UpdatePartiesInBulk(std::vector<parties::Party>& changed,
                                     const std::vector<const parties::Party*>& before,
                                     std::vector<audit::PartyVersion>& versions) {
  RowTexts texts;
  const auto row_of = [&](std::size_t i) {
    auto& party = changed[i];
    party.id = before[i]->id;
    party.revision = before[i]->revision + 1;
    RowText text = texts.Of(party);
    versions.push_back(VersionOf(party, text));
    const auto& s = party.screening;
    return sql::Params{party.id,
                       party.name,
                       std::string(lists::EntryTypeName(party.type)),
                       party.country,
                       std::move(text.body),
                       party.updated_at,
                       party.updated_by,
                       s.screened_at,
                       s.as_of,
                       std::move(text.score),
                       s.hits,
                       std::move(text.screening)};
  };
  const auto update = [&](const std::vector<sql::Params>& block, std::size_t first) -> Status {
    auto updated = db_->RunEach(q::kUpdateParty, block);
    if (!updated.ok()) return updated.error();
    for (std::size_t j = 0; j < updated->size(); ++j) {
      const auto& p = changed[first + j];
      if ((*updated)[j].Int(0, 0) != p.revision) return NotTheRevisionExpected(p);
    }
    return {};
  };
  return WriteInBlocks(changed.size(), row_of, update);
}

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
  const bool one_party = given.size() == 1;
  // Views of the ids in `given`, which is not resized from here on: no copy of each id.
  std::unordered_set<std::string_view> seen;
  seen.reserve(given.size());
  for (std::size_t i = 0; i < given.size(); ++i) {
    auto& party = given[i];
    party.organization = organization;
    // Moved in: `party` is given the validated party back, or the call fails.
    auto valid = parties::ValidateParty(std::move(party));
    if (!valid.ok()) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "parties/" + std::to_string(i) + "/" + valid.error().message);
    }
    party = std::move(valid).value();
    if (!seen.insert(party.external_id).second) {
      return MakeError(ErrorCode::kInvalidArgument, "parties/" + std::to_string(i) +
                                                        "/external_id: '" + party.external_id +
                                                        "' is given twice");
    }
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
  // Room for every party at once: growing moved each party added several times.
  result.added.reserve(given.size() - std::min(given.size(), stored->size()));
  std::vector<const parties::Party*> changed_from;  // the stored party each changed one was
  for (auto& party : given) {
    auto it = by_external_id.find(party.external_id);
    const parties::Party* before = it == by_external_id.end() ? nullptr : it->second;
    if (before != nullptr && parties::SameContent(*before, party)) {
      ++result.unchanged;
      continue;
    }
    party.updated_at = stamp.timestamp;
    party.updated_by = stamp.actor;
    if (before != nullptr) changed_from.push_back(before);
    (before == nullptr ? result.added : result.changed).push_back(std::move(party));
  }
  if (result.added.empty() && result.changed.empty()) {
    if (auto c = tx->Commit(); !c.ok()) return c.error();
    return result;
  }
  // One party given: a change of one party (the API's, or a file of one), recorded on
  // its own with the party before and after. More: one record for the import.
  if (one_party) {
    auto written = WriteOneParty(organization, result, changed_from, stamp);
    if (!written.ok()) return written.error();
  } else {
    std::vector<audit::PartyVersion> versions;
    versions.reserve(result.added.size() + result.changed.size());
    if (auto s = InsertPartiesInBulk(organization, result.added, versions); !s.ok()) {
      return s.error();
    }
    if (auto s = UpdatePartiesInBulk(result.changed, changed_from, versions); !s.ok()) {
      return s.error();
    }
    std::sort(versions.begin(), versions.end(),
              [](const auto& a, const auto& b) { return a.external_id < b.external_id; });
    nlohmann::json summary = {
        {"organization", organization},
        {"added", result.added.size()},
        {"changed", result.changed.size()},
        {"unchanged", result.unchanged},
        {std::string(audit::kImportDigestField), audit::ImportDigest(versions)}};
    auto sequence =
        AppendAuditAt({stamp.timestamp, stamp.actor, std::string(audit::kPartyImportAction),
                       audit::PartyMasterSubject(organization), nullptr, std::move(summary)});
    if (!sequence.ok()) return sequence.error();
    if (auto s = InsertPartyVersions(*sequence, versions); !s.ok()) return s.error();
  }
  // Parties added move the master's revision once, here, not by a trigger per row
  // (migration 17): a process keeping an index of the parties then knows it is stale.
  if (!result.added.empty()) {
    if (auto r = db_->Run(q::kBumpPartyMasterRevision); !r.ok()) return r.error();
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return result;
}

Status SqlStore::WriteOneParty(const std::string& organization, PartyUpsert& written,
                               const std::vector<const parties::Party*>& changed_from,
                               const ChangeStamp& stamp) {
  const bool added = !written.added.empty();
  parties::Party& party = added ? written.added.front() : written.changed.front();
  const parties::Party* before = added ? nullptr : changed_from.front();
  party.revision = added ? 1 : before->revision + 1;
  RowText text = TextOf(party);
  const auto& s = party.screening;
  if (added) {
    auto inserted =
        db_->Run(q::kInsertParty,
                 {organization, party.external_id, party.name, lists::EntryTypeName(party.type),
                  party.country, text.body, stamp.timestamp, stamp.actor, s.screened_at, s.as_of,
                  text.score, s.hits, text.screening});
    if (!inserted.ok()) return inserted.error();
    party.id = inserted->Int(0, 0);
  } else {
    auto updated =
        db_->Run(q::kUpdateParty, {before->id, party.name, lists::EntryTypeName(party.type),
                                   party.country, text.body, stamp.timestamp, stamp.actor,
                                   s.screened_at, s.as_of, text.score, s.hits, text.screening});
    if (!updated.ok()) return updated.error();
    party.id = before->id;
    if (updated->Int(0, 0) != party.revision) return NotTheRevisionExpected(party);
  }
  const audit::PartyVersion version = VersionOf(party, text);
  nlohmann::json after = AuditForm(party);
  after[std::string(audit::kContentHashField)] = version.content_hash;
  auto sequence =
      AppendAuditAt({stamp.timestamp, stamp.actor, added ? "party.add" : "party.change",
                     audit::PartySubject(organization, party.external_id),
                     added ? nlohmann::json(nullptr) : AuditForm(*before), std::move(after)});
  if (!sequence.ok()) return sequence.error();
  return InsertPartyVersions(*sequence, {version});
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
  auto sequence =
      AppendAuditAt({stamp.timestamp, stamp.actor, "party.remove",
                     audit::PartySubject(organization, external_id), AuditForm(*before), nullptr});
  if (!sequence.ok()) return sequence.error();
  // A removal's version: revision 0, no content (the row is gone for good).
  if (auto s = InsertPartyVersions(*sequence, {{0, organization, external_id, 0, ""}}); !s.ok()) {
    return s;
  }
  return tx->Commit();
}

// ---- What `audit verify` reads of the party master ----

Result<std::vector<audit::PartyVersion>> SqlStore::PartyVersions() {
  auto rows = db_->Run(q::kSelectPartyVersions);
  if (!rows.ok()) return rows.error();
  std::vector<audit::PartyVersion> versions;
  versions.reserve(static_cast<std::size_t>(rows->size()));
  for (int i = 0; i < rows->size(); ++i) {
    versions.push_back(
        {rows->Int(i, 0), rows->Take(i, 1), rows->Take(i, 2), rows->Int(i, 3), rows->Take(i, 4)});
  }
  return versions;
}

Result<std::vector<audit::PartyVersion>> SqlStore::PartyRowHashes() {
  auto rows = db_->Run(q::kSelectAllParties);
  if (!rows.ok()) return rows.error();
  std::vector<audit::PartyVersion> hashes;
  hashes.reserve(static_cast<std::size_t>(rows->size()));
  RowTexts texts;
  for (int i = 0; i < rows->size(); ++i) {
    const std::string organization = rows->Text(i, 1);
    const std::string external_id = rows->Text(i, 2);
    auto party = DecodeParty(*rows, i);
    // A row that no longer decodes cannot hash as it was written.
    hashes.push_back({0, organization, external_id, party.ok() ? party->revision : -1,
                      party.ok() ? ContentHash(*party, texts.Of(*party)) : "(damaged row)"});
  }
  return hashes;
}

// ---- A page of a master (parties/party_page.h) ----

Result<parties::PartyPage> SqlStore::ListPartyPage(const parties::PageFilter& filter) {
  if (auto valid = parties::ValidatePageFilter(filter); !valid.ok()) return valid.error();
  const auto& [select, count] = q::kPartyPages[static_cast<int>(filter.show)];
  sql::Params params{filter.organization,
                     filter.text.empty() ? std::string() : parties::ContainsPattern(filter.text)};
  parties::PartyPage page;
  auto master = db_->Run(q::kCountParties, {filter.organization});
  if (!master.ok()) return master.error();
  page.master_total = master->Int(0, 0);
  // Unfiltered, the page's total is the master's: one count, not two.
  if (filter.text.empty() && filter.show == parties::Show::kAll) {
    page.total = page.master_total;
  } else {
    auto total = db_->Run(count, params);
    if (!total.ok()) return total.error();
    page.total = total->Int(0, 0);
  }
  params.emplace_back(filter.per_page);
  params.emplace_back((filter.page - 1) * filter.per_page);
  auto rows = db_->Run(select, params);
  if (!rows.ok()) return rows.error();
  for (int i = 0; i < rows->size(); ++i) {
    auto party = DecodeParty(*rows, i);
    if (!party.ok()) return party.error();
    page.parties.push_back(std::move(party).value());
    page.open_alerts.push_back(rows->Int(i, 15));
  }
  return page;
}

}  // namespace tollgate::storage

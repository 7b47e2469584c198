#include "tollgate/parties/import.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "tollgate/alerts/rescreen.h"
#include "tollgate/common/parallel_blocks.h"
#include "tollgate/history/party_screening.h"
#include "tollgate/lists/in_force_index.h"
#include "tollgate/rules/determination.h"
#include "tollgate/screening/query_facts.h"
#include "tollgate/storage/unit_of_work.h"

namespace tollgate::parties {

namespace {

nlohmann::json ListsJson(const std::vector<storage::ListVersion>& versions) {
  nlohmann::json lists = nlohmann::json::array();
  for (const auto& v : versions) {
    lists.push_back({{"feed", v.feed},
                     {"version", v.id},
                     {"as_of", v.as_of.ToString()},
                     {"entries", v.entry_count}});
  }
  return lists;
}

Result<std::vector<storage::ListVersion>> VersionsInForce(storage::Store& store, Date as_of) {
  auto all = store.ListVersions();
  if (!all.ok()) return all.error();
  return lists::SelectInForce(*all, as_of);
}

}  // namespace

Result<nlohmann::json> ListsInForce(storage::Store& store, Date as_of) {
  auto versions = VersionsInForce(store, as_of);
  if (!versions.ok()) return versions.error();
  return ListsJson(*versions);
}

Result<std::vector<rules::ScreeningHit>> BestHits(rules::Engine& engine, const Party& party,
                                                  Date as_of) {
  // A party of the master plays any role in the transactions to come; §744.16(a) and
  // part 764 apply the lists to purchaser, consignees and end user alike, so it is
  // screened as an end user (the exporter's own role is the only one treated apart).
  std::vector<rules::Party> names{{rules::PartyRole::kEndUser, party.name, party.country}};
  for (const auto& alias : party.aliases) {
    names.push_back({rules::PartyRole::kEndUser, alias, party.country});
  }
  // Its date of birth and identifiers go with every name (screening/facts.h): an
  // agreeing one strengthens a match, a contradicting one weakens a near name.
  rules::PartyFacts facts;
  if (!party.date_of_birth.empty()) {
    // ValidateParty has checked it; a stored party is not refused here.
    if (auto dob = screening::ParseBirthDate(party.date_of_birth); dob.ok()) {
      facts.date_of_birth = *dob;
    }
  }
  for (const auto& id : party.identifiers) {
    if (!id.value.empty()) facts.ids.push_back({id.type, id.value});
  }
  const std::vector<rules::PartyFacts> all_facts(names.size(), facts);
  auto hits = engine.ScreenParties(names, as_of, all_facts);
  if (!hits.ok()) return hits.error();
  // One match per listed entry (the name and an alias may both find it): the best.
  std::map<std::pair<std::string, std::string>, rules::ScreeningHit*> best;
  for (auto& hit : *hits) {
    auto& slot = best[{hit.list, hit.entry_id}];
    if (slot == nullptr || hit.score > slot->score) slot = &hit;
  }
  std::vector<rules::ScreeningHit> out;
  out.reserve(best.size());
  for (auto& [key, hit] : best) out.push_back(std::move(*hit));
  return out;
}

Screening ScreeningOf(const std::vector<rules::ScreeningHit>& hits, Date as_of,
                      const nlohmann::json& lists, const std::string& timestamp) {
  Screening screening;
  screening.screened_at = timestamp;
  screening.as_of = as_of.ToString();
  screening.lists = lists;
  for (const auto& hit : hits) {
    // Four decimals: what is shown, and what both stores give back unchanged.
    const double score = std::round(hit.score * 10000) / 10000;
    screening.top_score = std::max(screening.top_score, score);
    screening.matches.push_back(rules::ToJson(hit));
  }
  screening.hits = static_cast<std::int64_t>(hits.size());
  return screening;
}

Result<Screening> ScreenParty(rules::Engine& engine, const Party& party, Date as_of,
                              const nlohmann::json& lists, const std::string& timestamp) {
  auto best = BestHits(engine, party, as_of);
  if (!best.ok()) return best.error();
  return ScreeningOf(*best, as_of, lists, timestamp);
}

namespace {

// The parties whose content differs from what `store` holds for the organization (new
// ones included) and that have no screening yet.
Result<std::vector<Party*>> NotScreenedAndChanged(storage::Store& store,
                                                  const std::string& organization,
                                                  std::vector<Party>& parties,
                                                  const std::vector<bool>& screened) {
  auto stored = store.ListParties(organization);
  if (!stored.ok()) return stored.error();
  std::map<std::string, const Party*> by_external_id;
  for (const auto& party : *stored) by_external_id[party.external_id] = &party;
  std::vector<Party*> out;
  for (std::size_t i = 0; i < parties.size(); ++i) {
    if (screened[i]) continue;
    auto it = by_external_id.find(parties[i].external_id);
    if (it == by_external_id.end() || !SameContent(*it->second, parties[i])) {
      out.push_back(&parties[i]);
    }
  }
  return out;
}

// Screens `which` on up to one thread per core (common/parallel_blocks.h): the engine
// is thread-safe and each party's screening is its own (rules/engine.h), so a large
// import is bounded by the cores, not one of them.
Status ScreenInParallel(rules::Engine& engine, const std::vector<Party*>& which, Date as_of,
                        const nlohmann::json& lists, const std::string& timestamp,
                        const Progress& progress) {
  constexpr std::size_t kBlock = 64;
  return ParallelBlocks(
      which.size(), kBlock,
      [&](std::size_t i) -> Status {
        auto screening = ScreenParty(engine, *which[i], as_of, lists, timestamp);
        if (!screening.ok()) return screening.error();
        which[i]->screening = std::move(screening).value();
        return {};
      },
      progress);
}

}  // namespace

Result<ImportSummary> ImportParties(storage::Store& store, rules::Engine& engine,
                                    const std::string& organization, std::vector<Party> parties,
                                    const storage::ChangeStamp& stamp, Date as_of,
                                    const Progress& progress, double review_threshold) {
  for (auto& party : parties) party.organization = organization;
  auto versions = VersionsInForce(store, as_of);
  if (!versions.ok()) return versions.error();
  nlohmann::json lists = ListsJson(*versions);
  std::vector<bool> screened(parties.size(), false);
  const auto screen = [&](const std::vector<Party*>& which, bool report) -> Status {
    auto done = ScreenInParallel(engine, which, as_of, lists, stamp.timestamp,
                                 report ? progress : Progress());
    if (!done.ok()) return done;
    for (Party* party : which) screened[static_cast<std::size_t>(party - parties.data())] = true;
    return {};
  };
  // Screened before the write lock is taken: on SQLite one writer holds it at a time,
  // and 100,000 parties took 14 s to screen, longer than the 10 s other writers (a
  // server's group commit of determinations) wait before they fail.
  // The master's revision moves with every write of a party (migrations 10 and 17),
  // read before the master is.
  auto revision_read = store.PartyMasterRevision();
  if (!revision_read.ok()) return revision_read.error();
  auto to_screen = NotScreenedAndChanged(store, organization, parties, screened);
  if (!to_screen.ok()) return to_screen.error();
  if (auto s = screen(*to_screen, true); !s.ok()) return s.error();

  auto unit = storage::UnitOfWork::Begin(store);
  if (!unit.ok()) return unit.error();
  // A party changed by another process since the read above is screened now, under
  // the lock, so that no changed party is stored without its screening. The master is
  // read again only if it moved: a re-import of 1,000,000 parties read it three times.
  auto revision_now = store.PartyMasterRevision();
  if (!revision_now.ok()) return revision_now.error();
  if (*revision_now != *revision_read) {
    auto late = NotScreenedAndChanged(store, organization, parties, screened);
    if (!late.ok()) return late.error();
    if (auto s = screen(*late, false); !s.ok()) return s.error();
  }

  auto written = store.UpsertParties(organization, std::move(parties), stamp);
  if (!written.ok()) return written.error();
  // A match at or above the review threshold opens an alert (issue 15, item 3).
  std::vector<const Party*> stored;
  for (const auto* group : {&written->added, &written->changed}) {
    for (const auto& party : *group) stored.push_back(&party);
  }
  if (auto r = alerts::OpenForParties(store, engine, stored, as_of, stamp); !r.ok()) {
    return r.error();
  }
  // Each party screened is an answer on record (15 CFR 762.2(a)), written with the
  // parties: stored if and only if they are (one transaction, however many blocks).
  // The records go a block at a time, each block written over the one before: a
  // record per party held at once was hundreds of MB for 1,000,000 parties, each
  // allocated and freed.
  constexpr std::size_t kRecordBlock = 4096;
  std::vector<storage::ScreeningRecord> records;
  const nlohmann::json searched = history::VersionsJson(*versions);
  const history::Asker asker{stamp.actor, organization, history::kPartyImportChannel};
  for (std::size_t first = 0; first < stored.size(); first += kRecordBlock) {
    records.resize(std::min(kRecordBlock, stored.size() - first));
    for (std::size_t i = 0; i < records.size(); ++i) {
      const Party& party = *stored[first + i];
      history::AssignPartyScreeningRecord(records[i], party, party.screening, searched,
                                          review_threshold, asker);
    }
    if (auto r = history::RecordScreenings(store, records); !r.ok()) return r.error();
  }
  // A false_positive holds only while the party's name, aliases and country stay as
  // they were: a change opens its alerts again (alerts/rescreen.h).
  if (auto r = alerts::ReopenForChangedParties(store, written->changed, stamp); !r.ok()) {
    return r.error();
  }
  if (auto c = unit->Commit(); !c.ok()) return c.error();
  ImportSummary summary;
  summary.added = static_cast<std::int64_t>(written->added.size());
  summary.changed = static_cast<std::int64_t>(written->changed.size());
  summary.unchanged = written->unchanged;
  summary.lists = std::move(lists);
  for (auto* group : {&written->added, &written->changed}) {
    for (auto& party : *group) {
      if (party.screening.hits > 0) summary.with_hits.push_back(std::move(party));
    }
  }
  return summary;
}

}  // namespace tollgate::parties

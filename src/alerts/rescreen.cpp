#include "tollgate/alerts/rescreen.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "tollgate/common/parallel_blocks.h"
#include "tollgate/common/sha256.h"
#include "tollgate/history/party_screening.h"
#include "tollgate/lists/diff.h"
#include "tollgate/lists/in_force_index.h"
#include "tollgate/parties/import.h"
#include "tollgate/rules/determination.h"
#include "tollgate/screening/normalize.h"

namespace tollgate::alerts {
namespace {

// Beyond this many parties for one name, a name is too common to tell anything apart
// (forward screening would not list them all either: it stops at its limit).
constexpr std::size_t kCandidatesPerName = 1000;

using EntryKey = std::pair<std::string, std::string>;  // (list, entry id)
using AlertKey = std::tuple<std::int64_t, std::string, std::string>;

double Rounded(double score) { return std::round(score * 10000) / 10000; }

Alert FromHit(const parties::Party& party, const lists::ListEntry& entry,
              const rules::ScreeningHit& hit, const storage::ListVersion& version) {
  Alert a;
  a.organization = party.organization;
  a.party_id = party.id;
  a.party_external_id = party.external_id;
  a.party_name = party.name;
  a.party_revision = party.revision;
  a.list = entry.list;
  a.entry_id = entry.entry_id;
  a.entry_name = entry.name;
  a.feed = version.feed;
  a.list_version = version.id;
  a.score = Rounded(hit.score);
  a.match = rules::ToJson(hit);
  a.party_facts = PartyFacts(party);
  a.entry_facts = EntryFacts(entry);
  return a;
}

// The stored alert brought up to date with a new screening of the same pair.
Alert Refreshed(const Alert& stored, const Alert& fresh) {
  Alert a = stored;
  a.party_external_id = fresh.party_external_id;
  a.party_name = fresh.party_name;
  a.entry_name = fresh.entry_name;
  a.feed = fresh.feed;
  a.party_revision = fresh.party_revision;
  a.list_version = fresh.list_version;
  a.score = fresh.score;
  a.match = fresh.match;
  a.party_facts = fresh.party_facts;
  a.entry_facts = fresh.entry_facts;
  return a;
}

bool SameScreening(const Alert& a, const Alert& b) {
  return a.score == b.score && a.party_facts == b.party_facts && a.entry_facts == b.entry_facts &&
         a.party_revision == b.party_revision;
}

struct Plan {
  std::vector<storage::AlertWrite> writes;
  RescreenReport report;
};

// What a forward hit does to the alert of its pair, if any.
void Decide(Plan& plan, const std::map<AlertKey, Alert>& stored, Alert fresh) {
  const auto it = stored.find({fresh.party_id, fresh.list, fresh.entry_id});
  if (it == stored.end()) {
    plan.writes.push_back({std::move(fresh), "alert.open", std::nullopt});
    ++plan.report.opened;
    return;
  }
  const Alert& before = it->second;
  if (before.state == State::kDecided && before.disposition == Disposition::kTrueMatch) return;
  if (SameScreening(before, fresh) && before.state != State::kClosed) return;
  Alert after = Refreshed(before, fresh);
  std::string action = "alert.rescreen";
  if (before.state == State::kClosed ||
      (before.state == State::kDecided && before.disposition == Disposition::kFalsePositive)) {
    // A false_positive holds against the facts it was given on; a closed alert's
    // entry is back. Either way an analyst looks again, told what changed.
    nlohmann::json changed = nlohmann::json::object();
    auto party = FactsChanged(before.party_facts, fresh.party_facts);
    auto entry = FactsChanged(before.entry_facts, fresh.entry_facts);
    if (!party.empty()) changed["party"] = party;
    if (!entry.empty()) changed["entry"] = entry;
    if (before.state == State::kClosed) changed["listed_again"] = fresh.list_version;
    if (changed.empty()) {
      // Same facts, another score (the scorer or the weights moved): the answer stands.
      plan.writes.push_back({std::move(after), "alert.rescreen", before});
      ++plan.report.updated;
      return;
    }
    after.state = State::kOpen;
    after.disposition = Disposition::kNone;
    after.changed = std::move(changed);
    action = "alert.reopen";
    ++plan.report.reopened;
  } else {
    ++plan.report.updated;
  }
  plan.writes.push_back({std::move(after), std::move(action), before});
}

// Each candidate's forward screening on record (15 CFR 762.2(a)), against the versions
// in force on `as_of` (the version just stored among them: the caller's unit sees it).
Result<std::int64_t> RecordAnswers(storage::Store& store, const std::vector<PartyAnswer>& answers,
                                   Date as_of, const storage::ChangeStamp& stamp,
                                   double threshold) {
  if (answers.empty()) return std::int64_t{0};
  auto all = store.ListVersions();
  if (!all.ok()) return all.error();
  const auto records = AnswerRecords(
      answers, history::VersionsJson(lists::SelectInForce(*all, as_of)), as_of, stamp, threshold);
  auto ids = history::RecordScreenings(store, records);
  if (!ids.ok()) return ids.error();
  return static_cast<std::int64_t>(ids->size());
}

Alert Closed(const Alert& before, const nlohmann::json& why) {
  Alert after = before;
  after.state = State::kClosed;
  after.changed = why;
  return after;
}

}  // namespace

std::shared_ptr<const PartyIndex> PartyIndex::Build(std::vector<parties::PartyNames> parties) {
  auto index = std::make_shared<PartyIndex>();
  std::vector<screening::NamedEntry> names;
  names.reserve(parties.size());
  index->ids_.reserve(parties.size());
  for (auto& party : parties) {
    index->ids_.push_back(party.id);
    names.push_back({std::move(party.name), std::move(party.aliases)});
  }
  parties = {};
  index->index_ = screening::Index::BuildNames(std::move(names));
  return index;
}

std::vector<std::int64_t> PartyIndex::Candidates(const lists::ListEntry& entry,
                                                 double threshold) const {
  std::set<std::int64_t> found;
  screening::Query query;
  query.threshold = threshold;
  query.limit = kCandidatesPerName;
  query.explain = false;
  const auto look_up = [&](const std::string& name) {
    query.name = name;
    for (const auto& match : index_->Screen(query)) found.insert(ids_[match.position]);
  };
  look_up(entry.name);
  for (const auto& alias : entry.aliases) look_up(alias.name);
  return {found.begin(), found.end()};
}

std::size_t PartyIndex::memory_bytes() const {
  return index_->Stats().memory_bytes + ids_.capacity() * sizeof(std::int64_t);
}

Result<std::shared_ptr<const PartyIndex>> PartyIndexCache::Get(storage::Store& store) {
  const std::lock_guard<std::mutex> lock(mu_);
  auto revision = store.PartyMasterRevision();
  if (!revision.ok()) return revision.error();
  if (index_ && *revision == revision_) {
    ++reuses_;
    return index_;
  }
  auto all = store.AllPartyNames();
  if (!all.ok()) return all.error();
  index_ = PartyIndex::Build(std::move(all).value());
  revision_ = *revision;
  ++builds_;
  return index_;
}

std::int64_t PartyIndexCache::builds() const {
  const std::lock_guard<std::mutex> lock(mu_);
  return builds_;
}

std::int64_t PartyIndexCache::reuses() const {
  const std::lock_guard<std::mutex> lock(mu_);
  return reuses_;
}

std::int64_t PartyIndexCache::parties() const {
  const std::lock_guard<std::mutex> lock(mu_);
  return index_ ? static_cast<std::int64_t>(index_->size()) : 0;
}

Result<EntriesScreening> ScreenEntries(const PartyIndex& index, storage::Store& store,
                                       rules::Engine& engine,
                                       const std::vector<const lists::ListEntry*>& entries,
                                       Date as_of, double review_threshold) {
  EntriesScreening out;
  if (index.size() == 0 || entries.empty()) return out;
  std::set<EntryKey> keys;
  std::set<std::int64_t> candidates;  // by id: a stable order
  for (const auto* entry : entries) {
    keys.emplace(entry->list, entry->entry_id);
    for (std::int64_t id : index.Candidates(*entry, review_threshold - kInverseMargin)) {
      candidates.insert(id);
    }
  }
  auto read = store.PartiesById(std::vector<std::int64_t>(candidates.begin(), candidates.end()));
  if (!read.ok()) return read.error();
  out.parties = std::move(read).value();
  out.candidates = static_cast<std::int64_t>(out.parties.size());
  // Each candidate's forward screening is its own and the engine is thread-safe, so
  // they run on every core; the answers are then put in order by party id.
  std::vector<std::vector<rules::ScreeningHit>> answers(out.parties.size());
  auto screened = ParallelBlocks(out.parties.size(), 16, [&](std::size_t i) -> Status {
    auto hits = parties::BestHits(engine, out.parties[i], as_of);
    if (!hits.ok()) return hits.error();
    answers[i] = std::move(hits).value();
    return {};
  });
  if (!screened.ok()) return screened.error();
  for (std::size_t i = 0; i < out.parties.size(); ++i) {
    const parties::Party* party = &out.parties[i];
    for (const auto& hit : answers[i]) {
      if (keys.count({hit.list, hit.entry_id}) != 0) out.hits.push_back({party, hit});
    }
    out.answers.push_back({party, std::move(answers[i])});
  }
  return out;
}

std::vector<storage::ScreeningRecord> AnswerRecords(const std::vector<PartyAnswer>& answers,
                                                    const nlohmann::json& versions, Date as_of,
                                                    const storage::ChangeStamp& stamp,
                                                    double threshold) {
  std::vector<storage::ScreeningRecord> records;
  std::map<std::string, std::vector<const parties::Party*>> cleared;  // by organization
  for (const auto& [party, hits] : answers) {
    if (hits.empty()) cleared[party->organization].push_back(party);
  }
  const std::string day = as_of.ToString();
  for (const auto& [organization, those] : cleared) {
    records.push_back(history::ClearedPartiesRecord(
        those, day, versions, threshold, {stamp.actor, organization, history::kContinuousChannel}));
  }
  for (const auto& [party, hits] : answers) {
    if (hits.empty()) continue;
    const auto screening =
        parties::ScreeningOf(hits, as_of, nlohmann::json::array(), stamp.timestamp);
    records.push_back(history::PartyScreeningRecord(
        *party, screening, versions, threshold,
        {stamp.actor, party->organization, history::kContinuousChannel}));
  }
  return records;
}

std::string ConfigFingerprint(const rules::RuleSet& rules) {
  const auto& policy = rules.list_rules.screening();
  char thresholds[64];
  std::snprintf(thresholds, sizeof thresholds, "review %.6f block %.6f", policy.review_threshold,
                policy.block_threshold);
  std::string text = thresholds;
  // Names that exercise folding, legal forms, common words, initials and scripts.
  for (const char* probe : {"Huawei Technologies Co., Ltd.", "Müller & Söhne GmbH",
                            "J. Smith International Trading", "ООО Ромашка", "华为技术有限公司",
                            "Grupo Industrial S.A. de C.V.", "Al-Noor Holding L.L.C."}) {
    text += '|';
    for (const auto& token : screening::TokenizeName(probe)) {
      text += token.canon + "/" + screening::TokenClassName(token.token_class) + " ";
    }
  }
  return Sha256Hex(text);
}

Result<RescreenReport> RescreenParties(storage::Store& store, rules::Engine& engine,
                                       const rules::RuleSet& rules,
                                       const storage::ListVersion& version,
                                       const storage::ChangeStamp& stamp, PartyIndexCache* cache) {
  PartyIndexCache local;
  auto index = (cache != nullptr ? cache : &local)->Get(store);
  if (!index.ok()) return index.error();
  Plan plan;
  const std::string fingerprint = ConfigFingerprint(rules);
  auto stored_fingerprint = store.AlertSetting(kConfigSetting);
  if (!stored_fingerprint.ok()) return stored_fingerprint.error();
  plan.report.full = *stored_fingerprint != fingerprint;

  // The feed's previous version: what this one is a change of.
  auto versions = store.ListVersions(version.feed);
  if (!versions.ok()) return versions.error();
  const storage::ListVersion* previous = nullptr;
  for (const auto& v : *versions) {
    if (v.id < version.id && (previous == nullptr || v.id > previous->id)) previous = &v;
  }
  auto now = store.LoadEntries(version.id);
  if (!now.ok()) return now.error();
  std::vector<lists::ListEntry> before;
  if (previous != nullptr) {
    auto loaded = store.LoadEntries(previous->id);
    if (!loaded.ok()) return loaded.error();
    before = std::move(loaded).value();
  }
  lists::ListDiff diff = lists::DiffEntries(before, *now);

  // What to screen: the added and changed entries, or on a new configuration every
  // entry in force.
  // Each entry with the version it comes from.
  std::vector<lists::ListEntry> to_screen;
  std::vector<storage::ListVersion> in_force{version};
  std::vector<std::size_t> from;  // per entry of to_screen, its version in in_force
  std::vector<EntryKey> changed_keys;
  if (plan.report.full) {
    auto all = store.ListVersions();
    if (!all.ok()) return all.error();
    to_screen = *now;
    for (const auto& v : lists::SelectInForce(*all, version.as_of)) {
      if (v.id == version.id) continue;
      auto entries = store.LoadEntries(v.id);
      if (!entries.ok()) return entries.error();
      from.resize(to_screen.size(), in_force.size() - 1);
      in_force.push_back(v);
      std::move(entries->begin(), entries->end(), std::back_inserter(to_screen));
    }
  } else {
    to_screen = std::move(diff.added);
    for (auto& change : diff.changed) {
      changed_keys.emplace_back(change.after.list, change.after.entry_id);
      to_screen.push_back(std::move(change.after));
    }
  }
  from.resize(to_screen.size(), in_force.size() - 1);
  struct Screened {
    const lists::ListEntry* entry;
    const storage::ListVersion* version;
  };
  std::map<EntryKey, Screened> screened_entries;
  for (std::size_t i = 0; i < to_screen.size(); ++i) {
    const auto& e = to_screen[i];
    if (lists::InForceOn(e, version.as_of)) {
      screened_entries[{e.list, e.entry_id}] = {&e, &in_force[from[i]]};
    }
  }
  plan.report.entries = static_cast<std::int64_t>(screened_entries.size());

  std::vector<const lists::ListEntry*> entries;
  entries.reserve(screened_entries.size());
  for (const auto& [key, screened] : screened_entries) entries.push_back(screened.entry);
  auto screened = ScreenEntries(**index, store, engine, entries, version.as_of,
                                rules.list_rules.screening().review_threshold);
  if (!screened.ok()) return screened.error();
  plan.report.candidates = screened->candidates;

  std::map<AlertKey, Alert> stored;
  std::set<AlertKey> hit_pairs;
  const parties::Party* read_for = nullptr;  // the party whose alerts `stored` holds
  for (const auto& [party, hit] : screened->hits) {
    if (party != read_for) {
      auto existing = store.AlertsOfParty(party->id);
      if (!existing.ok()) return existing.error();
      for (auto& a : *existing) stored.emplace(AlertKey{a.party_id, a.list, a.entry_id}, a);
      read_for = party;
    }
    const Screened& on = screened_entries.at({hit.list, hit.entry_id});
    hit_pairs.insert({party->id, hit.list, hit.entry_id});
    Decide(plan, stored, FromHit(*party, *on.entry, hit, *on.version));
  }

  // A changed entry no party matches any more, and a removed entry: their alerts close
  // (a true_match stays: releasing it takes a second person).
  std::vector<EntryKey> removed_keys;
  for (const auto& e : diff.removed) removed_keys.emplace_back(e.list, e.entry_id);
  for (const auto* keys : {&changed_keys, &removed_keys}) {
    auto on = store.AlertsOnEntries(*keys);
    if (!on.ok()) return on.error();
    for (const auto& a : *on) {
      if (a.feed != version.feed || a.state == State::kClosed ||
          a.disposition == Disposition::kTrueMatch ||
          hit_pairs.count({a.party_id, a.list, a.entry_id}) != 0) {
        continue;
      }
      nlohmann::json why = keys == &removed_keys
                               ? nlohmann::json{{"removed_in", version.id}}
                               : nlohmann::json{{"no_longer_matches_in", version.id}};
      plan.writes.push_back({Closed(a, why), "alert.close", a});
      ++plan.report.closed;
    }
  }

  auto written = store.WriteAlerts(std::move(plan.writes), stamp);
  if (!written.ok()) return written.error();
  auto recorded = RecordAnswers(store, screened->answers, version.as_of, stamp,
                                rules.list_rules.screening().review_threshold);
  if (!recorded.ok()) return recorded.error();
  plan.report.recorded = *recorded;
  if (plan.report.full) {
    if (auto s = store.SetAlertSetting(kConfigSetting, fingerprint); !s.ok()) return s.error();
  }
  return plan.report;
}

Result<std::int64_t> OpenForParties(storage::Store& store, rules::Engine& engine,
                                    const std::vector<const parties::Party*>& screened, Date as_of,
                                    const storage::ChangeStamp& stamp) {
  std::vector<PartyHit> hits;
  std::set<EntryKey> wanted;
  for (const auto* party : screened) {
    if (party->screening.hits == 0) continue;
    auto found = parties::BestHits(engine, *party, as_of);
    if (!found.ok()) return found.error();
    for (auto& hit : *found) {
      wanted.emplace(hit.list, hit.entry_id);
      hits.push_back({party, std::move(hit)});
    }
  }
  if (hits.empty()) return std::int64_t{0};
  // The entries matched, from the versions in force (what the alert's facts are).
  auto all = store.ListVersions();
  if (!all.ok()) return all.error();
  const auto in_force = lists::SelectInForce(*all, as_of);
  std::vector<std::vector<lists::ListEntry>> loaded;
  loaded.reserve(in_force.size());
  std::map<EntryKey, std::pair<const lists::ListEntry*, const storage::ListVersion*>> entries;
  for (const auto& v : in_force) {
    auto some = store.LoadEntries(v.id);
    if (!some.ok()) return some.error();
    loaded.push_back(std::move(some).value());
    for (const auto& e : loaded.back()) {
      if (wanted.count({e.list, e.entry_id}) != 0) entries[{e.list, e.entry_id}] = {&e, &v};
    }
  }
  Plan plan;
  std::map<AlertKey, Alert> stored;
  const parties::Party* read_for = nullptr;
  for (const auto& [party, hit] : hits) {
    const auto it = entries.find({hit.list, hit.entry_id});
    if (it == entries.end()) continue;
    if (party != read_for) {
      auto existing = store.AlertsOfParty(party->id);
      if (!existing.ok()) return existing.error();
      for (auto& a : *existing) stored.emplace(AlertKey{a.party_id, a.list, a.entry_id}, a);
      read_for = party;
    }
    Decide(plan, stored, FromHit(*party, *it->second.first, hit, *it->second.second));
  }
  auto written = store.WriteAlerts(std::move(plan.writes), stamp);
  if (!written.ok()) return written.error();
  return static_cast<std::int64_t>(written->size());
}

Result<std::int64_t> ReopenForChangedParties(storage::Store& store,
                                             const std::vector<parties::Party>& changed,
                                             const storage::ChangeStamp& stamp) {
  std::vector<storage::AlertWrite> writes;
  for (const auto& party : changed) {
    auto alerts = store.AlertsOfParty(party.id);
    if (!alerts.ok()) return alerts.error();
    for (const auto& before : *alerts) {
      if (before.state != State::kDecided || before.disposition != Disposition::kFalsePositive) {
        continue;
      }
      auto facts = PartyFacts(party);
      auto diff = FactsChanged(before.party_facts, facts);
      if (diff.empty()) continue;
      Alert after = before;
      after.state = State::kOpen;
      after.disposition = Disposition::kNone;
      after.party_name = party.name;
      after.party_revision = party.revision;
      after.party_facts = std::move(facts);
      after.changed = {{"party", diff}};
      writes.push_back({std::move(after), "alert.reopen", before});
    }
  }
  auto written = store.WriteAlerts(std::move(writes), stamp);
  if (!written.ok()) return written.error();
  return static_cast<std::int64_t>(written->size());
}

}  // namespace tollgate::alerts

// Continuous screening (issue 15, item 2): when a list version is stored, the party
// masters are screened again, in proportion to the change. The entries the version
// adds or changes (lists::DiffEntries against the feed's previous version) are looked
// up in an index of the parties (screening turned around: the parties are the indexed
// names, each entry's names the queries), and each party found is screened forward
// exactly as parties::ScreenParty does, so an alert's score and explanation are what
// screening that party gives. The cost follows the size of the diff, not the master.
//
// A change of the screening configuration (the thresholds of the rules' screening
// policy, or how names are normalized) screens every entry in force against the whole
// master: its fingerprint is stored with the last full screening and compared.
// Entries the version removes close their alerts (not a true_match: releasing one
// takes a second person, see decide.h), each closure with its audit record.
//
// Thread-safety: as the Store (one thread); a PartyIndex is immutable and may be shared.
// Failure: the store's and the engine's errors; the caller's unit of work then stores
// nothing.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tollgate/common/result.h"
#include "tollgate/parties/party.h"
#include "tollgate/rules/engine.h"
#include "tollgate/rules/rule_set.h"
#include "tollgate/screening/screening.h"
#include "tollgate/storage/store.h"

namespace tollgate::alerts {

// The parties of every organization, indexed by name and aliases: the names alone
// (screening::Index::BuildNames) and each party's store id. Issue 15 allows the index
// 600 MiB for 1,000,000 parties; each party kept whole (parties::Party, and a
// lists::ListEntry for its names) made it 2.6 GiB (BENCHMARKS.md, "The party master at
// 1,000,000"), so the few parties a list change finds are read from the store by id.
class PartyIndex {
 public:
  static std::shared_ptr<const PartyIndex> Build(std::vector<parties::PartyNames> parties);
  // The ids of the parties whose names score at least `threshold` against one of the
  // entry's names (primary and aliases) in the inverse direction, ascending:
  // candidates, to be screened forward.
  std::vector<std::int64_t> Candidates(const lists::ListEntry& entry, double threshold) const;
  std::size_t size() const { return ids_.size(); }
  // What the index holds by its own count (screening::IndexStats and the ids), for the
  // benchmark to set beside the resident size.
  std::size_t memory_bytes() const;

 private:
  std::vector<std::int64_t> ids_;  // by position in index_
  std::shared_ptr<const screening::Index> index_;
};

// Keeps the party index between list versions in one process, built again when the
// store's PartyMasterRevision moved on (a change made by any process on the database:
// the counter is stored). Thread-safe: one cache may serve every request thread of a
// server (a build holds the others until it is done; imports are serialized by the
// store's write lock anyway).
class PartyIndexCache {
 public:
  Result<std::shared_ptr<const PartyIndex>> Get(storage::Store& store);
  // Indexes built, and imports that found the index current, since construction: what
  // an operator reads (the server's /metrics) to see the index kept warm.
  std::int64_t builds() const;
  std::int64_t reuses() const;
  std::int64_t parties() const;  // in the index held, 0 before the first build

 private:
  mutable std::mutex mu_;
  std::int64_t revision_ = -1;
  std::shared_ptr<const PartyIndex> index_;
  std::int64_t builds_ = 0;
  std::int64_t reuses_ = 0;
};

// The inverse lookup's threshold is the review threshold less this: the scorer is not
// symmetric (extra query words and missing entry words weigh differently), and a
// candidate costs only a forward screening. Chosen by the test that compares the
// inverse path with screening every party forward (alerts_rescreen_test.cpp).
inline constexpr double kInverseMargin = 0.15;

// The fingerprint of what decides a match: the screening policy's thresholds and the
// normalization of a fixed set of names (so a change in how names fold or tokenize
// changes it).
std::string ConfigFingerprint(const rules::RuleSet& rules);
// The key AlertSetting stores it under.
inline constexpr const char* kConfigSetting = "screening_config";

// A forward hit of a party on one of the entries screened.
struct PartyHit {
  const parties::Party* party = nullptr;
  rules::ScreeningHit hit;
};
// A candidate's whole answer: every match of its forward screening (on any entry in
// force, not only those screened), by list and entry id; empty for none.
struct PartyAnswer {
  const parties::Party* party = nullptr;
  std::vector<rules::ScreeningHit> hits;
};
struct EntriesScreening {
  std::int64_t candidates = 0;          // parties the inverse lookup found, screened forward
  std::vector<parties::Party> parties;  // those candidates as stored, by id
  std::vector<PartyHit> hits;           // by party, then list and entry id
  std::vector<PartyAnswer> answers;     // one per candidate, by party id
};

// The core of the re-screening: `entries` looked up in the party index (the review
// threshold less kInverseMargin), each party found read from `store` (in one
// statement) and screened forward with `engine` on `as_of` (parties::BestHits, on every
// core: common/parallel_blocks.h), and its hits on `entries` kept. The pointers of `hits` and
// `answers` point into `parties`.
Result<EntriesScreening> ScreenEntries(const PartyIndex& index, storage::Store& store,
                                       rules::Engine& engine,
                                       const std::vector<const lists::ListEntry*>& entries,
                                       Date as_of, double review_threshold);

// The screenings records of `answers` (history/party_screening.h): channel
// "continuous", requested by `stamp.actor`, each its party's organization's, searched
// `versions` (history::VersionsJson of those in force on `as_of`) at `threshold`.
// A candidate with a match (on any entry in force) has a record of its own with its
// whole answer; the candidates an organization has without any match, most of them
// (the inverse lookup's margin brings in many near names for each one a changed entry
// matches), share one record naming each (history::ClearedPartiesRecord), written
// first. Why: each record is a row, and a row per cleared candidate made recording
// 2.7x the screening itself, over the 100 ms issue 15 allows for 100 changes against
// 1,000,000 parties (BENCHMARKS.md, "Continuous screening again, with its records");
// the shared record keeps what an auditor needs of a no-hit (who, when, against which
// versions, which parties, and that nothing matched), and a party-name filter finds
// it by any of the names.
std::vector<storage::ScreeningRecord> AnswerRecords(const std::vector<PartyAnswer>& answers,
                                                    const nlohmann::json& versions, Date as_of,
                                                    const storage::ChangeStamp& stamp,
                                                    double threshold);

struct RescreenReport {
  bool full = false;            // the whole master against every entry in force
  std::int64_t entries = 0;     // entries screened against the parties
  std::int64_t candidates = 0;  // parties screened forward
  std::int64_t opened = 0;
  std::int64_t reopened = 0;
  std::int64_t updated = 0;
  std::int64_t closed = 0;
  // Screening records written: one per candidate with a match, one per organization
  // for its candidates without (AnswerRecords).
  std::int64_t recorded = 0;
};

// Screens the parties against what `version` (just stored, inside the caller's unit of
// work) adds and changes, and closes the alerts of what it removes. `engine` screens
// forward (its store is `store`, so it sees `version`); `cache` may be null.
//
// Each candidate screened forward is an answer on record (15 CFR 762.2(a)): channel
// "continuous", requested by `stamp.actor`, its organization's, with the versions in
// force on the version's date and the party's whole answer, a no-hit included (in the
// organization's one record of its cleared candidates, AnswerRecords); a party the
// change does not make a candidate was not screened and gets none. Written in the
// caller's unit of work with the alerts: the one process that stores a version (the
// others find it stored, lists::StoreImport, under the same write lock) screens and
// records, once.
Result<RescreenReport> RescreenParties(storage::Store& store, rules::Engine& engine,
                                       const rules::RuleSet& rules,
                                       const storage::ListVersion& version,
                                       const storage::ChangeStamp& stamp,
                                       PartyIndexCache* cache = nullptr);

// The parties of an import (as stored) that screening found on a list: their matches
// (screened forward again on `as_of` with `engine`, as the import screened them) open
// alerts, or update or reopen those they have. Inside the caller's unit of work.
// Returns how many alerts were written.
Result<std::int64_t> OpenForParties(storage::Store& store, rules::Engine& engine,
                                    const std::vector<const parties::Party*>& screened, Date as_of,
                                    const storage::ChangeStamp& stamp);

// The party side of a false_positive's hold: for each party changed by an import (as
// stored), its decided false_positive alerts whose party facts (name, aliases, country)
// differ open again saying what changed. Inside the caller's unit of work.
Result<std::int64_t> ReopenForChangedParties(storage::Store& store,
                                             const std::vector<parties::Party>& changed,
                                             const storage::ChangeStamp& stamp);

}  // namespace tollgate::alerts

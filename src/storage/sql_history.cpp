// SqlStore's history of answers (tables: migration 11): screenings recorded in batches,
// both histories read back through one filter, and the retention prune with its audit
// record. Determinations themselves are written in sql_store.cpp, with their facts.
#include <cstdio>
#include <string>

#include "storage/queries.h"
#include "storage/sql_store.h"
#include "storage/stored_licenses.h"
#include "storage/stored_rows.h"
#include "tollgate/common/sha256.h"
#include "tollgate/licensing/license.h"

namespace tollgate::storage {
namespace {

Result<double> ScoreOf(const std::string& text, std::int64_t id) {
  try {
    return std::stod(text);
  } catch (const std::exception&) {
    return MakeError(ErrorCode::kStorageError,
                     "screening " + std::to_string(id) + ": stored score is damaged");
  }
}

// The filter's parameters $1..$8 (queries.h, kSelectScreenings).
sql::Params FilterParams(const HistoryFilter& filter) {
  return {std::int64_t{filter.organization ? 1 : 0},
          filter.organization.value_or(""),
          filter.party,
          filter.from,
          filter.before,
          filter.outcome,
          filter.limit,
          filter.offset};
}

Result<ScreeningRecord> DecodeScreening(sql::Rows& rows, int i) {
  ScreeningRecord r;
  r.id = rows.Int(i, 0);
  r.recorded_at = rows.Take(i, 1);
  r.requested_by = rows.Take(i, 2);
  r.organization = rows.Take(i, 3);
  r.channel = rows.Take(i, 4);
  r.name = rows.Take(i, 5);
  r.country = rows.Take(i, 6);
  r.type = rows.Take(i, 7);
  r.as_of = rows.Take(i, 8);
  auto threshold = ScoreOf(rows.Text(i, 9), r.id);
  if (!threshold.ok()) return threshold.error();
  r.threshold = *threshold;
  r.outcome = rows.Take(i, 10);
  auto top = ScoreOf(rows.Text(i, 11), r.id);
  if (!top.ok()) return top.error();
  r.top_score = *top;
  r.lists = nlohmann::json::parse(rows.Text(i, 12), nullptr, false);
  r.matches = nlohmann::json::parse(rows.Text(i, 13), nullptr, false);
  if (r.lists.is_discarded() || r.matches.is_discarded()) {
    return MakeError(ErrorCode::kStorageError,
                     "screening " + std::to_string(r.id) + ": stored answer is damaged");
  }
  return r;
}

// SQLite: the rows with one prepared statement and no RETURNING (queries.h,
// kInsertScreening), all or none, then their ids in insertion order.
Result<std::vector<std::int64_t>> InsertUnreturned(sql::Driver& db,
                                                   const std::vector<sql::Params>& rows) {
  auto tx = sql::Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  auto largest = db.Run(q::kSelectLargestScreeningId);
  if (!largest.ok()) return largest.error();
  if (auto s = db.InsertMany(q::kInsertScreening, rows); !s.ok()) return s.error();
  auto found = db.Run(q::kSelectScreeningIdsAbove, {largest->Int(0, 0)});
  if (!found.ok()) return found.error();
  if (found->size() != static_cast<int>(rows.size())) {
    return MakeError(ErrorCode::kInternal, "screenings on record: " + std::to_string(rows.size()) +
                                               " inserted, " + std::to_string(found->size()) +
                                               " ids found");
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  std::vector<std::int64_t> ids;
  ids.reserve(rows.size());
  for (int i = 0; i < found->size(); ++i) ids.push_back(found->Int(i, 0));
  return ids;
}

// The id of the set of list versions whose JSON text is `lists` (migration 18), added
// if no screening named it before.
Result<std::int64_t> VersionSetId(sql::Driver& db, const std::string& lists) {
  const std::string digest = Sha256Hex(lists);
  if (auto added = db.Run(q::kInsertVersionSet, {digest, lists}); !added.ok()) {
    return added.error();
  }
  auto found = db.Run(q::kSelectVersionSet, {digest});
  if (!found.ok()) return found.error();
  if (found->size() != 1) {
    return MakeError(ErrorCode::kInternal, "screenings on record: the set of list versions " +
                                               digest + " was not stored");
  }
  return found->Int(0, 0);
}

}  // namespace

Result<std::vector<std::int64_t>> SqlStore::RecordScreenings(
    const std::vector<ScreeningRecord>& records) {
  std::vector<sql::Params> rows;
  rows.reserve(records.size());
  // The records of one batch (an import's above all) mostly share their list versions
  // and threshold: each is made into text and its set looked up when it differs from
  // the record before, not for every record.
  const ScreeningRecord* before = nullptr;
  std::int64_t version_set = 0;
  std::string threshold;
  const bool sqlite = db_->dialect() == sql::Dialect::kSqlite;
  std::string recorded_at;  // SQLite's $14 (queries.h, kInsertScreening)
  if (sqlite) {
    auto now = db_->Run(q::kSelectNowUtc);
    if (!now.ok()) return now.error();
    recorded_at = now->Text(0, 0);
  }
  for (const auto& r : records) {
    if (before == nullptr || before->lists != r.lists) {
      auto set = VersionSetId(*db_, r.lists.dump());
      if (!set.ok()) return set.error();
      version_set = *set;
    }
    if (before == nullptr || before->threshold != r.threshold) threshold = ScoreText(r.threshold);
    before = &r;
    sql::Params& row = rows.emplace_back();
    row.reserve(14);
    row.assign({r.requested_by, r.organization, r.channel, r.name, licensing::FoldPartyName(r.name),
                r.country, r.type, r.as_of, threshold, r.outcome, ScoreText(r.top_score),
                r.matches.empty() && r.matches.is_array() ? "[]" : r.matches.dump(), version_set});
    if (sqlite) row.emplace_back(recorded_at);
  }
  if (sqlite) return InsertUnreturned(*db_, rows);
  // All or none, one round trip on PostgreSQL (as RecordDeterminations): the group
  // commit answers its requests only after this returns.
  auto inserted = db_->RunEach(q::kInsertScreening, rows);
  if (!inserted.ok()) return inserted.error();
  std::vector<std::int64_t> ids;
  ids.reserve(inserted->size());
  for (const auto& row : *inserted) ids.push_back(row.Int(0, 0));
  return ids;
}

Result<std::vector<ScreeningRecord>> SqlStore::FindScreenings(const HistoryFilter& filter) {
  sql::Params params = FilterParams(filter);
  params.emplace_back(filter.channel);
  auto rows = db_->Run(q::kSelectScreenings, params);
  if (!rows.ok()) return rows.error();
  std::vector<ScreeningRecord> records;
  records.reserve(static_cast<std::size_t>(rows->size()));
  for (int i = 0; i < rows->size(); ++i) {
    auto r = DecodeScreening(*rows, i);
    if (!r.ok()) return r.error();
    records.push_back(std::move(r).value());
  }
  return records;
}

Result<std::vector<DeterminationRecord>> SqlStore::FindDeterminations(const HistoryFilter& filter) {
  auto rows = db_->Run(q::kSelectFilteredDeterminations, FilterParams(filter));
  if (!rows.ok()) return rows.error();
  std::vector<DeterminationRecord> records;
  records.reserve(static_cast<std::size_t>(rows->size()));
  for (int i = 0; i < rows->size(); ++i) {
    auto r = DecodeDeterminationRow(rows->Int(i, 0), rows->Take(i, 1), rows->Text(i, 2),
                                    rows->Take(i, 3), rows->Take(i, 4), rows->Take(i, 5),
                                    rows->Take(i, 6));
    if (!r.ok()) return r.error();
    r->organization = rows->Take(i, 7);
    r->parties = SplitFoldedParties(rows->Text(i, 8));
    records.push_back(std::move(r).value());
  }
  return records;
}

Result<PruneCount> SqlStore::PruneHistory(const std::string& cutoff, const std::string& reason,
                                          const ChangeStamp& stamp) {
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  PruneCount count{cutoff, 0, 0};
  auto screenings = db_->Run(q::kCountScreeningsBefore, {cutoff});
  if (!screenings.ok()) return screenings.error();
  count.screenings = screenings->Int(0, 0);
  auto determinations = db_->Run(q::kCountDeterminationsBefore, {cutoff});
  if (!determinations.ok()) return determinations.error();
  count.determinations = determinations->Int(0, 0);
  for (const sql::Query* del : {&q::kDeleteScreeningsBefore, &q::kDeleteDeterminationFactsBefore,
                                &q::kDeleteDeterminationsBefore}) {
    if (auto d = db_->Run(*del, {cutoff}); !d.ok()) return d.error();
  }
  // The prune is itself on record, in its transaction: what went, up to when, and why.
  audit::Entry entry{stamp.timestamp,
                     stamp.actor,
                     "history.prune",
                     "history",
                     nullptr,
                     {{"recorded_before", cutoff},
                      {"screenings_deleted", count.screenings},
                      {"determinations_deleted", count.determinations},
                      {"reason", reason}}};
  if (auto a = AppendAudit(std::move(entry)); !a.ok()) return a.error();
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return count;
}

}  // namespace tollgate::storage

// SqlStore's screening matches recorded with applications (tables: migration 4).
#include "storage/queries.h"
#include "storage/sql_store.h"
#include "storage/stored_applications.h"
#include "storage/stored_screening.h"

namespace tollgate::storage {

Result<std::vector<ScreeningMatchRecord>> SqlStore::RecordScreening(
    std::int64_t application_id, std::vector<ScreeningMatchRecord> matches,
    const ChangeStamp& stamp) {
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto found = ReadApplications(q::kSelectApplicationById, {application_id});
  if (!found.ok()) return found.error();
  if (found->empty()) return UnknownApplication("#" + std::to_string(application_id));
  const licensing::Application& application = found->front();
  std::vector<ScreeningMatchRecord> recorded;
  for (auto& match : matches) {
    const std::string key = MatchKey(match);
    auto count = db_->Run(q::kCountScreeningMatch, {application_id, key});
    if (!count.ok()) return count.error();
    if (count->Int(0, 0) != 0) continue;  // recorded by an earlier screening
    auto seq = db_->Run(q::kNextScreeningSeq, {application_id});
    if (!seq.ok()) return seq.error();
    match.seq = seq->Int(0, 0);
    auto inserted =
        db_->Run(q::kInsertScreeningMatch, {application_id, match.seq, match.screened_on.ToString(),
                                            match.reason, key, ScreeningBody(match)});
    if (!inserted.ok()) return inserted.error();
    if (auto a = AppendAudit(ScreeningMatchRecorded(application, match, stamp)); !a.ok()) {
      return a.error();
    }
    recorded.push_back(std::move(match));
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return recorded;
}

Result<std::vector<ScreeningMatchRecord>> SqlStore::ScreeningMatches(std::int64_t application_id) {
  if (auto known = GetApplication(application_id); !known.ok()) return known.error();
  auto rows = db_->Run(q::kSelectScreeningMatches, {application_id});
  if (!rows.ok()) return rows.error();
  std::vector<ScreeningMatchRecord> matches;
  for (int i = 0; i < rows->size(); ++i) {
    auto match = DecodeScreeningMatch(application_id, rows->Int(i, 0), rows->Text(i, 1),
                                      rows->Take(i, 2), rows->Text(i, 3));
    if (!match.ok()) return match.error();
    matches.push_back(std::move(match).value());
  }
  return matches;
}

}  // namespace tollgate::storage

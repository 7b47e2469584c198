// WorkflowTables' screening matches of applications on PostgreSQL (declared in
// postgres_workflow.h).
#include "storage/postgres/license_sql.h"
#include "storage/postgres/postgres_workflow.h"
#include "storage/stored_applications.h"
#include "storage/stored_screening.h"

namespace tollgate::storage::postgres {

Result<std::vector<ScreeningMatchRecord>> WorkflowTables::RecordScreening(
    std::int64_t application_id, std::vector<ScreeningMatchRecord> matches,
    const ChangeStamp& stamp) {
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto found = SelectApplications(application_id, "", {});
  if (!found.ok()) return found.error();
  if (found->empty()) return UnknownApplication("#" + std::to_string(application_id));
  const licensing::Application& application = found->front();
  const std::string id = std::to_string(application_id);
  std::vector<ScreeningMatchRecord> recorded;
  for (auto& match : matches) {
    const std::string key = MatchKey(match);
    auto count = db_.Exec(kCountScreeningMatch, {id, key});
    if (!count.ok()) return count.error();
    if (count->Int(0, 0) != 0) continue;  // recorded by an earlier screening
    auto seq = db_.Exec(kNextScreeningSeq, {id});
    if (!seq.ok()) return seq.error();
    match.seq = seq->Int(0, 0);
    auto inserted = db_.Exec(kInsertScreeningMatch,
                             {id, std::to_string(match.seq), match.screened_on.ToString(),
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

Result<std::vector<ScreeningMatchRecord>> WorkflowTables::ScreeningMatches(
    std::int64_t application_id) {
  auto rows = db_.Exec(kSelectScreeningMatches, {std::to_string(application_id)});
  if (!rows.ok()) return rows.error();
  std::vector<ScreeningMatchRecord> matches;
  for (int i = 0; i < rows->rows(); ++i) {
    auto match = DecodeScreeningMatch(application_id, rows->Int(i, 0), rows->Text(i, 1),
                                      rows->Text(i, 2), rows->Text(i, 3));
    if (!match.ok()) return match.error();
    matches.push_back(std::move(match).value());
  }
  return matches;
}

}  // namespace tollgate::storage::postgres

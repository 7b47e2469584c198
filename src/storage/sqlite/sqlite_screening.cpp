// WorkflowTables' screening matches of applications on SQLite (declared in sqlite_workflow.h).
#include "storage/sqlite/license_sql.h"
#include "storage/sqlite/sqlite_workflow.h"
#include "storage/stored_applications.h"
#include "storage/stored_screening.h"

namespace tollgate::storage::sqlite {

Result<std::vector<ScreeningMatchRecord>> WorkflowTables::RecordScreening(
    std::int64_t application_id, std::vector<ScreeningMatchRecord> matches,
    const ChangeStamp& stamp) {
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  auto found = SelectApplications(application_id, "", {});
  if (!found.ok()) return found.error();
  if (found->empty()) return UnknownApplication("#" + std::to_string(application_id));
  const licensing::Application& application = found->front();
  std::vector<ScreeningMatchRecord> recorded;
  for (auto& match : matches) {
    const std::string key = MatchKey(match);
    auto count = db_.Prepare(kCountScreeningMatch);
    if (!count.ok()) return count.error();
    if (auto r = count->Bind(1, application_id).Bind(2, key).Step(); !r.ok()) return r.error();
    if (count->Int(0) != 0) continue;  // recorded by an earlier screening
    auto seq = db_.Prepare(kNextScreeningSeq);
    if (!seq.ok()) return seq.error();
    if (auto r = seq->Bind(1, application_id).Step(); !r.ok()) return r.error();
    match.seq = seq->Int(0);
    auto insert = db_.Prepare(kInsertScreeningMatch);
    if (!insert.ok()) return insert.error();
    auto s = insert->Bind(1, application_id)
                 .Bind(2, match.seq)
                 .Bind(3, match.screened_on.ToString())
                 .Bind(4, match.reason)
                 .Bind(5, key)
                 .Bind(6, ScreeningBody(match))
                 .Run();
    if (!s.ok()) return s.error();
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
  auto select = db_.Prepare(kSelectScreeningMatches);
  if (!select.ok()) return select.error();
  select->Bind(1, application_id);
  std::vector<ScreeningMatchRecord> matches;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    auto match = DecodeScreeningMatch(application_id, select->Int(0), select->Text(1),
                                      select->Text(2), select->Text(3));
    if (!match.ok()) return match.error();
    matches.push_back(std::move(match).value());
  }
  return matches;
}

}  // namespace tollgate::storage::sqlite

// SqlStore's alerts (tables: migration 10): writes with an audit record each, one
// alert per (party, list, entry), optimistic concurrency on updates, and the queue's
// filtered, sorted pages.
#include <cstdio>
#include <iterator>
#include <set>

#include "storage/queries.h"
#include "storage/sql_store.h"
#include "storage/stored_rows.h"
#include "tollgate/webhooks/outbox.h"

namespace tollgate::storage {
namespace {

Result<alerts::Alert> DecodeAlert(sql::Rows& rows, int i) {
  alerts::Alert a;
  a.id = rows.Int(i, 0);
  a.organization = rows.Take(i, 1);
  a.party_id = rows.Int(i, 2);
  a.party_external_id = rows.Take(i, 3);
  a.party_name = rows.Take(i, 4);
  a.party_revision = rows.Int(i, 5);
  a.list = rows.Take(i, 6);
  a.entry_id = rows.Take(i, 7);
  a.entry_name = rows.Take(i, 8);
  a.feed = rows.Take(i, 9);
  a.list_version = rows.Int(i, 10);
  const auto damaged = [&a] {
    return MakeError(ErrorCode::kStorageError,
                     "alert " + std::to_string(a.id) + ": the stored row is damaged");
  };
  try {
    a.score = std::stod(rows.Text(i, 11));
  } catch (const std::exception&) {
    return damaged();
  }
  auto state = alerts::ParseState(rows.Text(i, 13));
  auto disposition = alerts::ParseDisposition(rows.Text(i, 14));
  if (!state.ok() || !disposition.ok()) return damaged();
  a.state = *state;
  a.disposition = *disposition;
  a.comment = rows.Take(i, 15);
  a.decided_by = rows.Take(i, 16);
  a.decided_at = rows.Take(i, 17);
  a.assignee = rows.Take(i, 18);
  a.opened_at = rows.Take(i, 19);
  a.updated_at = rows.Take(i, 20);
  a.version = rows.Int(i, 24);
  for (auto [column, field] : {std::pair{12, &a.match}, std::pair{21, &a.party_facts},
                               std::pair{22, &a.entry_facts}, std::pair{23, &a.changed}}) {
    *field = nlohmann::json::parse(rows.Text(i, column), nullptr, false);
    if (field->is_discarded()) return damaged();
  }
  return a;
}

std::string Subject(const alerts::Alert& alert) {
  return "alert " + std::to_string(alert.id) + " (party " + alert.organization + "/" +
         alert.party_external_id + ", " + alert.list + " " + alert.entry_id + ")";
}

}  // namespace

Result<std::vector<alerts::Alert>> SqlStore::ReadAlerts(const sql::Query& query,
                                                        const sql::Params& params) {
  auto rows = db_->Run(query, params);
  if (!rows.ok()) return rows.error();
  std::vector<alerts::Alert> found;
  found.reserve(static_cast<std::size_t>(rows->size()));
  for (int i = 0; i < rows->size(); ++i) {
    auto alert = DecodeAlert(*rows, i);
    if (!alert.ok()) return alert.error();
    found.push_back(std::move(alert).value());
  }
  return found;
}

Result<std::vector<alerts::Alert>> SqlStore::WriteAlerts(std::vector<AlertWrite> writes,
                                                         const ChangeStamp& stamp) {
  std::vector<alerts::Alert> written;
  if (writes.empty()) return written;
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  // The organizations whose decided alerts this write changes (migration 13).
  std::set<std::string> decisions_changed;
  for (auto& w : writes) {
    alerts::Alert& a = w.alert;
    // An update without its `before` may have been of a decided alert: counted.
    if (a.state == alerts::State::kDecided || (a.id != 0 && !w.before) ||
        (w.before && w.before->state == alerts::State::kDecided)) {
      decisions_changed.insert(a.organization);
    }
    a.updated_at = stamp.timestamp;
    const std::string state = alerts::StateName(a.state);
    const std::string disposition = alerts::DispositionName(a.disposition);
    if (a.id == 0) {
      if (a.opened_at.empty()) a.opened_at = stamp.timestamp;
      auto inserted = db_->Run(q::kInsertAlert, {a.organization,
                                                 a.party_id,
                                                 a.party_external_id,
                                                 a.party_name,
                                                 a.party_revision,
                                                 a.list,
                                                 a.entry_id,
                                                 a.entry_name,
                                                 a.feed,
                                                 a.list_version,
                                                 ScoreText(a.score),
                                                 a.match.dump(),
                                                 state,
                                                 disposition,
                                                 a.comment,
                                                 a.decided_by,
                                                 a.decided_at,
                                                 a.assignee,
                                                 a.opened_at,
                                                 a.updated_at,
                                                 a.party_facts.dump(),
                                                 a.entry_facts.dump(),
                                                 a.changed.dump()});
      if (!inserted.ok()) return inserted.error();
      if (inserted->empty()) continue;  // opened by another process first
      a.id = inserted->Int(0, 0);
      a.version = 1;
    } else {
      auto updated = db_->Run(q::kUpdateAlert, {a.id,
                                                a.version,
                                                a.party_external_id,
                                                a.party_name,
                                                a.party_revision,
                                                a.entry_name,
                                                a.feed,
                                                a.list_version,
                                                ScoreText(a.score),
                                                a.match.dump(),
                                                state,
                                                disposition,
                                                a.comment,
                                                a.decided_by,
                                                a.decided_at,
                                                a.assignee,
                                                a.updated_at,
                                                a.party_facts.dump(),
                                                a.entry_facts.dump(),
                                                a.changed.dump()});
      if (!updated.ok()) return updated.error();
      if (updated->empty()) {
        return MakeError(ErrorCode::kConflict, "alert " + std::to_string(a.id) +
                                                   " was changed by someone else; read it again");
      }
      a.version = updated->Int(0, 0);
    }
    audit::Entry entry{stamp.timestamp,
                       stamp.actor,
                       w.action,
                       Subject(a),
                       w.before ? alerts::ToJson(*w.before) : nlohmann::json(nullptr),
                       alerts::ToJson(a)};
    if (auto s = AppendAudit(std::move(entry)); !s.ok()) return s.error();
    // A new or reopened alert is also an event for the organization's webhooks
    // (issue 15, item 5), queued in this transaction: it is sent if and only if the
    // alert is stored, and once, since only the process whose insert or versioned
    // update took effect gets here.
    if (w.action == "alert.open" || w.action == "alert.reopen") {
      const bool opened = w.action == "alert.open";
      const webhooks::Event event{
          "alert/" + std::to_string(a.id) + "/v" + std::to_string(a.version),
          opened ? "alert.opened" : "alert.reopened", alerts::ToJson(a)};
      auto queued = EnqueueWebhookEvent(a.organization, event.id, event.type,
                                        webhooks::EventBody(a.organization, event, stamp.timestamp),
                                        stamp.timestamp);
      if (!queued.ok()) return queued.error();
    }
    written.push_back(std::move(a));
  }
  // Last, so that a transaction holds this row only after every alert row it writes:
  // two imports at once wait for each other on the alerts, never in a cycle here.
  for (const auto& organization : decisions_changed) {
    if (auto bumped = db_->Run(q::kBumpAlertDecisionRevision, {organization}); !bumped.ok()) {
      return bumped.error();
    }
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return written;
}

Result<alerts::Alert> SqlStore::GetAlert(std::int64_t id) {
  auto found = ReadAlerts(q::kSelectAlert, {id});
  if (!found.ok()) return found.error();
  if (found->empty()) {
    return MakeError(ErrorCode::kNotFound, "no alert " + std::to_string(id));
  }
  return std::move(found->front());
}

Result<alerts::Page> SqlStore::ListAlerts(const alerts::Filter& filter) {
  if (auto valid = alerts::ValidateFilter(filter); !valid.ok()) return valid.error();
  std::size_t sort = 0;
  while (filter.sort != q::kAlertSorts[sort]) ++sort;  // ValidateFilter checked it is one
  sql::Params params{
      filter.organization, filter.state ? std::string(alerts::StateName(*filter.state)) : "",
      filter.list,         ScoreText(filter.min_score),
      filter.party,        filter.assignee};
  // The views an analyst opens most (all, one state, one list) read the kept counts;
  // a filter on the party, the assignee or the score counts the rows it matches, one
  // party's or one analyst's from the index that leads with it.
  const q::AlertView view = !filter.party.empty()      ? q::kPartyView
                            : !filter.assignee.empty() ? q::kAssigneeView
                                                       : q::kQueueView;
  const bool kept_count = view == q::kQueueView && filter.min_score <= 0;
  auto count = kept_count ? db_->Run(q::kSumAlertCounts, {params[0], params[1], params[2]})
                          : db_->Run(q::kCountAlerts[view], params);
  if (!count.ok()) return count.error();
  params.emplace_back(filter.per_page);
  params.emplace_back((filter.page - 1) * filter.per_page);
  auto alerts = ReadAlerts(q::kAlertPages[view][sort], params);
  if (!alerts.ok()) return alerts.error();
  return alerts::Page{std::move(alerts).value(), count->Int(0, 0)};
}

Result<std::vector<alerts::Alert>> SqlStore::AlertsOnEntries(
    const std::vector<std::pair<std::string, std::string>>& entries) {
  std::vector<alerts::Alert> found;
  for (const auto& [list, entry_id] : entries) {
    auto some = ReadAlerts(q::kSelectAlertsOnEntry, {list, entry_id});
    if (!some.ok()) return some.error();
    std::move(some->begin(), some->end(), std::back_inserter(found));
  }
  return found;
}

Result<std::vector<alerts::Alert>> SqlStore::AlertsOfParty(std::int64_t party_id) {
  return ReadAlerts(q::kSelectAlertsOfParty, {party_id});
}

Result<std::vector<alerts::Alert>> SqlStore::DecidedAlerts(const std::string& organization) {
  return ReadAlerts(q::kSelectDecidedAlerts, {organization});
}

Result<std::int64_t> SqlStore::AlertDecisionRevision(const std::string& organization) {
  auto rows = db_->Run(q::kSelectAlertDecisionRevision, {organization});
  if (!rows.ok()) return rows.error();
  return rows->empty() ? std::int64_t{0} : rows->Int(0, 0);
}

Result<std::string> SqlStore::AlertSetting(const std::string& key) {
  auto rows = db_->Run(q::kSelectAlertSetting, {key});
  if (!rows.ok()) return rows.error();
  return rows->empty() ? std::string() : rows->Text(0, 0);
}

Status SqlStore::SetAlertSetting(const std::string& key, const std::string& value) {
  auto rows = db_->Run(q::kUpsertAlertSetting, {key, value});
  if (!rows.ok()) return rows.error();
  return {};
}

Result<std::int64_t> SqlStore::PartyMasterRevision() {
  auto rows = db_->Run(q::kSelectPartyMasterRevision);
  if (!rows.ok()) return rows.error();
  return rows->Int(0, 0);
}

}  // namespace tollgate::storage

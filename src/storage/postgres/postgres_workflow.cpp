#include "storage/postgres/postgres_workflow.h"

#include <nlohmann/json.hpp>

#include "storage/postgres/workflow_sql.h"
#include "storage/stored_applications.h"
#include "tollgate/licensing/application_json.h"
#include "tollgate/licensing/audit_entry.h"

namespace tollgate::storage::postgres {
namespace {

std::string Num(std::int64_t value) { return std::to_string(value); }

}  // namespace

Result<bool> WorkflowTables::Exists(std::string_view count_sql, const std::string& key) {
  auto count = db_.Exec(count_sql, {key});
  if (!count.ok()) return count.error();
  return count->Int(0, 0) != 0;
}

Result<PgTransaction> WorkflowTables::BeginAudited() {
  auto tx = PgTransaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  if (auto lock = db_.Exec(kLockAudit); !lock.ok()) return lock.error();
  return tx;
}

Status WorkflowTables::AppendAudit(audit::Entry entry) {
  auto head = db_.Exec(kSelectAuditHead);
  if (!head.ok()) return head.error();
  audit::Record last;
  const bool any = head->rows() > 0;
  if (any) {
    last.sequence = head->Int(0, 0);
    last.hash = head->Text(0, 1);
  }
  auto record = audit::Chain(any ? &last : nullptr, std::move(entry));
  if (!record.ok()) return record.error();
  auto insert = db_.Exec(kInsertAudit, {Num(record->sequence), record->timestamp, record->actor,
                                        record->action, record->subject, record->before.dump(),
                                        record->after.dump(), record->previous_hash, record->hash});
  if (!insert.ok()) return insert.error();
  return {};
}

Status WorkflowTables::AddOrganization(const licensing::Organization& organization,
                                       const ChangeStamp& stamp) {
  if (auto s = licensing::ValidateOrganization(organization); !s.ok()) return s;
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto exists = Exists(kCountOrganization, organization.id);
  if (!exists.ok()) return exists.error();
  if (*exists) return OrganizationExists(organization.id);
  auto insert =
      db_.Exec(kInsertOrganization, {organization.id, organization.name, stamp.timestamp});
  if (!insert.ok()) return insert.error();
  if (auto a = AppendAudit(OrganizationCreated(organization, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<std::vector<licensing::Organization>> WorkflowTables::ListOrganizations() {
  auto rows = db_.Exec(kSelectOrganizations);
  if (!rows.ok()) return rows.error();
  std::vector<licensing::Organization> organizations;
  for (int i = 0; i < rows->rows(); ++i) {
    organizations.push_back({rows->Text(i, 0), rows->Text(i, 1)});
  }
  return organizations;
}

Status WorkflowTables::AddUser(const licensing::User& user, const ChangeStamp& stamp) {
  if (auto s = licensing::ValidateUser(user); !s.ok()) return s;
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto exists = Exists(kCountUser, user.name);
  if (!exists.ok()) return exists.error();
  if (*exists) return UserExists(user.name);
  if (!user.organization.empty()) {
    auto known = Exists(kCountOrganization, user.organization);
    if (!known.ok()) return known.error();
    if (!*known) return UnknownOrganization(user.organization);
  }
  auto insert = db_.Exec(kInsertUser,
                         {user.name, licensing::RoleName(user.role), user.organization,
                          user.agency ? licensing::AgencyName(*user.agency) : "", stamp.timestamp});
  if (!insert.ok()) return insert.error();
  if (auto a = AppendAudit(UserCreated(user, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<licensing::User> WorkflowTables::GetUser(const std::string& name) {
  auto rows = db_.Exec(kSelectUser, {name});
  if (!rows.ok()) return rows.error();
  if (rows->rows() == 0) return UnknownUser(name);
  return DecodeUserRow(rows->Text(0, 0), rows->Text(0, 1), rows->Text(0, 2), rows->Text(0, 3));
}

Result<licensing::ControlNumber> WorkflowTables::IssueControlNumber() {
  auto tx = PgTransaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  auto current = db_.Exec(kSelectLastControlNumber);  // FOR UPDATE: one issuer at a time
  if (!current.ok()) return current.error();
  const std::string last = current->rows() > 0 ? current->Text(0, 0) : "";
  Result<licensing::ControlNumber> next = licensing::ControlNumber::First();
  if (!last.empty()) {
    auto parsed = licensing::ControlNumber::Parse(last);
    if (!parsed.ok()) {
      return MakeError(ErrorCode::kStorageError, "damaged control-number counter: " + last);
    }
    next = parsed->Next();
    if (!next.ok()) return next.error();
  }
  if (auto u = db_.Exec(kUpdateLastControlNumber, {next->ToString()}); !u.ok()) return u.error();
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return next;
}

Result<licensing::Application> WorkflowTables::CreateApplication(licensing::Application draft,
                                                                 const ChangeStamp& stamp) {
  if (auto s = CheckNewDraft(draft); !s.ok()) return s.error();
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto known = Exists(kCountOrganization, draft.organization);
  if (!known.ok()) return known.error();
  if (!*known) return UnknownOrganization(draft.organization);
  auto inserted = db_.Exec(
      kInsertApplication, {draft.organization, licensing::StateName(draft.state), stamp.timestamp});
  if (!inserted.ok()) return inserted.error();
  draft.id = inserted->Int(0, 0);
  draft.version = 1;
  auto body = ApplicationBody(draft);
  if (!body.ok()) return body.error();
  if (auto u = db_.Exec(kUpdateApplicationBody, {Num(draft.id), *body}); !u.ok()) return u.error();
  if (auto a = AppendAudit(licensing::CreationEntry(draft, stamp.actor, stamp.timestamp));
      !a.ok()) {
    return a.error();
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return draft;
}

Result<licensing::Application> WorkflowTables::RecordTransition(licensing::Application after,
                                                                const licensing::Event& event,
                                                                Date on,
                                                                const std::string& timestamp) {
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  // FOR UPDATE: a concurrent change to the same row waits here and then sees the new
  // version, so it fails with kConflict instead of overwriting.
  auto current = db_.Exec(kSelectApplicationVersion, {Num(after.id)});
  if (!current.ok()) return current.error();
  if (current->rows() == 0) return UnknownApplication("#" + Num(after.id));
  const std::int64_t stored_version = current->Int(0, 0);
  if (stored_version != after.version) return StaleApplication(after, stored_version);
  auto before = DecodeApplication(current->Text(0, 1), after.id, stored_version);
  if (!before.ok()) return before.error();

  if (!after.control_number.empty()) {
    auto count = db_.Exec(kCountControlNumberElsewhere, {after.control_number, Num(after.id)});
    if (!count.ok()) return count.error();
    if (count->Int(0, 0) != 0) return ControlNumberTaken(after.control_number);
  }

  licensing::Application next = std::move(after);
  next.version = stored_version + 1;
  auto body = ApplicationBody(next);
  if (!body.ok()) return body.error();
  auto event_body = JsonText(licensing::ToJson(event), "the event");
  if (!event_body.ok()) return event_body.error();
  const auto& registered = next.review.registered_on;
  auto updated =
      db_.Exec(kUpdateApplication, {Num(next.id), Num(stored_version), next.control_number,
                                    licensing::StateName(next.state),
                                    registered ? registered->ToString() : "", timestamp, *body});
  if (!updated.ok()) return updated.error();
  if (updated->rows() != 1) return StaleApplication(next, stored_version);

  auto seq = db_.Exec(kNextEventSeq, {Num(next.id)});
  if (!seq.ok()) return seq.error();
  auto inserted =
      db_.Exec(kInsertEvent, {Num(next.id), seq->Text(0, 0), on.ToString(), timestamp,
                              licensing::EventName(event.kind), licensing::StateName(before->state),
                              licensing::StateName(next.state), *event_body});
  if (!inserted.ok()) return inserted.error();
  if (auto a = AppendAudit(licensing::TransitionEntry(*before, next, event, timestamp)); !a.ok()) {
    return a.error();
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return next;
}

Result<std::vector<licensing::Application>> WorkflowTables::SelectApplications(
    std::int64_t id, const std::string& control_number, const ApplicationFilter& filter) {
  auto rows =
      db_.Exec(kSelectApplications, {Num(id), control_number, filter.organization.value_or(""),
                                     filter.state ? licensing::StateName(*filter.state) : ""});
  if (!rows.ok()) return rows.error();
  std::vector<licensing::Application> applications;
  for (int i = 0; i < rows->rows(); ++i) {
    auto application = DecodeApplication(rows->Text(i, 2), rows->Int(i, 0), rows->Int(i, 1));
    if (!application.ok()) return application.error();
    applications.push_back(std::move(application).value());
  }
  return applications;
}

Result<std::vector<TimelineEntry>> WorkflowTables::Timeline(std::int64_t application_id) {
  auto rows = db_.Exec(kSelectEvents, {Num(application_id)});
  if (!rows.ok()) return rows.error();
  std::vector<TimelineEntry> entries;
  for (int i = 0; i < rows->rows(); ++i) {
    auto entry =
        DecodeTimelineRow(application_id, rows->Int(i, 0), rows->Text(i, 1), rows->Text(i, 2),
                          rows->Text(i, 3), rows->Text(i, 4), rows->Text(i, 5));
    if (!entry.ok()) return entry.error();
    entries.push_back(std::move(entry).value());
  }
  return entries;
}

Result<std::vector<TimelineEntry>> WorkflowTables::AllTimelines() {
  auto rows = db_.Exec(kSelectAllEvents);
  if (!rows.ok()) return rows.error();
  std::vector<TimelineEntry> entries;
  entries.reserve(static_cast<std::size_t>(rows->rows()));
  for (int i = 0; i < rows->rows(); ++i) {
    auto entry =
        DecodeTimelineRow(rows->Int(i, 0), rows->Int(i, 1), rows->Text(i, 2), rows->Text(i, 3),
                          rows->Text(i, 4), rows->Text(i, 5), rows->Text(i, 6));
    if (!entry.ok()) return entry.error();
    entries.push_back(std::move(entry).value());
  }
  return entries;
}

Result<std::vector<audit::Record>> WorkflowTables::AuditLog() {
  auto rows = db_.Exec(kSelectAudit);
  if (!rows.ok()) return rows.error();
  std::vector<audit::Record> records;
  records.reserve(static_cast<std::size_t>(rows->rows()));
  for (int i = 0; i < rows->rows(); ++i) {
    auto record = DecodeAuditRow(rows->Int(i, 0), rows->Text(i, 1), rows->Text(i, 2),
                                 rows->Text(i, 3), rows->Text(i, 4), rows->Text(i, 5),
                                 rows->Text(i, 6), rows->Text(i, 7), rows->Text(i, 8));
    if (!record.ok()) return record.error();
    records.push_back(std::move(record).value());
  }
  return records;
}

}  // namespace tollgate::storage::postgres

#include "storage/sqlite/sqlite_workflow.h"

#include <nlohmann/json.hpp>

#include "storage/sqlite/workflow_sql.h"
#include "storage/stored_applications.h"
#include "tollgate/licensing/application_json.h"
#include "tollgate/licensing/audit_entry.h"

namespace tollgate::storage::sqlite {

Result<bool> WorkflowTables::Exists(std::string_view count_sql, const std::string& key) {
  auto count = db_.Prepare(count_sql);
  if (!count.ok()) return count.error();
  if (auto row = count->Bind(1, key).Step(); !row.ok()) return row.error();
  return count->Int(0) != 0;
}

Status WorkflowTables::AppendAudit(audit::Entry entry) {
  auto head = db_.Prepare(kSelectAuditHead);
  if (!head.ok()) return head.error();
  auto row = head->Step();
  if (!row.ok()) return row.error();
  audit::Record last;
  if (*row) {
    last.sequence = head->Int(0);
    last.hash = head->Text(1);
  }
  auto record = audit::Chain(*row ? &last : nullptr, std::move(entry));
  if (!record.ok()) return record.error();
  auto insert = db_.Prepare(kInsertAudit);
  if (!insert.ok()) return insert.error();
  return insert->Bind(1, record->sequence)
      .Bind(2, record->timestamp)
      .Bind(3, record->actor)
      .Bind(4, record->action)
      .Bind(5, record->subject)
      .Bind(6, record->before.dump())
      .Bind(7, record->after.dump())
      .Bind(8, record->previous_hash)
      .Bind(9, record->hash)
      .Run();
}

Status WorkflowTables::AddOrganization(const licensing::Organization& organization,
                                       const ChangeStamp& stamp) {
  if (auto s = licensing::ValidateOrganization(organization); !s.ok()) return s;
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  auto exists = Exists(kCountOrganization, organization.id);
  if (!exists.ok()) return exists.error();
  if (*exists) return OrganizationExists(organization.id);
  auto insert = db_.Prepare(kInsertOrganization);
  if (!insert.ok()) return insert.error();
  auto s =
      insert->Bind(1, organization.id).Bind(2, organization.name).Bind(3, stamp.timestamp).Run();
  if (!s.ok()) return s;
  if (auto a = AppendAudit(OrganizationCreated(organization, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<std::vector<licensing::Organization>> WorkflowTables::ListOrganizations() {
  auto select = db_.Prepare(kSelectOrganizations);
  if (!select.ok()) return select.error();
  std::vector<licensing::Organization> organizations;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    organizations.push_back({select->Text(0), select->Text(1)});
  }
  return organizations;
}

Status WorkflowTables::AddUser(const licensing::User& user, const ChangeStamp& stamp) {
  if (auto s = licensing::ValidateUser(user); !s.ok()) return s;
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  auto exists = Exists(kCountUser, user.name);
  if (!exists.ok()) return exists.error();
  if (*exists) return UserExists(user.name);
  if (!user.organization.empty()) {
    auto known = Exists(kCountOrganization, user.organization);
    if (!known.ok()) return known.error();
    if (!*known) return UnknownOrganization(user.organization);
  }
  auto insert = db_.Prepare(kInsertUser);
  if (!insert.ok()) return insert.error();
  auto s = insert->Bind(1, user.name)
               .Bind(2, licensing::RoleName(user.role))
               .Bind(3, user.organization)
               .Bind(4, user.agency ? licensing::AgencyName(*user.agency) : "")
               .Bind(5, stamp.timestamp)
               .Run();
  if (!s.ok()) return s;
  if (auto a = AppendAudit(UserCreated(user, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<licensing::User> WorkflowTables::GetUser(const std::string& name) {
  auto select = db_.Prepare(kSelectUser);
  if (!select.ok()) return select.error();
  auto row = select->Bind(1, name).Step();
  if (!row.ok()) return row.error();
  if (!*row) return UnknownUser(name);
  return DecodeUserRow(select->Text(0), select->Text(1), select->Text(2), select->Text(3));
}

Result<licensing::ControlNumber> WorkflowTables::IssueControlNumber() {
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  auto select = db_.Prepare(kSelectLastControlNumber);
  if (!select.ok()) return select.error();
  if (auto row = select->Step(); !row.ok()) return row.error();
  const std::string last = select->Text(0);
  Result<licensing::ControlNumber> next = licensing::ControlNumber::First();
  if (!last.empty()) {
    auto parsed = licensing::ControlNumber::Parse(last);
    if (!parsed.ok()) {
      return MakeError(ErrorCode::kStorageError, "damaged control-number counter: " + last);
    }
    next = parsed->Next();
    if (!next.ok()) return next.error();
  }
  auto update = db_.Prepare(kUpdateLastControlNumber);
  if (!update.ok()) return update.error();
  if (auto s = update->Bind(1, next->ToString()).Run(); !s.ok()) return s.error();
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return next;
}

Result<licensing::Application> WorkflowTables::CreateApplication(licensing::Application draft,
                                                                 const ChangeStamp& stamp) {
  if (auto s = CheckNewDraft(draft); !s.ok()) return s.error();
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  auto known = Exists(kCountOrganization, draft.organization);
  if (!known.ok()) return known.error();
  if (!*known) return UnknownOrganization(draft.organization);
  auto insert = db_.Prepare(kInsertApplication);
  if (!insert.ok()) return insert.error();
  auto s = insert->Bind(1, draft.organization)
               .Bind(2, licensing::StateName(draft.state))
               .Bind(3, stamp.timestamp)
               .Bind(4, "{}")
               .Run();
  if (!s.ok()) return s.error();
  draft.id = db_.LastInsertId();
  draft.version = 1;
  auto body = ApplicationBody(draft);
  if (!body.ok()) return body.error();
  auto update = db_.Prepare(kUpdateApplicationBody);
  if (!update.ok()) return update.error();
  if (auto u = update->Bind(1, draft.id).Bind(2, *body).Run(); !u.ok()) return u.error();
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
  // BEGIN IMMEDIATE: the write lock is held from here, so the version read below is
  // still current when the update runs.
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  auto current = db_.Prepare(kSelectApplicationVersion);
  if (!current.ok()) return current.error();
  auto row = current->Bind(1, after.id).Step();
  if (!row.ok()) return row.error();
  if (!*row) return UnknownApplication("#" + std::to_string(after.id));
  const std::int64_t stored_version = current->Int(0);
  if (stored_version != after.version) return StaleApplication(after, stored_version);
  auto before = DecodeApplication(current->Text(1), after.id, stored_version);
  if (!before.ok()) return before.error();

  if (!after.control_number.empty()) {
    auto count = db_.Prepare(kCountControlNumberElsewhere);
    if (!count.ok()) return count.error();
    if (auto r = count->Bind(1, after.control_number).Bind(2, after.id).Step(); !r.ok()) {
      return r.error();
    }
    if (count->Int(0) != 0) return ControlNumberTaken(after.control_number);
  }

  licensing::Application next = std::move(after);
  next.version = stored_version + 1;
  auto body = ApplicationBody(next);
  if (!body.ok()) return body.error();
  auto event_body = JsonText(licensing::ToJson(event), "the event");
  if (!event_body.ok()) return event_body.error();
  const auto& registered = next.review.registered_on;
  auto update = db_.Prepare(kUpdateApplication);
  if (!update.ok()) return update.error();
  auto s = update->Bind(1, next.id)
               .Bind(2, stored_version)
               .Bind(3, next.control_number)
               .Bind(4, licensing::StateName(next.state))
               .Bind(5, registered ? registered->ToString() : "")
               .Bind(6, timestamp)
               .Bind(7, *body)
               .Run();
  if (!s.ok()) return s.error();
  if (db_.Changes() != 1) return StaleApplication(next, stored_version);

  auto seq = db_.Prepare(kNextEventSeq);
  if (!seq.ok()) return seq.error();
  if (auto r = seq->Bind(1, next.id).Step(); !r.ok()) return r.error();
  auto insert = db_.Prepare(kInsertEvent);
  if (!insert.ok()) return insert.error();
  auto e = insert->Bind(1, next.id)
               .Bind(2, seq->Int(0))
               .Bind(3, on.ToString())
               .Bind(4, timestamp)
               .Bind(5, licensing::EventName(event.kind))
               .Bind(6, licensing::StateName(before->state))
               .Bind(7, licensing::StateName(next.state))
               .Bind(8, *event_body)
               .Run();
  if (!e.ok()) return e.error();
  if (auto a = AppendAudit(licensing::TransitionEntry(*before, next, event, timestamp)); !a.ok()) {
    return a.error();
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return next;
}

Result<std::vector<licensing::Application>> WorkflowTables::SelectApplications(
    std::int64_t id, const std::string& control_number, const ApplicationFilter& filter) {
  auto select = db_.Prepare(id != 0                   ? kSelectApplicationById
                            : !control_number.empty() ? kSelectApplicationByControlNumber
                                                      : kSelectApplications);
  if (!select.ok()) return select.error();
  if (id != 0) {
    select->Bind(1, id);
  } else if (!control_number.empty()) {
    select->Bind(2, control_number);
  } else {
    select->Bind(1, id)
        .Bind(2, control_number)
        .Bind(3, filter.organization.value_or(""))
        .Bind(4, filter.state ? licensing::StateName(*filter.state) : "");
  }
  std::vector<licensing::Application> applications;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    auto application = DecodeApplication(select->Text(2), select->Int(0), select->Int(1));
    if (!application.ok()) return application.error();
    applications.push_back(std::move(application).value());
  }
  return applications;
}

Result<std::vector<TimelineEntry>> WorkflowTables::Timeline(std::int64_t application_id) {
  auto select = db_.Prepare(kSelectEvents);
  if (!select.ok()) return select.error();
  select->Bind(1, application_id);
  std::vector<TimelineEntry> entries;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    auto entry = DecodeTimelineRow(application_id, select->Int(0), select->Text(1), select->Text(2),
                                   select->Text(3), select->Text(4), select->Text(5));
    if (!entry.ok()) return entry.error();
    entries.push_back(std::move(entry).value());
  }
  return entries;
}

Result<std::vector<TimelineEntry>> WorkflowTables::AllTimelines() {
  auto select = db_.Prepare(kSelectAllEvents);
  if (!select.ok()) return select.error();
  std::vector<TimelineEntry> entries;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    auto entry = DecodeTimelineRow(select->Int(0), select->Int(1), select->Text(2), select->Text(3),
                                   select->Text(4), select->Text(5), select->Text(6));
    if (!entry.ok()) return entry.error();
    entries.push_back(std::move(entry).value());
  }
  return entries;
}

Result<std::vector<audit::Record>> WorkflowTables::AuditLog() {
  auto select = db_.Prepare(kSelectAudit);
  if (!select.ok()) return select.error();
  std::vector<audit::Record> records;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    auto record = DecodeAuditRow(select->Int(0), select->Text(1), select->Text(2), select->Text(3),
                                 select->Text(4), select->Text(5), select->Text(6), select->Text(7),
                                 select->Text(8));
    if (!record.ok()) return record.error();
    records.push_back(std::move(record).value());
  }
  return records;
}

}  // namespace tollgate::storage::sqlite

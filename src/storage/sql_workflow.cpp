// SqlStore's licensing workflow: organizations, users, control numbers, applications,
// their timelines and the audit log (tables: migration 3).
#include <nlohmann/json.hpp>

#include "storage/queries.h"
#include "storage/sql_store.h"
#include "storage/stored_applications.h"
#include "tollgate/licensing/application_json.h"
#include "tollgate/licensing/audit_entry.h"

namespace tollgate::storage {

Status SqlStore::AddOrganization(const licensing::Organization& organization,
                                 const ChangeStamp& stamp) {
  if (auto s = licensing::ValidateOrganization(organization); !s.ok()) return s;
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto exists = Exists(q::kCountOrganization, organization.id);
  if (!exists.ok()) return exists.error();
  if (*exists) return OrganizationExists(organization.id);
  auto inserted =
      db_->Run(q::kInsertOrganization, {organization.id, organization.name, stamp.timestamp});
  if (!inserted.ok()) return inserted.error();
  if (auto a = AppendAudit(OrganizationCreated(organization, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<std::vector<licensing::Organization>> SqlStore::ListOrganizations() {
  auto rows = db_->Run(q::kSelectOrganizations);
  if (!rows.ok()) return rows.error();
  std::vector<licensing::Organization> organizations;
  for (int i = 0; i < rows->size(); ++i) {
    organizations.push_back({rows->Take(i, 0), rows->Take(i, 1)});
  }
  return organizations;
}

Status SqlStore::AddUser(const licensing::User& user, const ChangeStamp& stamp) {
  if (auto s = licensing::ValidateUser(user); !s.ok()) return s;
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto exists = Exists(q::kCountUser, user.name);
  if (!exists.ok()) return exists.error();
  if (*exists) return UserExists(user.name);
  if (!user.organization.empty()) {
    auto known = Exists(q::kCountOrganization, user.organization);
    if (!known.ok()) return known.error();
    if (!*known) return UnknownOrganization(user.organization);
  }
  auto inserted = db_->Run(
      q::kInsertUser, {user.name, licensing::RoleName(user.role), user.organization,
                       user.agency ? licensing::AgencyName(*user.agency) : "", stamp.timestamp});
  if (!inserted.ok()) return inserted.error();
  if (auto a = AppendAudit(UserCreated(user, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<licensing::User> SqlStore::GetUser(const std::string& name) {
  auto rows = db_->Run(q::kSelectUser, {name});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return UnknownUser(name);
  return DecodeUserRow(rows->Take(0, 0), rows->Text(0, 1), rows->Take(0, 2), rows->Text(0, 3));
}

Result<licensing::ControlNumber> SqlStore::IssueControlNumber() {
  auto tx = Begin();
  if (!tx.ok()) return tx.error();
  auto current = db_->Run(q::kSelectLastControlNumber);  // one issuer at a time
  if (!current.ok()) return current.error();
  const std::string last = current->empty() ? "" : current->Text(0, 0);
  Result<licensing::ControlNumber> next = licensing::ControlNumber::First();
  if (!last.empty()) {
    auto parsed = licensing::ControlNumber::Parse(last);
    if (!parsed.ok()) {
      return MakeError(ErrorCode::kStorageError, "damaged control-number counter: " + last);
    }
    next = parsed->Next();
    if (!next.ok()) return next.error();
  }
  if (auto u = db_->Run(q::kUpdateLastControlNumber, {next->ToString()}); !u.ok()) {
    return u.error();
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return next;
}

Result<licensing::Application> SqlStore::CreateApplication(licensing::Application draft,
                                                           const ChangeStamp& stamp) {
  if (auto s = CheckNewDraft(draft); !s.ok()) return s.error();
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto known = Exists(q::kCountOrganization, draft.organization);
  if (!known.ok()) return known.error();
  if (!*known) return UnknownOrganization(draft.organization);
  auto inserted =
      db_->Run(q::kInsertApplication,
               {draft.organization, licensing::StateName(draft.state), stamp.timestamp});
  if (!inserted.ok()) return inserted.error();
  draft.id = inserted->Int(0, 0);
  draft.version = 1;
  auto body = ApplicationBody(draft);
  if (!body.ok()) return body.error();
  if (auto u = db_->Run(q::kUpdateApplicationBody, {draft.id, *body}); !u.ok()) return u.error();
  if (auto a = AppendAudit(licensing::CreationEntry(draft, stamp.actor, stamp.timestamp));
      !a.ok()) {
    return a.error();
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return draft;
}

Result<licensing::Application> SqlStore::RecordTransition(licensing::Application after,
                                                          const licensing::Event& event, Date on,
                                                          const std::string& timestamp) {
  // Under the write lock (SQLite) or with the row locked (PostgreSQL, FOR UPDATE), the
  // version read in WriteTransition is still current when the update runs.
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto next = WriteTransition(std::move(after), event, on, timestamp);
  if (!next.ok()) return next.error();
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return next;
}

Result<licensing::Application> SqlStore::WriteTransition(licensing::Application after,
                                                         const licensing::Event& event, Date on,
                                                         const std::string& timestamp) {
  auto current = db_->Run(q::kSelectApplicationVersion, {after.id});
  if (!current.ok()) return current.error();
  if (current->empty()) return UnknownApplication("#" + std::to_string(after.id));
  const std::int64_t stored_version = current->Int(0, 0);
  if (stored_version != after.version) return StaleApplication(after, stored_version);
  auto before = DecodeApplication(current->Text(0, 1), after.id, stored_version);
  if (!before.ok()) return before.error();

  if (!after.control_number.empty()) {
    auto count = db_->Run(q::kCountControlNumberElsewhere, {after.control_number, after.id});
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
      db_->Run(q::kUpdateApplication,
               {next.id, stored_version, next.control_number, licensing::StateName(next.state),
                registered ? registered->ToString() : "", timestamp, *body});
  if (!updated.ok()) return updated.error();
  if (updated->size() != 1) return StaleApplication(next, stored_version);

  auto seq = db_->Run(q::kNextEventSeq, {next.id});
  if (!seq.ok()) return seq.error();
  auto inserted = db_->Run(
      q::kInsertEvent,
      {next.id, seq->Int(0, 0), on.ToString(), timestamp, licensing::EventName(event.kind),
       licensing::StateName(before->state), licensing::StateName(next.state), *event_body});
  if (!inserted.ok()) return inserted.error();
  if (auto a = AppendAudit(licensing::TransitionEntry(*before, next, event, timestamp)); !a.ok()) {
    return a.error();
  }
  return next;
}

Result<std::vector<licensing::Application>> SqlStore::ReadApplications(const sql::Query& query,
                                                                       const sql::Params& params) {
  auto rows = db_->Run(query, params);
  if (!rows.ok()) return rows.error();
  std::vector<licensing::Application> applications;
  for (int i = 0; i < rows->size(); ++i) {
    auto application = DecodeApplication(rows->Text(i, 2), rows->Int(i, 0), rows->Int(i, 1));
    if (!application.ok()) return application.error();
    applications.push_back(std::move(application).value());
  }
  return applications;
}

Result<licensing::Application> SqlStore::GetApplication(std::int64_t id) {
  return OneApplication(ReadApplications(q::kSelectApplicationById, {id}),
                        "#" + std::to_string(id));
}

Result<licensing::Application> SqlStore::FindApplication(const std::string& control_number) {
  if (control_number.empty()) return UnknownApplication("with an empty control number");
  return OneApplication(ReadApplications(q::kSelectApplicationByControlNumber, {control_number}),
                        control_number);
}

Result<std::vector<licensing::Application>> SqlStore::ListApplications(
    const ApplicationFilter& filter) {
  return ReadApplications(
      q::kSelectApplications,
      {filter.organization.value_or(""), filter.state ? licensing::StateName(*filter.state) : ""});
}

Result<std::vector<TimelineEntry>> SqlStore::Timeline(std::int64_t application_id) {
  if (auto known = GetApplication(application_id); !known.ok()) return known.error();
  return ReadTimeline(application_id);
}

Result<std::vector<TimelineEntry>> SqlStore::ReadTimeline(std::int64_t application_id) {
  auto rows = db_->Run(q::kSelectEvents, {application_id});
  if (!rows.ok()) return rows.error();
  std::vector<TimelineEntry> entries;
  for (int i = 0; i < rows->size(); ++i) {
    auto entry =
        DecodeTimelineRow(application_id, rows->Int(i, 0), rows->Text(i, 1), rows->Take(i, 2),
                          rows->Text(i, 3), rows->Text(i, 4), rows->Text(i, 5));
    if (!entry.ok()) return entry.error();
    entries.push_back(std::move(entry).value());
  }
  return entries;
}

Result<std::vector<TimelineEntry>> SqlStore::AllTimelines() {
  auto rows = db_->Run(q::kSelectAllEvents);
  if (!rows.ok()) return rows.error();
  std::vector<TimelineEntry> entries;
  entries.reserve(static_cast<std::size_t>(rows->size()));
  for (int i = 0; i < rows->size(); ++i) {
    auto entry =
        DecodeTimelineRow(rows->Int(i, 0), rows->Int(i, 1), rows->Text(i, 2), rows->Take(i, 3),
                          rows->Text(i, 4), rows->Text(i, 5), rows->Text(i, 6));
    if (!entry.ok()) return entry.error();
    entries.push_back(std::move(entry).value());
  }
  return entries;
}

Result<std::vector<audit::Record>> SqlStore::AuditLog() {
  auto rows = db_->Run(q::kSelectAudit);
  if (!rows.ok()) return rows.error();
  std::vector<audit::Record> records;
  records.reserve(static_cast<std::size_t>(rows->size()));
  for (int i = 0; i < rows->size(); ++i) {
    auto record = DecodeAuditRow(rows->Int(i, 0), rows->Take(i, 1), rows->Take(i, 2),
                                 rows->Take(i, 3), rows->Take(i, 4), rows->Text(i, 5),
                                 rows->Text(i, 6), rows->Take(i, 7), rows->Take(i, 8));
    if (!record.ok()) return record.error();
    records.push_back(std::move(record).value());
  }
  return records;
}

}  // namespace tollgate::storage

// The licensing workflow's part of the SQLite store (organizations, users, control
// numbers, applications, timelines, the audit log), kept apart from sqlite_store.cpp,
// which forwards to it. Semantics: storage::Store.
//
// Thread-safety: as the Connection it uses: one thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/sqlite/sqlite_handle.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage::sqlite {

class WorkflowTables {
 public:
  explicit WorkflowTables(Connection& db) : db_(db) {}

  Status AddOrganization(const licensing::Organization& organization, const ChangeStamp& stamp);
  Result<std::vector<licensing::Organization>> ListOrganizations();
  Status AddUser(const licensing::User& user, const ChangeStamp& stamp);
  Result<licensing::User> GetUser(const std::string& name);
  Result<licensing::ControlNumber> IssueControlNumber();
  Result<licensing::Application> CreateApplication(licensing::Application draft,
                                                   const ChangeStamp& stamp);
  Result<licensing::Application> RecordTransition(licensing::Application after,
                                                  const licensing::Event& event, Date on,
                                                  const std::string& timestamp);
  Result<std::vector<licensing::Application>> SelectApplications(std::int64_t id,
                                                                 const std::string& control_number,
                                                                 const ApplicationFilter& filter);
  Result<std::vector<TimelineEntry>> Timeline(std::int64_t application_id);
  Result<std::vector<TimelineEntry>> AllTimelines();
  Result<std::vector<audit::Record>> AuditLog();

  // Chains `entry` after the last audit record; inside the caller's transaction (also
  // for the accounts' audited writes).
  Status AppendAudit(audit::Entry entry);

 private:
  Result<bool> Exists(std::string_view count_sql, const std::string& key);

  Connection& db_;
};

}  // namespace tollgate::storage::sqlite

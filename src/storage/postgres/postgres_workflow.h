// The licensing workflow's part of the PostgreSQL store, kept apart from
// postgres_store.cpp, which forwards to it. Semantics: storage::Store.
//
// Thread-safety: as the PgConnection it uses: one thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/postgres/pg_handle.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage::postgres {

class WorkflowTables {
 public:
  explicit WorkflowTables(PgConnection& db) : db_(db) {}

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

  // Begins a transaction holding the audit lock (also for the accounts' audited writes).
  Result<PgTransaction> BeginAudited();
  // Chains `entry` after the last audit record; inside the caller's transaction.
  Status AppendAudit(audit::Entry entry);

 private:
  Result<bool> Exists(std::string_view count_sql, const std::string& key);

  PgConnection& db_;
};

}  // namespace tollgate::storage::postgres

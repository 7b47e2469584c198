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

  // A unit of work's transaction (storage/unit_of_work.h).
  using Unit = Transaction;
  Result<Unit> BeginUnit() { return Transaction::Begin(db_); }

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
  Result<std::vector<std::string>> AuditGuardProblems();

  // Chains `entry` after the last audit record; inside the caller's transaction (also
  // for the accounts' audited writes).
  Status AppendAudit(audit::Entry entry);
  // Issued licenses and shipments (sqlite_licenses.cpp).
  Result<Approval> RecordApproval(licensing::Application after, const licensing::Event& event,
                                  Date on, const std::string& timestamp,
                                  licensing::License license);
  Result<licensing::License> RecordShipment(licensing::Shipment shipment, const ChangeStamp& stamp);
  Result<std::vector<licensing::Shipment>> Shipments(const std::string& license_number);

  // General licenses (sqlite_general_licenses.cpp).
  Status AddGeneralLicenses(const std::vector<GeneralLicenseRecord>& records,
                            const std::string& action, const ChangeStamp& stamp);
  Result<GeneralLicenseRecord> UpdateGeneralLicense(GeneralLicenseRecord after,
                                                    const std::string& action,
                                                    const ChangeStamp& stamp);
  // All, or the one with `id` (empty when unknown).
  Result<std::vector<GeneralLicenseRecord>> SelectGeneralLicenses(const std::string& id);

  // Screening matches of applications (sqlite_screening.cpp).
  Result<std::vector<ScreeningMatchRecord>> RecordScreening(
      std::int64_t application_id, std::vector<ScreeningMatchRecord> matches,
      const ChangeStamp& stamp);
  Result<std::vector<ScreeningMatchRecord>> ScreeningMatches(std::int64_t application_id);

 private:
  // Writes a general license's windows; inside the caller's transaction.
  Status InsertGeneralLicenseWindows(const GeneralLicenseRecord& record);
  // RecordTransition's writes, inside the caller's transaction.
  Result<licensing::Application> WriteTransition(licensing::Application after,
                                                 const licensing::Event& event, Date on,
                                                 const std::string& timestamp);
  Result<bool> Exists(std::string_view count_sql, const std::string& key);

  Connection& db_;
};

}  // namespace tollgate::storage::sqlite

// The Store methods that both backends answer the same way, by handing the call to
// their workflow and account tables (sqlite::WorkflowTables and postgres::WorkflowTables
// offer the same methods, and likewise the AccountTables): written once here, so a
// change to the Store interface or to how a backend answers it is made in one place.
// A backend derives from TablesStore with its own connection and table types and adds
// the list and license parts it words in its own SQL.
//
// Thread-safety: as Store (one store per thread). Failure: as the tables' methods.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "storage/stored_applications.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {

template <typename Connection, typename WorkflowTables, typename AccountTables>
class TablesStore : public Store {
 public:
  // Units of work: the backend's transaction, kept open until the unit ends; the
  // transactions of the calls made meanwhile become savepoints inside it.
  Status BeginUnit() override {
    auto unit = workflow_.BeginUnit();
    if (!unit.ok()) return unit.error();
    units_.push_back(std::move(unit).value());
    return {};
  }
  Status CommitUnit() override {
    if (units_.empty()) return MakeError(ErrorCode::kInternal, "no unit of work to commit");
    Status committed = units_.back().Commit();
    units_.pop_back();  // rolled back by its destructor when the commit failed
    return committed;
  }
  void RollbackUnit() override {
    if (!units_.empty()) units_.pop_back();
  }

  // The licensing workflow (the backend's workflow tables).
  Status AddOrganization(const licensing::Organization& organization,
                         const ChangeStamp& stamp) override {
    return workflow_.AddOrganization(organization, stamp);
  }
  Result<std::vector<licensing::Organization>> ListOrganizations() override {
    return workflow_.ListOrganizations();
  }
  Status AddUser(const licensing::User& user, const ChangeStamp& stamp) override {
    return workflow_.AddUser(user, stamp);
  }
  Result<licensing::User> GetUser(const std::string& name) override {
    return workflow_.GetUser(name);
  }
  Result<licensing::ControlNumber> IssueControlNumber() override {
    return workflow_.IssueControlNumber();
  }
  Result<licensing::Application> CreateApplication(licensing::Application draft,
                                                   const ChangeStamp& stamp) override {
    return workflow_.CreateApplication(std::move(draft), stamp);
  }
  Result<licensing::Application> RecordTransition(licensing::Application after,
                                                  const licensing::Event& event, Date on,
                                                  const std::string& timestamp) override {
    return workflow_.RecordTransition(std::move(after), event, on, timestamp);
  }
  Result<licensing::Application> GetApplication(std::int64_t id) override {
    return OneApplication(workflow_.SelectApplications(id, "", {}), "#" + std::to_string(id));
  }
  Result<licensing::Application> FindApplication(const std::string& control_number) override {
    if (control_number.empty()) return UnknownApplication("with an empty control number");
    return OneApplication(workflow_.SelectApplications(0, control_number, {}), control_number);
  }
  Result<std::vector<licensing::Application>> ListApplications(
      const ApplicationFilter& filter) override {
    return workflow_.SelectApplications(0, "", filter);
  }
  Result<std::vector<TimelineEntry>> Timeline(std::int64_t application_id) override {
    if (auto known = GetApplication(application_id); !known.ok()) return known.error();
    return workflow_.Timeline(application_id);
  }
  Result<std::vector<TimelineEntry>> AllTimelines() override { return workflow_.AllTimelines(); }
  Result<std::vector<audit::Record>> AuditLog() override { return workflow_.AuditLog(); }
  Result<std::vector<std::string>> AuditGuardProblems() override {
    return workflow_.AuditGuardProblems();
  }

  Status SetPasswordHash(const std::string& user, const std::string& password_hash,
                         bool must_change, const ChangeStamp& stamp) override {
    return accounts_.SetPasswordHash(user, password_hash, must_change, stamp);
  }
  Result<StoredPassword> Password(const std::string& user) override {
    return accounts_.Password(user);
  }
  Result<std::vector<licensing::User>> ListUsers() override {
    auto accounts = accounts_.ListAccounts();
    if (!accounts.ok()) return accounts.error();
    std::vector<licensing::User> users;
    for (auto& account : *accounts) users.push_back(std::move(account.user));
    return users;
  }
  Result<std::vector<UserAccount>> ListAccounts() override { return accounts_.ListAccounts(); }
  Status SetUserDisabled(const std::string& user, bool disabled,
                         const ChangeStamp& stamp) override {
    return accounts_.SetUserDisabled(user, disabled, stamp);
  }
  Status ChangeUserRole(const licensing::User& after, const ChangeStamp& stamp) override {
    return accounts_.ChangeUserRole(after, stamp);
  }
  Status AddApiToken(const ApiTokenRecord& token, const ChangeStamp& stamp) override {
    return accounts_.AddApiToken(token, stamp);
  }
  Result<std::vector<ApiTokenInfo>> ListApiTokens(const std::string& user) override {
    return accounts_.ListApiTokens(user);
  }
  Status RevokeApiToken(const std::string& user, const std::string& id,
                        const ChangeStamp& stamp) override {
    return accounts_.RevokeApiToken(user, id, stamp);
  }
  Result<std::int64_t> AddLoginFailure(const std::string& key, const std::string& at,
                                       const std::string& restart_before) override {
    return accounts_.AddLoginFailure(key, at, restart_before);
  }
  Result<LoginFailures> LoginFailuresOf(const std::string& key) override {
    return accounts_.LoginFailuresOf(key);
  }
  Status ClearLoginFailures(const std::string& key) override {
    return accounts_.ClearLoginFailures(key);
  }
  Result<licensing::User> UserForToken(const std::string& digest) override {
    return accounts_.UserForToken(digest);
  }
  Status AddSession(const SessionRecord& session) override { return accounts_.AddSession(session); }
  Result<SessionRecord> FindSession(const std::string& digest) override {
    return accounts_.FindSession(digest);
  }
  Status DeleteSession(const std::string& digest) override {
    return accounts_.DeleteSession(digest);
  }

  // Issued licenses and shipments (the backend's license tables; SelectLicenses is found
  // in the backend's namespace, by its connection type).
  Result<Approval> RecordApproval(licensing::Application after, const licensing::Event& event,
                                  Date on, const std::string& timestamp,
                                  licensing::License license) override {
    return workflow_.RecordApproval(std::move(after), event, on, timestamp, std::move(license));
  }
  Result<std::vector<licensing::License>> FindLicenses(const LicenseFilter& filter) override {
    return SelectLicenses(db_, "", "", filter);
  }
  Result<licensing::License> RecordShipment(licensing::Shipment shipment,
                                            const ChangeStamp& stamp) override {
    return workflow_.RecordShipment(std::move(shipment), stamp);
  }
  Result<std::vector<licensing::Shipment>> Shipments(const std::string& license_number) override {
    return workflow_.Shipments(license_number);
  }
  Status AddGeneralLicenses(const std::vector<GeneralLicenseRecord>& records,
                            const std::string& action, const ChangeStamp& stamp) override {
    return workflow_.AddGeneralLicenses(records, action, stamp);
  }
  Result<GeneralLicenseRecord> UpdateGeneralLicense(GeneralLicenseRecord after,
                                                    const std::string& action,
                                                    const ChangeStamp& stamp) override {
    return workflow_.UpdateGeneralLicense(std::move(after), action, stamp);
  }
  Result<std::vector<GeneralLicenseRecord>> ListGeneralLicenses() override {
    return workflow_.SelectGeneralLicenses("");
  }
  Result<std::vector<ScreeningMatchRecord>> RecordScreening(
      std::int64_t application_id, std::vector<ScreeningMatchRecord> matches,
      const ChangeStamp& stamp) override {
    return workflow_.RecordScreening(application_id, std::move(matches), stamp);
  }
  Result<std::vector<ScreeningMatchRecord>> ScreeningMatches(std::int64_t application_id) override {
    if (auto known = GetApplication(application_id); !known.ok()) return known.error();
    return workflow_.ScreeningMatches(application_id);
  }

 protected:
  explicit TablesStore(Connection db)
      : db_(std::move(db)), workflow_(db_), accounts_(db_, workflow_) {}

  Connection db_;
  WorkflowTables workflow_;
  AccountTables accounts_;
  std::vector<typename WorkflowTables::Unit> units_;  // open units, the outermost first
};

}  // namespace tollgate::storage

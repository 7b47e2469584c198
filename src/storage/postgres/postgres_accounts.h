// The accounts part of the PostgreSQL store (passwords, API tokens, sessions), kept apart
// from postgres_store.cpp, which forwards to it. Semantics: storage::Store "Accounts".
//
// Thread-safety: as the PgConnection it uses: one thread.
#pragma once

#include <string>
#include <vector>

#include "storage/postgres/pg_handle.h"
#include "storage/postgres/postgres_workflow.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage::postgres {

class AccountTables {
 public:
  AccountTables(PgConnection& db, WorkflowTables& workflow) : db_(db), workflow_(workflow) {}

  Status SetPasswordHash(const std::string& user, const std::string& password_hash,
                         bool must_change, const ChangeStamp& stamp);
  Result<StoredPassword> Password(const std::string& user);
  Result<std::vector<UserAccount>> ListAccounts();
  Status SetUserDisabled(const std::string& user, bool disabled, const ChangeStamp& stamp);
  Status ChangeUserRole(const licensing::User& after, const ChangeStamp& stamp);
  Status AddApiToken(const ApiTokenRecord& token, const ChangeStamp& stamp);
  Result<std::vector<ApiTokenInfo>> ListApiTokens(const std::string& user);
  Status RevokeApiToken(const std::string& user, const std::string& id, const ChangeStamp& stamp);
  Result<std::int64_t> AddLoginFailure(const std::string& key, const std::string& at,
                                       const std::string& restart_before);
  Result<LoginFailures> LoginFailuresOf(const std::string& key);
  Status ClearLoginFailures(const std::string& key);
  Result<licensing::User> UserForToken(const std::string& digest);
  Status AddSession(const SessionRecord& session);
  Result<SessionRecord> FindSession(const std::string& digest);
  Status DeleteSession(const std::string& digest);

 private:
  // Inside the caller's transaction.
  Status EndSessionsOf(const std::string& user);
  PgConnection& db_;
  WorkflowTables& workflow_;  // for the user lookups and the audit chain
};

}  // namespace tollgate::storage::postgres

// The accounts part of the SQLite store (passwords, API tokens, sessions), kept apart
// from sqlite_store.cpp, which forwards to it. Semantics: storage::Store "Accounts".
//
// Thread-safety: as the Connection it uses: one thread.
#pragma once

#include <string>
#include <vector>

#include "storage/sqlite/sqlite_handle.h"
#include "storage/sqlite/sqlite_workflow.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage::sqlite {

class AccountTables {
 public:
  AccountTables(Connection& db, WorkflowTables& workflow) : db_(db), workflow_(workflow) {}

  Status SetPasswordHash(const std::string& user, const std::string& password_hash,
                         const ChangeStamp& stamp);
  Result<std::string> PasswordHash(const std::string& user);
  Result<std::vector<licensing::User>> ListUsers();
  Status AddApiToken(const ApiTokenRecord& token, const ChangeStamp& stamp);
  Result<licensing::User> UserForToken(const std::string& digest);
  Status AddSession(const SessionRecord& session);
  Result<SessionRecord> FindSession(const std::string& digest);
  Status DeleteSession(const std::string& digest);

 private:
  Connection& db_;
  WorkflowTables& workflow_;  // for the user lookups and the audit chain
};

}  // namespace tollgate::storage::sqlite

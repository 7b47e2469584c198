#include "storage/sqlite/sqlite_accounts.h"

#include "storage/sqlite/accounts_sql.h"
#include "storage/sqlite/workflow_sql.h"
#include "storage/stored_accounts.h"
#include "storage/stored_applications.h"
#include "tollgate/licensing/organization.h"

namespace tollgate::storage::sqlite {

Status AccountTables::SetPasswordHash(const std::string& user, const std::string& password_hash,
                                      bool must_change, const ChangeStamp& stamp) {
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  if (auto known = workflow_.GetUser(user); !known.ok()) return known.error();
  auto upsert = db_.Prepare(kUpsertPassword);
  if (!upsert.ok()) return upsert.error();
  if (auto s = upsert->Bind(1, user)
                   .Bind(2, password_hash)
                   .Bind(3, stamp.timestamp)
                   .Bind(4, std::int64_t{must_change ? 1 : 0})
                   .Run();
      !s.ok()) {
    return s;
  }
  if (auto s = EndSessionsOf(user); !s.ok()) return s;
  if (auto a = workflow_.AppendAudit(PasswordSet(user, must_change, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Status AccountTables::EndSessionsOf(const std::string& user) {
  auto remove = db_.Prepare(kDeleteUserSessions);
  if (!remove.ok()) return remove.error();
  return remove->Bind(1, user).Run();
}

Result<StoredPassword> AccountTables::Password(const std::string& user) {
  auto select = db_.Prepare(kSelectPassword);
  if (!select.ok()) return select.error();
  auto row = select->Bind(1, user).Step();
  if (!row.ok()) return row.error();
  if (!*row) return NoPassword(user);
  return StoredPassword{select->Text(0), select->Int(1) != 0, select->Int(2) != 0};
}

Result<std::vector<UserAccount>> AccountTables::ListAccounts() {
  auto select = db_.Prepare(kSelectAccounts);
  if (!select.ok()) return select.error();
  std::vector<UserAccount> accounts;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    auto user = DecodeUserRow(select->Text(0), select->Text(1), select->Text(2), select->Text(3));
    if (!user.ok()) return user.error();
    accounts.push_back({std::move(user).value(), select->Int(4) != 0, select->Int(5) != 0,
                        select->Int(6) != 0, select->Int(7)});
  }
  return accounts;
}

Status AccountTables::SetUserDisabled(const std::string& user, bool disabled,
                                      const ChangeStamp& stamp) {
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  auto select = db_.Prepare(kSelectDisabled);
  if (!select.ok()) return select.error();
  auto row = select->Bind(1, user).Step();
  if (!row.ok()) return row.error();
  if (!*row) return UnknownUser(user);
  if ((select->Int(0) != 0) == disabled) return {};
  auto update = db_.Prepare(kSetDisabled);
  if (!update.ok()) return update.error();
  if (auto s = update->Bind(1, user).Bind(2, std::int64_t{disabled ? 1 : 0}).Run(); !s.ok()) {
    return s;
  }
  if (disabled) {
    if (auto s = EndSessionsOf(user); !s.ok()) return s;
  }
  if (auto a = workflow_.AppendAudit(UserDisabledChanged(user, disabled, stamp)); !a.ok()) {
    return a;
  }
  return tx->Commit();
}

Status AccountTables::ChangeUserRole(const licensing::User& after, const ChangeStamp& stamp) {
  if (auto s = licensing::ValidateUser(after); !s.ok()) return s;
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  auto before = workflow_.GetUser(after.name);
  if (!before.ok()) return before.error();
  if (!after.organization.empty()) {
    auto count = db_.Prepare(kCountOrganization);
    if (!count.ok()) return count.error();
    if (auto r = count->Bind(1, after.organization).Step(); !r.ok()) return r.error();
    if (count->Int(0) == 0) return UnknownOrganization(after.organization);
  }
  auto update = db_.Prepare(kUpdateRole);
  if (!update.ok()) return update.error();
  auto s = update->Bind(1, after.name)
               .Bind(2, licensing::RoleName(after.role))
               .Bind(3, after.organization)
               .Bind(4, after.agency ? licensing::AgencyName(*after.agency) : "")
               .Run();
  if (!s.ok()) return s;
  if (auto a = workflow_.AppendAudit(UserRoleChanged(*before, after, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<std::vector<ApiTokenInfo>> AccountTables::ListApiTokens(const std::string& user) {
  if (auto known = workflow_.GetUser(user); !known.ok()) return known.error();
  auto select = db_.Prepare(kSelectUserTokens);
  if (!select.ok()) return select.error();
  select->Bind(1, user);
  std::vector<ApiTokenInfo> tokens;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    tokens.push_back({TokenId(select->Text(0)), select->Text(1), select->Text(2)});
  }
  return tokens;
}

Status AccountTables::RevokeApiToken(const std::string& user, const std::string& id,
                                     const ChangeStamp& stamp) {
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  if (auto known = workflow_.GetUser(user); !known.ok()) return known.error();
  auto select = db_.Prepare(kSelectUserToken);
  if (!select.ok()) return select.error();
  auto row = select->Bind(1, user).Bind(2, id).Step();
  if (!row.ok()) return row.error();
  if (!*row || id.size() != 12) return UnknownUserToken(user, id);
  const std::string digest = select->Text(0);
  const ApiTokenInfo token{TokenId(digest), select->Text(1), select->Text(2)};
  if (auto next = select->Step(); !next.ok() || *next) {
    // Two tokens of one user sharing 48 bits of digest: revoke neither by a guess.
    return MakeError(ErrorCode::kConflict, "token id '" + id + "' is ambiguous");
  }
  auto remove = db_.Prepare(kDeleteToken);
  if (!remove.ok()) return remove.error();
  if (auto s = remove->Bind(1, digest).Run(); !s.ok()) return s;
  if (auto a = workflow_.AppendAudit(TokenRevoked(user, token, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<std::int64_t> AccountTables::AddLoginFailure(const std::string& key, const std::string& at,
                                                    const std::string& restart_before) {
  auto forget = db_.Prepare(kForgetOldLoginFailures);
  if (!forget.ok()) return forget.error();
  if (auto s = forget->Bind(1, restart_before).Run(); !s.ok()) return s.error();
  auto upsert = db_.Prepare(kAddLoginFailure);
  if (!upsert.ok()) return upsert.error();
  auto row = upsert->Bind(1, key).Bind(2, at).Bind(3, restart_before).Step();
  if (!row.ok()) return row.error();
  const std::int64_t failures = upsert->Int(0);
  if (auto rest = upsert->Step(); !rest.ok()) return rest.error();
  return failures;
}

Result<LoginFailures> AccountTables::LoginFailuresOf(const std::string& key) {
  auto select = db_.Prepare(kSelectLoginFailures);
  if (!select.ok()) return select.error();
  auto row = select->Bind(1, key).Step();
  if (!row.ok()) return row.error();
  if (!*row) return LoginFailures{};
  return LoginFailures{select->Int(0), select->Text(1)};
}

Status AccountTables::ClearLoginFailures(const std::string& key) {
  auto remove = db_.Prepare(kDeleteLoginFailures);
  if (!remove.ok()) return remove.error();
  return remove->Bind(1, key).Run();
}

Status AccountTables::AddApiToken(const ApiTokenRecord& token, const ChangeStamp& stamp) {
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  if (auto known = workflow_.GetUser(token.user); !known.ok()) return known.error();
  auto count = db_.Prepare(kCountToken);
  if (!count.ok()) return count.error();
  if (auto r = count->Bind(1, token.digest).Step(); !r.ok()) return r.error();
  if (count->Int(0) != 0) return TokenExists();
  auto insert = db_.Prepare(kInsertToken);
  if (!insert.ok()) return insert.error();
  auto s = insert->Bind(1, token.digest)
               .Bind(2, token.user)
               .Bind(3, token.name)
               .Bind(4, token.created_at)
               .Run();
  if (!s.ok()) return s;
  if (auto a = workflow_.AppendAudit(TokenIssued(token, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<licensing::User> AccountTables::UserForToken(const std::string& digest) {
  auto select = db_.Prepare(kSelectTokenUser);
  if (!select.ok()) return select.error();
  auto row = select->Bind(1, digest).Step();
  if (!row.ok()) return row.error();
  if (!*row) return UnknownToken();
  return DecodeUserRow(select->Text(0), select->Text(1), select->Text(2), select->Text(3));
}

Status AccountTables::AddSession(const SessionRecord& session) {
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  auto expired = db_.Prepare(kDeleteExpiredSessions);
  if (!expired.ok()) return expired.error();
  if (auto s = expired->Bind(1, session.created_at).Run(); !s.ok()) return s;
  auto insert = db_.Prepare(kInsertSession);
  if (!insert.ok()) return insert.error();
  auto s = insert->Bind(1, session.digest)
               .Bind(2, session.user.name)
               .Bind(3, session.csrf_token)
               .Bind(4, session.created_at)
               .Bind(5, session.expires_at)
               .Run();
  if (!s.ok()) return s;
  return tx->Commit();
}

Result<SessionRecord> AccountTables::FindSession(const std::string& digest) {
  auto select = db_.Prepare(kSelectSession);
  if (!select.ok()) return select.error();
  auto row = select->Bind(1, digest).Step();
  if (!row.ok()) return row.error();
  if (!*row) return UnknownSession();
  auto user = DecodeUserRow(select->Text(0), select->Text(1), select->Text(2), select->Text(3));
  if (!user.ok()) return user.error();
  return SessionRecord{digest, std::move(user).value(), select->Text(4), select->Text(5),
                       select->Text(6)};
}

Status AccountTables::DeleteSession(const std::string& digest) {
  auto remove = db_.Prepare(kDeleteSession);
  if (!remove.ok()) return remove.error();
  return remove->Bind(1, digest).Run();
}

}  // namespace tollgate::storage::sqlite

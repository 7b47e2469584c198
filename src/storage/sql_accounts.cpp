// SqlStore's accounts: password hashes, API tokens, browser sessions and failed-login
// counts (tables: migrations 5 and 7). Every change of an account is audited, without
// any hash.
#include "storage/queries.h"
#include "storage/sql_store.h"
#include "storage/stored_accounts.h"
#include "storage/stored_applications.h"
#include "tollgate/licensing/organization.h"

namespace tollgate::storage {

Status SqlStore::SetPasswordHash(const std::string& user, const std::string& password_hash,
                                 bool must_change, const ChangeStamp& stamp) {
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  if (auto known = GetUser(user); !known.ok()) return known.error();
  if (auto r = db_->Run(q::kUpsertPassword,
                        {user, password_hash, stamp.timestamp, std::int64_t{must_change ? 1 : 0}});
      !r.ok()) {
    return r.error();
  }
  if (auto s = EndSessionsOf(user); !s.ok()) return s;
  if (auto a = AppendAudit(PasswordSet(user, must_change, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Status SqlStore::EndSessionsOf(const std::string& user) {
  if (auto r = db_->Run(q::kDeleteUserSessions, {user}); !r.ok()) return r.error();
  return {};
}

Result<StoredPassword> SqlStore::Password(const std::string& user) {
  auto rows = db_->Run(q::kSelectPassword, {user});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return NoPassword(user);
  return StoredPassword{rows->Take(0, 0), rows->Int(0, 1) != 0, rows->Int(0, 2) != 0};
}

Result<std::vector<licensing::User>> SqlStore::ListUsers() {
  auto accounts = ListAccounts();
  if (!accounts.ok()) return accounts.error();
  std::vector<licensing::User> users;
  for (auto& account : *accounts) users.push_back(std::move(account.user));
  return users;
}

Result<std::vector<UserAccount>> SqlStore::ListAccounts() {
  auto rows = db_->Run(q::kSelectAccounts);
  if (!rows.ok()) return rows.error();
  std::vector<UserAccount> accounts;
  for (int i = 0; i < rows->size(); ++i) {
    auto user =
        DecodeUserRow(rows->Take(i, 0), rows->Text(i, 1), rows->Take(i, 2), rows->Text(i, 3));
    if (!user.ok()) return user.error();
    accounts.push_back({std::move(user).value(), rows->Int(i, 4) != 0, rows->Int(i, 5) != 0,
                        rows->Int(i, 6) != 0, rows->Int(i, 7)});
  }
  return accounts;
}

Status SqlStore::SetUserDisabled(const std::string& user, bool disabled, const ChangeStamp& stamp) {
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto rows = db_->Run(q::kSelectDisabled, {user});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return UnknownUser(user);
  if ((rows->Int(0, 0) != 0) == disabled) return {};
  if (auto r = db_->Run(q::kSetDisabled, {user, std::int64_t{disabled ? 1 : 0}}); !r.ok()) {
    return r.error();
  }
  if (disabled) {
    if (auto s = EndSessionsOf(user); !s.ok()) return s;
  }
  if (auto a = AppendAudit(UserDisabledChanged(user, disabled, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Status SqlStore::ChangeUserRole(const licensing::User& after, const ChangeStamp& stamp) {
  if (auto s = licensing::ValidateUser(after); !s.ok()) return s;
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto before = GetUser(after.name);
  if (!before.ok()) return before.error();
  if (!after.organization.empty()) {
    auto known = Exists(q::kCountOrganization, after.organization);
    if (!known.ok()) return known.error();
    if (!*known) return UnknownOrganization(after.organization);
  }
  if (auto r =
          db_->Run(q::kUpdateRole, {after.name, licensing::RoleName(after.role), after.organization,
                                    after.agency ? licensing::AgencyName(*after.agency) : ""});
      !r.ok()) {
    return r.error();
  }
  if (auto a = AppendAudit(UserRoleChanged(*before, after, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Status SqlStore::AddApiToken(const ApiTokenRecord& token, const ChangeStamp& stamp) {
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  if (auto known = GetUser(token.user); !known.ok()) return known.error();
  auto exists = Exists(q::kCountToken, token.digest);
  if (!exists.ok()) return exists.error();
  if (*exists) return TokenExists();
  if (auto r = db_->Run(q::kInsertToken, {token.digest, token.user, token.name, token.created_at});
      !r.ok()) {
    return r.error();
  }
  if (auto a = AppendAudit(TokenIssued(token, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<std::vector<ApiTokenInfo>> SqlStore::ListApiTokens(const std::string& user) {
  if (auto known = GetUser(user); !known.ok()) return known.error();
  auto rows = db_->Run(q::kSelectUserTokens, {user});
  if (!rows.ok()) return rows.error();
  std::vector<ApiTokenInfo> tokens;
  for (int i = 0; i < rows->size(); ++i) {
    tokens.push_back({TokenId(rows->Text(i, 0)), rows->Take(i, 1), rows->Take(i, 2)});
  }
  return tokens;
}

Status SqlStore::RevokeApiToken(const std::string& user, const std::string& id,
                                const ChangeStamp& stamp) {
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  if (auto known = GetUser(user); !known.ok()) return known.error();
  auto rows = db_->Run(q::kSelectUserToken, {user, id});
  if (!rows.ok()) return rows.error();
  if (rows->empty() || id.size() != 12) return UnknownUserToken(user, id);
  if (rows->size() > 1) {
    // Two tokens of one user sharing 48 bits of digest: revoke neither by a guess.
    return MakeError(ErrorCode::kConflict, "token id '" + id + "' is ambiguous");
  }
  const std::string digest = rows->Text(0, 0);
  const ApiTokenInfo token{TokenId(digest), rows->Text(0, 1), rows->Text(0, 2)};
  if (auto r = db_->Run(q::kDeleteToken, {digest}); !r.ok()) return r.error();
  if (auto a = AppendAudit(TokenRevoked(user, token, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<std::int64_t> SqlStore::AddLoginFailure(const std::string& key, const std::string& at,
                                               const std::string& restart_before) {
  if (auto r = db_->Run(q::kForgetOldLoginFailures, {restart_before}); !r.ok()) return r.error();
  auto rows = db_->Run(q::kAddLoginFailure, {key, at, restart_before});
  if (!rows.ok()) return rows.error();
  return rows->Int(0, 0);
}

Result<LoginFailures> SqlStore::LoginFailuresOf(const std::string& key) {
  auto rows = db_->Run(q::kSelectLoginFailures, {key});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return LoginFailures{};
  return LoginFailures{rows->Int(0, 0), rows->Take(0, 1)};
}

Status SqlStore::ClearLoginFailures(const std::string& key) {
  if (auto r = db_->Run(q::kDeleteLoginFailures, {key}); !r.ok()) return r.error();
  return {};
}

Result<licensing::User> SqlStore::UserForToken(const std::string& digest) {
  auto rows = db_->Run(q::kSelectTokenUser, {digest});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return UnknownToken();
  return DecodeUserRow(rows->Take(0, 0), rows->Text(0, 1), rows->Take(0, 2), rows->Text(0, 3));
}

Status SqlStore::AddSession(const SessionRecord& session) {
  auto tx = Begin();
  if (!tx.ok()) return tx.error();
  if (auto r = db_->Run(q::kDeleteExpiredSessions, {session.created_at}); !r.ok()) {
    return r.error();
  }
  if (auto r = db_->Run(q::kInsertSession, {session.digest, session.user.name, session.csrf_token,
                                            session.created_at, session.expires_at});
      !r.ok()) {
    return r.error();
  }
  return tx->Commit();
}

Result<SessionRecord> SqlStore::FindSession(const std::string& digest) {
  auto rows = db_->Run(q::kSelectSession, {digest});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return UnknownSession();
  auto user = DecodeUserRow(rows->Take(0, 0), rows->Text(0, 1), rows->Take(0, 2), rows->Text(0, 3));
  if (!user.ok()) return user.error();
  return SessionRecord{digest, std::move(user).value(), rows->Take(0, 4), rows->Take(0, 5),
                       rows->Take(0, 6)};
}

Status SqlStore::DeleteSession(const std::string& digest) {
  if (auto r = db_->Run(q::kDeleteSession, {digest}); !r.ok()) return r.error();
  return {};
}

}  // namespace tollgate::storage

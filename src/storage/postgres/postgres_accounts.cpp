#include "storage/postgres/postgres_accounts.h"

#include "storage/postgres/accounts_sql.h"
#include "storage/postgres/workflow_sql.h"
#include "storage/stored_accounts.h"
#include "storage/stored_applications.h"
#include "tollgate/licensing/organization.h"

namespace tollgate::storage::postgres {

Status AccountTables::SetPasswordHash(const std::string& user, const std::string& password_hash,
                                      bool must_change, const ChangeStamp& stamp) {
  auto tx = workflow_.BeginAudited();
  if (!tx.ok()) return tx.error();
  if (auto known = workflow_.GetUser(user); !known.ok()) return known.error();
  if (auto r = db_.Exec(kUpsertPassword,
                        {user, password_hash, stamp.timestamp, must_change ? "1" : "0"});
      !r.ok()) {
    return r.error();
  }
  if (auto s = EndSessionsOf(user); !s.ok()) return s;
  if (auto a = workflow_.AppendAudit(PasswordSet(user, must_change, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Status AccountTables::EndSessionsOf(const std::string& user) {
  if (auto r = db_.Exec(kDeleteUserSessions, {user}); !r.ok()) return r.error();
  return {};
}

Result<StoredPassword> AccountTables::Password(const std::string& user) {
  auto rows = db_.Exec(kSelectPassword, {user});
  if (!rows.ok()) return rows.error();
  if (rows->rows() == 0) return NoPassword(user);
  return StoredPassword{rows->Text(0, 0), rows->Int(0, 1) != 0, rows->Int(0, 2) != 0};
}

Result<std::vector<UserAccount>> AccountTables::ListAccounts() {
  auto rows = db_.Exec(kSelectAccounts);
  if (!rows.ok()) return rows.error();
  std::vector<UserAccount> accounts;
  for (int i = 0; i < rows->rows(); ++i) {
    auto user =
        DecodeUserRow(rows->Text(i, 0), rows->Text(i, 1), rows->Text(i, 2), rows->Text(i, 3));
    if (!user.ok()) return user.error();
    accounts.push_back({std::move(user).value(), rows->Int(i, 4) != 0, rows->Int(i, 5) != 0,
                        rows->Int(i, 6) != 0, rows->Int(i, 7)});
  }
  return accounts;
}

Status AccountTables::SetUserDisabled(const std::string& user, bool disabled,
                                      const ChangeStamp& stamp) {
  auto tx = workflow_.BeginAudited();
  if (!tx.ok()) return tx.error();
  auto rows = db_.Exec(kSelectDisabled, {user});
  if (!rows.ok()) return rows.error();
  if (rows->rows() == 0) return UnknownUser(user);
  if ((rows->Int(0, 0) != 0) == disabled) return {};
  if (auto r = db_.Exec(kSetDisabled, {user, disabled ? "1" : "0"}); !r.ok()) return r.error();
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
  auto tx = workflow_.BeginAudited();
  if (!tx.ok()) return tx.error();
  auto before = workflow_.GetUser(after.name);
  if (!before.ok()) return before.error();
  if (!after.organization.empty()) {
    auto count = db_.Exec(kCountOrganization, {after.organization});
    if (!count.ok()) return count.error();
    if (count->Int(0, 0) == 0) return UnknownOrganization(after.organization);
  }
  if (auto r =
          db_.Exec(kUpdateRole, {after.name, licensing::RoleName(after.role), after.organization,
                                 after.agency ? licensing::AgencyName(*after.agency) : ""});
      !r.ok()) {
    return r.error();
  }
  if (auto a = workflow_.AppendAudit(UserRoleChanged(*before, after, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<std::vector<ApiTokenInfo>> AccountTables::ListApiTokens(const std::string& user) {
  if (auto known = workflow_.GetUser(user); !known.ok()) return known.error();
  auto rows = db_.Exec(kSelectUserTokens, {user});
  if (!rows.ok()) return rows.error();
  std::vector<ApiTokenInfo> tokens;
  for (int i = 0; i < rows->rows(); ++i) {
    tokens.push_back({TokenId(rows->Text(i, 0)), rows->Text(i, 1), rows->Text(i, 2)});
  }
  return tokens;
}

Status AccountTables::RevokeApiToken(const std::string& user, const std::string& id,
                                     const ChangeStamp& stamp) {
  auto tx = workflow_.BeginAudited();
  if (!tx.ok()) return tx.error();
  if (auto known = workflow_.GetUser(user); !known.ok()) return known.error();
  auto rows = db_.Exec(kSelectUserToken, {user, id});
  if (!rows.ok()) return rows.error();
  if (rows->rows() == 0 || id.size() != 12) return UnknownUserToken(user, id);
  if (rows->rows() > 1) {
    // Two tokens of one user sharing 48 bits of digest: revoke neither by a guess.
    return MakeError(ErrorCode::kConflict, "token id '" + id + "' is ambiguous");
  }
  const std::string digest = rows->Text(0, 0);
  const ApiTokenInfo token{TokenId(digest), rows->Text(0, 1), rows->Text(0, 2)};
  if (auto r = db_.Exec(kDeleteToken, {digest}); !r.ok()) return r.error();
  if (auto a = workflow_.AppendAudit(TokenRevoked(user, token, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<std::int64_t> AccountTables::AddLoginFailure(const std::string& key, const std::string& at,
                                                    const std::string& restart_before) {
  if (auto r = db_.Exec(kForgetOldLoginFailures, {restart_before}); !r.ok()) return r.error();
  auto rows = db_.Exec(kAddLoginFailure, {key, at, restart_before});
  if (!rows.ok()) return rows.error();
  return static_cast<std::int64_t>(rows->Int(0, 0));
}

Result<LoginFailures> AccountTables::LoginFailuresOf(const std::string& key) {
  auto rows = db_.Exec(kSelectLoginFailures, {key});
  if (!rows.ok()) return rows.error();
  if (rows->rows() == 0) return LoginFailures{};
  return LoginFailures{static_cast<std::int64_t>(rows->Int(0, 0)), rows->Text(0, 1)};
}

Status AccountTables::ClearLoginFailures(const std::string& key) {
  if (auto r = db_.Exec(kDeleteLoginFailures, {key}); !r.ok()) return r.error();
  return {};
}

Status AccountTables::AddApiToken(const ApiTokenRecord& token, const ChangeStamp& stamp) {
  auto tx = workflow_.BeginAudited();
  if (!tx.ok()) return tx.error();
  if (auto known = workflow_.GetUser(token.user); !known.ok()) return known.error();
  auto count = db_.Exec(kCountToken, {token.digest});
  if (!count.ok()) return count.error();
  if (count->Int(0, 0) != 0) return TokenExists();
  if (auto r = db_.Exec(kInsertToken, {token.digest, token.user, token.name, token.created_at});
      !r.ok()) {
    return r.error();
  }
  if (auto a = workflow_.AppendAudit(TokenIssued(token, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<licensing::User> AccountTables::UserForToken(const std::string& digest) {
  auto rows = db_.Exec(kSelectTokenUser, {digest});
  if (!rows.ok()) return rows.error();
  if (rows->rows() == 0) return UnknownToken();
  return DecodeUserRow(rows->Text(0, 0), rows->Text(0, 1), rows->Text(0, 2), rows->Text(0, 3));
}

Status AccountTables::AddSession(const SessionRecord& session) {
  auto tx = PgTransaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  if (auto r = db_.Exec(kDeleteExpiredSessions, {session.created_at}); !r.ok()) return r.error();
  if (auto r = db_.Exec(kInsertSession, {session.digest, session.user.name, session.csrf_token,
                                         session.created_at, session.expires_at});
      !r.ok()) {
    return r.error();
  }
  return tx->Commit();
}

Result<SessionRecord> AccountTables::FindSession(const std::string& digest) {
  auto rows = db_.Exec(kSelectSession, {digest});
  if (!rows.ok()) return rows.error();
  if (rows->rows() == 0) return UnknownSession();
  auto user = DecodeUserRow(rows->Text(0, 0), rows->Text(0, 1), rows->Text(0, 2), rows->Text(0, 3));
  if (!user.ok()) return user.error();
  return SessionRecord{digest, std::move(user).value(), rows->Text(0, 4), rows->Text(0, 5),
                       rows->Text(0, 6)};
}

Status AccountTables::DeleteSession(const std::string& digest) {
  if (auto r = db_.Exec(kDeleteSession, {digest}); !r.ok()) return r.error();
  return {};
}

}  // namespace tollgate::storage::postgres

#include "storage/postgres/postgres_accounts.h"

#include "storage/postgres/accounts_sql.h"
#include "storage/stored_accounts.h"
#include "storage/stored_applications.h"

namespace tollgate::storage::postgres {

Status AccountTables::SetPasswordHash(const std::string& user, const std::string& password_hash,
                                      const ChangeStamp& stamp) {
  auto tx = workflow_.BeginAudited();
  if (!tx.ok()) return tx.error();
  if (auto known = workflow_.GetUser(user); !known.ok()) return known.error();
  if (auto r = db_.Exec(kUpsertPassword, {user, password_hash, stamp.timestamp}); !r.ok()) {
    return r.error();
  }
  if (auto a = workflow_.AppendAudit(PasswordSet(user, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<std::string> AccountTables::PasswordHash(const std::string& user) {
  auto rows = db_.Exec(kSelectPassword, {user});
  if (!rows.ok()) return rows.error();
  if (rows->rows() == 0) return NoPassword(user);
  return rows->Text(0, 0);
}

Result<std::vector<licensing::User>> AccountTables::ListUsers() {
  auto rows = db_.Exec(kSelectUsers);
  if (!rows.ok()) return rows.error();
  std::vector<licensing::User> users;
  for (int i = 0; i < rows->rows(); ++i) {
    auto user =
        DecodeUserRow(rows->Text(i, 0), rows->Text(i, 1), rows->Text(i, 2), rows->Text(i, 3));
    if (!user.ok()) return user.error();
    users.push_back(std::move(user).value());
  }
  return users;
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

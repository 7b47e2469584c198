#include "storage/sqlite/sqlite_accounts.h"

#include "storage/sqlite/accounts_sql.h"
#include "storage/stored_accounts.h"
#include "storage/stored_applications.h"

namespace tollgate::storage::sqlite {

Status AccountTables::SetPasswordHash(const std::string& user, const std::string& password_hash,
                                      const ChangeStamp& stamp) {
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  if (auto known = workflow_.GetUser(user); !known.ok()) return known.error();
  auto upsert = db_.Prepare(kUpsertPassword);
  if (!upsert.ok()) return upsert.error();
  if (auto s = upsert->Bind(1, user).Bind(2, password_hash).Bind(3, stamp.timestamp).Run();
      !s.ok()) {
    return s;
  }
  if (auto a = workflow_.AppendAudit(PasswordSet(user, stamp)); !a.ok()) return a;
  return tx->Commit();
}

Result<std::string> AccountTables::PasswordHash(const std::string& user) {
  auto select = db_.Prepare(kSelectPassword);
  if (!select.ok()) return select.error();
  auto row = select->Bind(1, user).Step();
  if (!row.ok()) return row.error();
  if (!*row) return NoPassword(user);
  return select->Text(0);
}

Result<std::vector<licensing::User>> AccountTables::ListUsers() {
  auto select = db_.Prepare(kSelectUsers);
  if (!select.ok()) return select.error();
  std::vector<licensing::User> users;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    auto user = DecodeUserRow(select->Text(0), select->Text(1), select->Text(2), select->Text(3));
    if (!user.ok()) return user.error();
    users.push_back(std::move(user).value());
  }
  return users;
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

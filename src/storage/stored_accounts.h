// What both backends share for the accounts tables (store.h "Accounts"): the audit
// entries of every account change (none carries a secret or its hash), and the errors.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "tollgate/audit/record.h"
#include "tollgate/common/result.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {

audit::Entry PasswordSet(const std::string& user, bool must_change, const ChangeStamp& stamp);
audit::Entry TokenIssued(const ApiTokenRecord& token, const ChangeStamp& stamp);
audit::Entry TokenRevoked(const std::string& user, const ApiTokenInfo& token,
                          const ChangeStamp& stamp);
audit::Entry UserDisabledChanged(const std::string& user, bool disabled, const ChangeStamp& stamp);
audit::Entry UserRoleChanged(const licensing::User& before, const licensing::User& after,
                             const ChangeStamp& stamp);
Error NoPassword(const std::string& user);
Error UnknownToken();
Error UnknownUserToken(const std::string& user, const std::string& id);
Error UnknownSession();
Error TokenExists();

// The id a token is listed and revoked by: the first 12 hex digits of its digest.
std::string TokenId(const std::string& digest);

}  // namespace tollgate::storage

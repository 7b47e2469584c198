// What both backends share for the accounts tables (store.h "Accounts"): the audit
// entries of setting a password and issuing a token (neither carries the secret or
// its hash), and the errors.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "tollgate/audit/record.h"
#include "tollgate/common/result.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {

audit::Entry PasswordSet(const std::string& user, const ChangeStamp& stamp);
audit::Entry TokenIssued(const ApiTokenRecord& token, const ChangeStamp& stamp);
Error NoPassword(const std::string& user);
Error UnknownToken();
Error UnknownSession();
Error TokenExists();

}  // namespace tollgate::storage

#include "storage/stored_accounts.h"

namespace tollgate::storage {

audit::Entry PasswordSet(const std::string& user, const ChangeStamp& stamp) {
  return {stamp.timestamp, stamp.actor, "user.password_set", "user " + user, nullptr, nullptr};
}

audit::Entry TokenIssued(const ApiTokenRecord& token, const ChangeStamp& stamp) {
  // The first 12 hex digits of the digest identify the token in the log without
  // helping anyone guess it.
  return {stamp.timestamp, stamp.actor,
          "token.issue",   "user " + token.user,
          nullptr,         {{"name", token.name}, {"digest_prefix", token.digest.substr(0, 12)}}};
}

Error NoPassword(const std::string& user) {
  return MakeError(ErrorCode::kNotFound, "user '" + user + "' has no password");
}
Error UnknownToken() { return MakeError(ErrorCode::kNotFound, "unknown API token"); }
Error UnknownSession() { return MakeError(ErrorCode::kNotFound, "unknown session"); }
Error TokenExists() { return MakeError(ErrorCode::kConflict, "that API token exists"); }

}  // namespace tollgate::storage

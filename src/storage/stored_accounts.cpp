#include "storage/stored_accounts.h"

namespace tollgate::storage {
namespace {

nlohmann::json RoleJson(const licensing::User& user) {
  nlohmann::json out = {{"role", licensing::RoleName(user.role)}};
  if (!user.organization.empty()) out["organization"] = user.organization;
  if (user.agency) out["agency"] = licensing::AgencyName(*user.agency);
  return out;
}

}  // namespace

std::string TokenId(const std::string& digest) { return digest.substr(0, 12); }

audit::Entry PasswordSet(const std::string& user, bool must_change, const ChangeStamp& stamp) {
  return {stamp.timestamp, stamp.actor, "user.password_set",
          "user " + user,  nullptr,     {{"must_change", must_change}}};
}

audit::Entry TokenIssued(const ApiTokenRecord& token, const ChangeStamp& stamp) {
  // The first 12 hex digits of the digest identify the token in the log without
  // helping anyone guess it.
  return {stamp.timestamp, stamp.actor,
          "token.issue",   "user " + token.user,
          nullptr,         {{"name", token.name}, {"digest_prefix", TokenId(token.digest)}}};
}

audit::Entry TokenRevoked(const std::string& user, const ApiTokenInfo& token,
                          const ChangeStamp& stamp) {
  return {stamp.timestamp,
          stamp.actor,
          "token.revoke",
          "user " + user,
          {{"name", token.name}, {"digest_prefix", token.id}},
          nullptr};
}

audit::Entry UserDisabledChanged(const std::string& user, bool disabled, const ChangeStamp& stamp) {
  return {stamp.timestamp,
          stamp.actor,
          disabled ? "user.disable" : "user.enable",
          "user " + user,
          {{"disabled", !disabled}},
          {{"disabled", disabled}}};
}

audit::Entry UserRoleChanged(const licensing::User& before, const licensing::User& after,
                             const ChangeStamp& stamp) {
  return {stamp.timestamp,      stamp.actor,      "user.role_change",
          "user " + after.name, RoleJson(before), RoleJson(after)};
}

Error NoPassword(const std::string& user) {
  return MakeError(ErrorCode::kNotFound, "user '" + user + "' has no password");
}
Error UnknownToken() { return MakeError(ErrorCode::kNotFound, "unknown API token"); }
Error UnknownUserToken(const std::string& user, const std::string& id) {
  return MakeError(ErrorCode::kNotFound,
                   "user '" + user + "' has no API token with id '" + id + "'");
}
Error UnknownSession() { return MakeError(ErrorCode::kNotFound, "unknown session"); }
Error TokenExists() { return MakeError(ErrorCode::kConflict, "that API token exists"); }

}  // namespace tollgate::storage

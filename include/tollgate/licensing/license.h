// License: a specific license an exporter holds (15 CFR part 750): who holds it, the
// destination, the parties by role, the items with the quantity and value licensed and
// what remains of them, the validity window and the conditions. Licenses are
// registered by hand (`tollgate licenses add`) or issued by the licensing workflow into
// the same store; the determination engine reads them to find what authorizes a
// transaction. Shipments draw down the remaining quantity and value (§750.7 licenses
// carry such limits; commercial systems track them the same way).
//
// Thread-safety: plain value types and pure functions.
// Failure: ValidateLicense and LicenseFromJson return kInvalidArgument naming the field
// ("items/0/eccn: ...").
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/rules/party.h"

namespace tollgate::licensing {

// §750.8: BIS may suspend or revoke a license; only an active one authorizes.
enum class LicenseStatus { kActive, kSuspended, kRevoked };
const char* LicenseStatusName(LicenseStatus status);  // "active", "suspended", "revoked"
std::optional<LicenseStatus> ParseLicenseStatus(std::string_view name);

struct LicenseParty {
  rules::PartyRole role = rules::PartyRole::kUltimateConsignee;
  std::string name;
  std::string country;  // ISO alpha-2, "" when not stated
  bool operator==(const LicenseParty&) const = default;
};

struct LicenseItem {
  std::string eccn;  // as licensed: "5D992.c"; a license for "5D992" covers its paragraphs
  std::string description;
  // Unset: the license states no limit. Values are whole US dollars, as on BIS-748P.
  std::optional<std::int64_t> quantity;
  std::optional<std::int64_t> value_usd;
  std::optional<std::int64_t> remaining_quantity;
  std::optional<std::int64_t> remaining_value_usd;
  bool operator==(const LicenseItem&) const = default;
};

struct License {
  std::string number;       // as issued, e.g. "D1234567"; unique in a store
  std::string holder;       // the exporter (applicant) it was issued to
  std::string destination;  // ISO alpha-2
  std::vector<LicenseParty> parties;
  std::vector<LicenseItem> items;
  Date valid_from;
  Date valid_until;  // inclusive
  std::vector<std::string> conditions;
  LicenseStatus status = LicenseStatus::kActive;
  std::string issued_on;  // "YYYY-MM-DD" when known, else ""
  // The store's key of the holder's organization ("" for a license registered by hand
  // without one): an applicant's users see only their organization's licenses.
  std::string organization;
  // The control number of the application whose approval issued it, else "".
  std::string application;
  // Who put it in the store (storage::ChangeStamp::actor): the operator or user who
  // registered it by hand, or the reviewer whose approval issued it. Set by the store.
  std::string created_by;
  bool operator==(const License&) const = default;
};

// Checks the license is whole: number, holder, a known destination, at least one party
// and one item, a well-formed ECCN per item, valid_from <= valid_until, no negative
// amounts, remaining never above the licensed amount. Fills unset remaining amounts
// from the licensed ones.
Result<License> ValidateLicense(License license);

// The canonical JSON form (the CLI's --json and the store's columns agree with it).
nlohmann::json ToJson(const License& license);
// Refuses unknown keys; validates with ValidateLicense.
Result<License> LicenseFromJson(const nlohmann::json& json);

// Case, punctuation and spacing folded, so a license's party and a transaction's party
// compare equal when they differ only in those ("Huawei Technologies Co., Ltd." and
// "HUAWEI TECHNOLOGIES CO LTD" both fold to "huawei technologies co ltd"). Anything
// more (aliases, legal-form variants) is deliberately not equal: a license names its
// parties exactly.
std::string FoldPartyName(std::string_view name);

}  // namespace tollgate::licensing

// PartyRole: the roles a party plays in an export transaction. §744.16(a) names
// purchaser, intermediate consignee, ultimate consignee and end user; the exporter is
// screened too because a denial order (part 764) bars the denied person from exporting.
//
// Thread-safety: plain values and pure functions.
// Failure: ParsePartyRole returns nullopt for an unknown name.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace tollgate::rules {

enum class PartyRole {
  kExporter,
  kPurchaser,
  kIntermediateConsignee,
  kUltimateConsignee,
  kEndUser,
};

// "exporter", "purchaser", "intermediate_consignee", "ultimate_consignee", "end_user".
const char* PartyRoleName(PartyRole role);
std::optional<PartyRole> ParsePartyRole(std::string_view name);
// The roles a user may give with --party (every role but the exporter, which has its
// own flag).
std::span<const PartyRole> TransactionPartyRoles();

}  // namespace tollgate::rules

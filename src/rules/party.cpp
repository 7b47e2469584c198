#include "tollgate/rules/party.h"

#include <array>

namespace tollgate::rules {
namespace {

constexpr std::array<PartyRole, 5> kAllRoles = {PartyRole::kExporter, PartyRole::kPurchaser,
                                                PartyRole::kIntermediateConsignee,
                                                PartyRole::kUltimateConsignee, PartyRole::kEndUser};
constexpr std::array<PartyRole, 4> kTransactionRoles = {
    PartyRole::kPurchaser, PartyRole::kIntermediateConsignee, PartyRole::kUltimateConsignee,
    PartyRole::kEndUser};

}  // namespace

const char* PartyRoleName(PartyRole role) {
  switch (role) {
    case PartyRole::kExporter:
      return "exporter";
    case PartyRole::kPurchaser:
      return "purchaser";
    case PartyRole::kIntermediateConsignee:
      return "intermediate_consignee";
    case PartyRole::kUltimateConsignee:
      return "ultimate_consignee";
    case PartyRole::kEndUser:
      return "end_user";
  }
  return "unknown";
}

std::optional<PartyRole> ParsePartyRole(std::string_view name) {
  for (PartyRole role : kAllRoles) {
    if (name == PartyRoleName(role)) return role;
  }
  return std::nullopt;
}

std::span<const PartyRole> TransactionPartyRoles() { return kTransactionRoles; }

}  // namespace tollgate::rules

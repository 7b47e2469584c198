#include "tollgate/rules/determination_record.h"

#include <cmath>
#include <string>

namespace tollgate::rules {

storage::DeterminationRecord RecordOf(const Determination& d, std::string requested_by,
                                      std::string organization) {
  return RecordWithRequest(d, ToJson(d.transaction).dump(), std::move(requested_by),
                           std::move(organization));
}

storage::DeterminationRecord RecordWithRequest(const Determination& d, std::string request_json,
                                               std::string requested_by, std::string organization) {
  storage::DeterminationRecord record;
  record.requested_by = std::move(requested_by);
  record.organization = std::move(organization);
  for (const auto& party : d.transaction.parties) record.parties.push_back(party.name);
  record.transaction_date = d.transaction.date;
  record.decision = DecisionName(d.decision);
  record.request_json = std::move(request_json);
  // Compact (above): the request is kept whole beside it.
  record.result_json = CompactJson(d).dump();
  return record;
}

nlohmann::json CompactJson(const Determination& d) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : d.items) {
    nlohmann::json required = nlohmann::json::array();
    for (const auto& r : item.requirements) required.push_back(r.citation);
    nlohmann::json authorized = nlohmann::json::array();
    for (const auto& a : item.authorized_by) {
      authorized.push_back({{"kind", a.kind}, {"id", a.id}, {"citation", a.citation}});
    }
    items.push_back({{"eccn", item.eccn},
                     {"decision", DecisionName(item.decision)},
                     {"required_by", std::move(required)},
                     {"authorized_by", std::move(authorized)},
                     {"review_reasons", item.review_reasons.size()}});
  }
  nlohmann::json matches = nlohmann::json::array();
  for (const auto& hit : d.matches) {
    matches.push_back({{"role", PartyRoleName(hit.role)},
                       {"list", hit.list},
                       {"entry_id", hit.entry_id},
                       {"score", std::round(hit.score * 1000) / 1000},
                       {"band", hit.block ? "block" : "review"},
                       {"effect", hit.effect}});
  }
  nlohmann::json out = {{"decision", DecisionName(d.decision)},
                        {"items", std::move(items)},
                        {"matches", std::move(matches)},
                        {"review_reasons", d.review_reasons.size()}};
  if (d.lists_step) out["lists"] = d.lists_step->finding;
  return out;
}

Status CheckTransactionLimits(const Transaction& tx, const TransactionLimits& limits) {
  const auto over = [](const char* field, std::size_t limit, std::size_t count) {
    return MakeError(ErrorCode::kRefused,
                     std::string(field) + ": at most " + std::to_string(limit) +
                         " per request (this one has " + std::to_string(count) + ")");
  };
  if (tx.items.size() > limits.max_items) return over("items", limits.max_items, tx.items.size());
  if (tx.parties.size() > limits.max_parties) {
    return over("parties", limits.max_parties, tx.parties.size());
  }
  return {};
}

}  // namespace tollgate::rules

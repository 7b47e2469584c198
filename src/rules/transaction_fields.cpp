#include "tollgate/rules/transaction_fields.h"

#include <string>

#include "tollgate/common/country.h"
#include "tollgate/rules/engine.h"

namespace tollgate::rules {
namespace {

Error WithField(const Error& error, const std::string& field) {
  return MakeError(error.code, "transaction: " + field + ": " + error.message);
}

}  // namespace

Status ValidateTransactionFields(const RuleSet& rules, const Transaction& transaction) {
  // Each item through the catalog `check` classifies with, on the export's date.
  for (std::size_t i = 0; i < transaction.items.size(); ++i) {
    if (auto c = rules.catalog.Classify(transaction.items[i].eccn, transaction.date); !c.ok()) {
      return WithField(c.error(), "items/" + std::to_string(i) + "/eccn");
    }
  }
  auto valid = ValidateTransaction(rules, transaction);
  if (valid.ok()) return valid;
  // The destination's own refusals: not an ISO code, or no chart row (on the date).
  std::string destination = transaction.destination;
  while (!destination.empty() && destination.back() == ' ') destination.pop_back();
  while (!destination.empty() && destination.front() == ' ') destination.erase(0, 1);
  auto iso = CountryByCode(destination);
  const CountryRules* row = iso ? rules.countries.Find(std::string(iso->code)) : nullptr;
  if (!iso || row == nullptr || row->ChartOn(transaction.date) == nullptr) {
    return WithField(valid.error(), "destination");
  }
  return valid;
}

}  // namespace tollgate::rules

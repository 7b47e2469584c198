#include "tollgate/rules/countries.h"

#include <algorithm>

namespace tollgate::rules {
namespace {

template <typename T>
const T* InForce(const std::vector<T>& facts, Date date) {
  const T* earliest = nullptr;
  bool open_start = false;  // a fact held for every earlier date: a gap is not an edition missing
  for (const auto& fact : facts) {
    if (fact.effective.Contains(date)) return &fact;
    if (!fact.effective.from) {
      open_start = true;
    } else if (earliest == nullptr || *fact.effective.from < *earliest->effective.from) {
      earliest = &fact;
    }
  }
  // Before the earliest edition held: answer from it rather than refuse the destination.
  if (!open_start && earliest != nullptr && date < *earliest->effective.from) return earliest;
  return nullptr;
}

}  // namespace

bool ChartRow::Marks(std::string_view column) const {
  return std::find(marked.begin(), marked.end(), column) != marked.end();
}

bool GroupMembership::Contains(std::string_view group) const {
  return std::find(groups.begin(), groups.end(), group) != groups.end();
}

const ChartRow* CountryRules::ChartOn(Date date) const { return InForce(chart, date); }

const GroupMembership* CountryRules::GroupsOn(Date date) const { return InForce(groups, date); }

std::vector<const Embargo*> CountryRules::EmbargoesOn(Date date) const {
  std::vector<const Embargo*> out;
  for (const auto& embargo : embargoes) {
    if (embargo.effective.Contains(date)) out.push_back(&embargo);
  }
  return out;
}

CountryTable::CountryTable(std::vector<std::string> columns, std::vector<CountryRules> countries)
    : columns_(std::move(columns)), countries_(std::move(countries)) {
  for (std::size_t i = 0; i < countries_.size(); ++i) by_code_[countries_[i].code] = i;
}

const CountryRules* CountryTable::Find(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &countries_[it->second];
}

}  // namespace tollgate::rules

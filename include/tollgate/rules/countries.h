// Countries: the Commerce Country Chart rows (part 738, Supp. No. 1), country group
// memberships (part 740, Supp. No. 1) and embargoes (part 746) of the destinations in
// data/rules/countries.json, each dated.
//
// Thread-safety: immutable after construction; any number of threads may read it.
// Failure: Find returns nullptr for a country without rules; the *On functions return
// nullptr (or nothing) when no fact is in force on the date.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/rules/dated.h"

namespace tollgate::rules {

struct ChartRow {
  std::vector<std::string> marked;  // columns with an X: a license is required
  DateRange effective;
  Provenance source;
  bool Marks(std::string_view column) const;
};

struct GroupMembership {
  std::vector<std::string> groups;  // "D:1", "E:1", ...
  DateRange effective;
  Provenance source;
  bool Contains(std::string_view group) const;
};

enum class EmbargoScope {
  kAllItems,  // every item subject to the EAR, EAR99 included (§746.2, §746.4, §746.9)
  kCclItems,  // every item on the Commerce Control List, not EAR99 (§746.8(a)(1))
};

struct Embargo {
  EmbargoScope scope = EmbargoScope::kAllItems;
  std::string description;
  DateRange effective;
  Provenance source;
};

struct CountryRules {
  std::string code;  // ISO 3166-1 alpha-2
  std::string name;
  std::vector<ChartRow> chart;
  std::vector<GroupMembership> groups;
  std::vector<Embargo> embargoes;

  const ChartRow* ChartOn(Date date) const;
  const GroupMembership* GroupsOn(Date date) const;
  std::vector<const Embargo*> EmbargoesOn(Date date) const;
};

class CountryTable {
 public:
  CountryTable() = default;
  CountryTable(std::vector<std::string> columns, std::vector<CountryRules> countries);

  const CountryRules* Find(std::string_view code) const;  // upper-case alpha-2
  const std::vector<std::string>& columns() const { return columns_; }
  const std::vector<CountryRules>& countries() const { return countries_; }

 private:
  std::vector<std::string> columns_;
  std::vector<CountryRules> countries_;
  std::unordered_map<std::string, std::size_t> by_code_;
};

}  // namespace tollgate::rules

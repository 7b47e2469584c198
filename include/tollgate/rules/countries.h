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

// A rule of the regulation's text that the chart does not show for the destination:
// the anti-terrorism controls of 15 CFR 742.8 (Iran), 742.9 (Syria), 742.19 (North
// Korea), and the Russia/Belarus sanctions of 15 CFR 746.8.
struct DatedRule {
  DateRange effective;
  Provenance source;
};

struct CountryRules {
  std::string code;  // ISO 3166-1 alpha-2
  std::string name;
  std::vector<ChartRow> chart;
  std::vector<GroupMembership> groups;
  std::vector<Embargo> embargoes;
  std::vector<std::string> footnotes;  // the chart's footnote numbers on the row ("1", "6")
  std::vector<DatedRule>
      anti_terrorism;  // AT1/AT2 items need a license (the chart's AT cells are empty)
  std::vector<DatedRule> russia_belarus;  // nothing else required: REVIEW (15 CFR 746.8)

  // The fact in force on the date; for a date before the earliest fact held, the
  // earliest (its effective.from is then after the date: say so in the trace).
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

// Authorizations as data: the activities an exporter can declare, general licenses
// such as the Huawei Temporary General License (part 744, Supp. No. 7) and license
// exceptions such as ENC (§740.17) and TSU (§740.13), with their windows, scope,
// excluded destinations and conditions.
//
// Thread-safety: plain immutable data; the functions are pure.
// Failure: lookups return nullptr when nothing is in force on the date.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/rules/dated.h"

namespace tollgate::rules {

struct Activity {
  std::string name;  // what --activity takes: "existing_handset_support"
  std::string description;
  std::string citation;
};

// One validity period as published. `in_force` is `published` cut short by a later
// window that supersedes it (an extension that took effect before this one ended).
struct Window {
  std::string id;
  DateRange published;
  DateRange in_force;
  std::string supersedes;  // id of the window this one replaces from its start, or ""
  Provenance source;
};

struct ActivityWindow {
  std::string activity;
  DateRange effective;
  std::string scope;  // the wording in force, when it changed ("personal consumer ...")
  Provenance source;
};

struct DatedCondition {
  std::string text;
  DateRange effective;
  Provenance source;
};

struct GroupExclusion {
  std::vector<std::string> groups;  // "E:1", "E:2"
  Provenance source;
};

struct GeneralLicense {
  std::string id;  // "huawei_tgl"
  std::string name;
  Provenance source;
  // Which list entries it overcomes: entries of `list` whose Federal Register
  // citations include one of `entries_cited`.
  std::string list;
  std::vector<std::string> entries_cited;
  Provenance applies_source;
  std::vector<Window> windows;
  std::vector<ActivityWindow> activities;
  GroupExclusion excluded;
  std::vector<DatedCondition> conditions;
  std::string outside_scope;

  const Window* WindowOn(Date date) const;
  const ActivityWindow* ActivityOn(std::string_view activity, Date date) const;
  // True when one of the entry's Federal Register citations is in entries_cited.
  bool AppliesToEntry(std::string_view list_code,
                      const std::vector<std::string>& federal_register) const;
};

struct LicenseException {
  std::string code;       // "ENC"
  std::string paragraph;  // "b(1)"
  std::string name;
  Provenance source;
  DateRange effective;
  std::vector<std::string> eccns;           // eligible catalog entries
  std::vector<std::string> product_groups;  // or every ECCN of these groups ("D": software)
  std::optional<std::string> activity;      // required declared activity, if any
  std::vector<std::string> covers_controls;
  GroupExclusion excluded;
  std::vector<DatedCondition> conditions;

  bool EligibleEccn(std::string_view entry_eccn) const;
};

// Conditions whose effective range contains `date`.
std::vector<const DatedCondition*> ConditionsOn(const std::vector<DatedCondition>& conditions,
                                                Date date);

}  // namespace tollgate::rules

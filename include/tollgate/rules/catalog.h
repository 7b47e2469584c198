// Catalog: the Commerce Control List extract (data/rules/catalog.json). It classifies
// an ECCN as given by a user ("5D992.c", "EAR99") into the chart columns that control
// it on a date, and knows which reason for control each column belongs to (part 742).
//
// Thread-safety: immutable after construction; any number of threads may read it.
// Failure: Classify returns kInvalidArgument for a malformed or unknown ECCN and
// kNotFound when the ECCN exists but no entry is in force on the date.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/rules/dated.h"

namespace tollgate::rules {

// A reason for control (§742.x) and the chart columns it uses. EI has no column: it
// applies to every destination except those listed (§742.15(a): all but Canada).
struct Reason {
  std::string code;                                  // "NS"
  std::string name;                                  // "National security"
  std::vector<std::string> columns;                  // "NS1", "NS2"
  std::vector<std::string> all_destinations_except;  // for column-less reasons (EI)
  std::string review_policy;
  DateRange effective;
  Provenance source;
};

struct EccnParagraph {
  std::string paragraph;  // "c" for 5D992.c
  std::string description;
  bool has_controls = false;  // false: inherits the entry's controls
  std::vector<std::string> controls;
  Provenance source;
};

struct EccnEntry {
  std::string eccn;  // "5D992" or "EAR99"
  std::string description;
  std::vector<std::string> controls;  // chart columns ("NS1", "AT1") or column-less codes ("EI")
  DateRange effective;
  Provenance source;
  std::vector<EccnParagraph> paragraphs;
};

// What an item's ECCN means on a date.
struct Classification {
  std::string eccn;       // normalized as given: "5D992.c"
  std::string entry;      // the catalog entry: "5D992"
  std::string paragraph;  // the catalog paragraph used, "" for the entry itself
  std::string description;
  std::vector<std::string> controls;
  bool ear99 = false;
  Provenance source;  // the paragraph's when one applies, else the entry's
};

class Catalog {
 public:
  Catalog() = default;
  Catalog(std::vector<Reason> reasons, std::vector<EccnEntry> entries);

  // "5d992.C" -> "5D992.c"; EAR99 in any case. A sub-paragraph the catalog does not
  // list ("3A001.a.1") inherits the nearest listed paragraph or the entry.
  Result<Classification> Classify(std::string_view eccn, Date date) const;

  // The reason a control code belongs to ("NS1" -> NS, "EI" -> EI), or nullptr.
  const Reason* ReasonFor(std::string_view control) const;

  const std::vector<EccnEntry>& entries() const { return entries_; }
  const std::vector<Reason>& reasons() const { return reasons_; }

 private:
  std::vector<Reason> reasons_;
  std::vector<EccnEntry> entries_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_eccn_;
  std::unordered_map<std::string, std::size_t> reason_by_control_;
};

// "5D992.c" for "5d992.C"; "EAR99" for "ear99". Returns "" when `eccn` is not of the
// form digit, category letter A-E, three digits, optional ".paragraph" segments.
std::string NormalizeEccn(std::string_view eccn);

}  // namespace tollgate::rules

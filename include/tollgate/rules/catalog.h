// Catalog: the Commerce Control List (data/rules/ccl.json, generated from the eCFR of
// 2026-09-24 by scripts/convert_ear.py) with EAR99, the reasons for control and the
// hand-written paragraphs of data/rules/catalog.json. It classifies an ECCN as given
// by a user ("3A001.b.2", "5D992.c", "EAR99") into the controls that apply to it on a
// date: the chart columns, the CCL controls that apply (entire entry or covering the
// paragraph) and those that could (limited to paragraphs below the one given).
//
// Thread-safety: immutable after construction; any number of threads may read it.
// Failure: Classify returns kInvalidArgument for a malformed or unknown ECCN or a
// paragraph the entry does not have, and kNotFound when the ECCN exists but no entry
// is in force on the date (a date before the earliest edition held is answered from
// that edition, with Classification::before_edition set).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
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

// How the text of a "special" control (one the Country Chart does not decide) names the
// destinations it applies to, as scripts/convert_ear.py read it (data/rules/ccl.json).
struct SpecialDecision {
  std::string pattern;  // "worldwide", "named_countries", "macau_or_d5", ...
  bool worldwide = false;
  std::vector<std::string> countries;         // named destinations
  std::vector<std::string> groups;            // Country Groups named
  std::vector<std::string> except_groups;     // "excluding any destination also in A:5, A:6"
  std::vector<std::string> except_countries;  // "except Canada"
  std::string chart_footnote;                 // destinations whose chart row has this footnote
  std::string citation;                       // the section the text refers to, if given
};

enum class ControlMode {
  kEntire,  // the entire entry
  kOnly,    // only the listed paragraphs (or, without paragraphs, the scope's words)
  kExcept,  // the entire entry except the listed paragraphs
};

// One control of a CCL entry (its License Requirements table, 15 CFR 774 Supp. 1).
struct CclControl {
  std::string reason;                // "NS", "RS", "UN", "?" (as the source has it)
  std::vector<std::string> columns;  // chart columns; empty when the chart does not decide
  ControlMode mode = ControlMode::kEntire;
  std::vector<std::string> paragraphs;  // "b.2", "z.1.a"
  bool special = false;                 // the chart text is not a plain column reference
  std::string chart_text;               // verbatim, for special controls
  std::string scope;                    // the regulation's words
  bool decided = false;                 // special and its text names the destinations
  SpecialDecision decision;
};

// A list-based license exception the entry names (its "List Based License Exceptions").
struct EntryException {
  std::string code;    // "LVS", "GBS", "TSR", ...
  std::string status;  // "yes", "no", "partial", "value" (yes, with a value limit)
  std::optional<std::int64_t> value_limit;  // US dollars (LVS)
};

// The parts of an entry that come from the CCL (data/rules/ccl.json), shared by every
// Classification of the entry.
struct CclEntry {
  std::vector<CclControl> controls;
  std::vector<EntryException> license_exceptions;
  std::string paragraph_letters;  // first paragraph segments the data shows ("abcdez")
  std::string edition;            // "eCFR 2026-09-24"
  bool reserved = false;
  bool itar = false;
  bool series600 = false;
  bool series515 = false;
  // "LVS ($1500), GBS, TSR (partial)": the exceptions available (yes or partial).
  std::string available_exceptions;
};

struct EccnEntry {
  std::string eccn;                   // "5D992" or "EAR99"
  std::string description;            // the CCL heading
  std::vector<std::string> controls;  // chart columns ("NS1", "AT1") or column-less codes ("EI")
  DateRange effective;
  Provenance source;
  std::vector<EccnParagraph> paragraphs;
  std::shared_ptr<const CclEntry> ccl;  // null for EAR99 and hand-written entries
};

// What an item's ECCN means on a date.
struct Classification {
  std::string eccn;       // normalized as given: "5D992.c"
  std::string entry;      // the catalog entry: "5D992"
  std::string paragraph;  // the catalog paragraph used, "" for the entry itself
  std::string description;
  std::vector<std::string> controls;
  bool ear99 = false;
  Provenance source;    // the paragraph's when one applies, else the entry's
  std::string heading;  // the entry's CCL heading
  // The CCL entry (null for EAR99), the indexes of its controls that apply to the item
  // as given (entire entry, or limited to paragraphs that cover the item's) and of those
  // limited to paragraphs the item could be in but is not known to be.
  std::shared_ptr<const CclEntry> ccl;
  std::vector<std::size_t> applying;
  std::vector<std::size_t> conditional;
  // The date asked is before the entry's earliest edition held: answered from it.
  bool before_edition = false;
  DateRange edition_effective;
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

// DateRange and Provenance: every fact in data/rules carries both, so a determination
// can say which version of a rule it applied and where that rule comes from, and a
// rule change is a data change with its own effective dates.
//
// Thread-safety: plain value types.
// Failure: nothing here fails; the loader (rules/rule_set.h) validates ranges.
#pragma once

#include <optional>
#include <string>

#include "tollgate/common/date.h"

namespace tollgate::rules {

// Inclusive on both ends; an open end means "from before / until after every date the
// data speaks for".
struct DateRange {
  std::optional<Date> from;
  std::optional<Date> to;

  bool Contains(Date date) const { return (!from || *from <= date) && (!to || date <= *to); }
  bool Overlaps(const DateRange& other) const {
    return (!from || !other.to || *from <= *other.to) && (!to || !other.from || *other.from <= *to);
  }
  // "2019-05-20..2019-08-19", "..2021-01-11", "2022-02-24..", "always".
  std::string ToString() const;
};

struct Provenance {
  std::string citation;  // never empty: the loader refuses a fact without one
  bool check = false;    // true: not confirmed against the regulation's text
  std::string note;      // why it is marked, or what is not modelled
};

}  // namespace tollgate::rules

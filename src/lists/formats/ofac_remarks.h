// The facts OFAC packs into the Remarks column of its legacy CSV files, as
// "; "-separated phrases: "DOB 12 Feb 1961; nationality Haiti; Passport A1234 (Iran);
// Unified Social Credit Code (USCC) 9144... (China); Listing Date (CMIC) 03 Jun 2021;
// a.k.a. 'BNC'". Phrases it does not know are left alone (the reader keeps the whole
// remarks text beside what it extracts).
//
// Thread-safety: a pure function.
// Failure: none; a phrase that does not parse is simply not extracted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/lists/entry.h"

namespace tollgate::lists::formats {

struct TaggedDate {
  std::string tag;  // what the date is for: "CMIC", "EO 14024 Directive 3"
  Date date;
};

struct OfacRemarks {
  std::vector<std::string> dates_of_birth;  // "1961-02-12" for full dates, else as written
  std::vector<std::string> nationalities;   // "nationality" and "citizen": ISO code if known
  std::vector<Identifier> ids;
  std::vector<Alias> aliases;               // "a.k.a. 'X'", "f.k.a. 'Y'", "n.k.a. 'Z'"
  std::vector<TaggedDate> listing_dates;    // "Listing Date (TAG) 03 Jun 2021"
  std::vector<TaggedDate> effective_dates;  // "Effective Date (TAG): 02 Aug 2021"
};

OfacRemarks ParseOfacRemarks(std::string_view remarks);

}  // namespace tollgate::lists::formats

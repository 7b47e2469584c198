// The history of answers as the store keeps it (issue 15, item 6; 15 CFR 762.2(a): the
// results of screening and the determinations are export records): each screening with
// who asked, its inputs, the list versions it searched and its answer, and the filter
// both histories are read back with. history/ builds these records and reads them.
//
// Thread-safety: plain value types.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace tollgate::storage {

// One screening as recorded. The answer is kept whole (matches with their explanation),
// so that the record shows what the asker was told, a no-hit included.
struct ScreeningRecord {
  std::int64_t id = 0;      // assigned by the store
  std::string recorded_at;  // UTC "YYYY-MM-DDTHH:MM:SSZ", assigned by the store
  // Who asked: licensing::Describe of the user ("applicant msft-exports"), or "operator"
  // for the CLI; and the organization the asker acts for ("" for none).
  std::string requested_by;
  std::string organization;
  std::string channel;  // "cli", "api", "batch", "continuous", "party_import"
  // The query's inputs: the name as given, the country (ISO alpha-2) and entry type
  // ("" when not given), the date whose lists were searched and the threshold.
  std::string name;
  std::string country;
  std::string type;
  std::string as_of;
  double threshold = 0;
  // "hit" (a match at the block band), "review" (matches below it), "no_hit" or
  // "nothing_screened" (no list version in force on as_of): history/screening_record.h.
  std::string outcome;
  double top_score = 0;
  nlohmann::json lists;    // [{feed, version, as_of, entries}] searched
  nlohmann::json matches;  // as forms::MatchesJson: entry, score, explanation
};

// Which records a history read returns; unset or empty fields do not filter.
struct HistoryFilter {
  std::optional<std::string> organization;  // only this organization's
  std::string party;    // licensing::FoldPartyName of a name part: a substring match
  std::string from;     // recorded at or after this UTC timestamp
  std::string before;   // recorded before this UTC timestamp
  std::string outcome;  // a screening's outcome, or a determination's decision
  std::string channel;  // a screening's channel (determinations have none)
  std::int64_t limit = 100;
  std::int64_t offset = 0;
};

// What a prune removed.
struct PruneCount {
  std::string cutoff;
  std::int64_t screenings = 0;
  std::int64_t determinations = 0;
};

}  // namespace tollgate::storage

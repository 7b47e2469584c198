// Every answer on record (issue 15, item 6): what a screening is recorded as, how the
// history of screenings and determinations is read back (filters, who sees what, the
// JSON and CSV an auditor exports) and the retention prune. 15 CFR 762.2(a) makes the
// results of screening and the determinations export records; 762.6 keeps them five
// years. The adapters (`tollgate screen|history`, /api/screen, /api/history/...) call
// these and format nothing of their own.
//
// Thread-safety: pure functions, except those taking a Store (one store per thread).
// Failure: ParseHistoryFilter and RetentionCutoff return kInvalidArgument naming the
// field; VisibleHistory kPermissionDenied; the store's errors pass through.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/licensing/organization.h"
#include "tollgate/screening/screening.h"
#include "tollgate/storage/store.h"

namespace tollgate::history {

// DOMAIN.md §7: a score at or above 0.95 is a block-band hit; matches below it (at or
// above the query's threshold) are for review.
inline constexpr double kHitScore = 0.95;
// 15 CFR 762.6(a): records are kept five years.
inline constexpr int kDefaultRetentionYears = 5;

// Who asked, and through what: requested_by as licensing::Describe gives it (or
// "operator" for the CLI), the organization the asker acts for ("" for none) and the
// channel ("cli", "api", "batch", "continuous", "party_import": kChannels).
inline constexpr const char* kChannels[] = {"cli", "api", "batch", "continuous", "party_import"};

struct Asker {
  std::string requested_by;
  std::string organization;
  std::string channel;
};

// "nothing_screened" when no list version was searched, "no_hit" without a match, else
// "hit" when the top score is in the block band (kHitScore) and "review" below it.
std::string OutcomeOf(bool searched, bool matched, double top_score);
// OutcomeOf the versions searched and the matches found.
std::string ScreeningOutcome(const std::vector<storage::ListVersion>& searched,
                             const std::vector<screening::Match>& matches);

// The versions searched as a record keeps them (forms::VersionJson, each with its
// entry count).
nlohmann::json VersionsJson(const std::vector<storage::ListVersion>& versions);

// A record with who asked, and nothing else yet.
storage::ScreeningRecord RecordBy(const Asker& asker);

// The record of one screening: the query's inputs, the versions searched (each with
// its entry count, so that a no-hit says against what) and the answer as
// forms::MatchesJson shows it.
storage::ScreeningRecord ScreeningRecordOf(const screening::Query& query, Date as_of,
                                           const std::vector<storage::ListVersion>& searched,
                                           const std::vector<screening::Match>& matches,
                                           const Asker& asker);

// kInvalidArgument "FIELD: not valid UTF-8" when `name` cannot be kept as text (both
// databases store UTF-8): checked before a screening is answered, so that a record that
// cannot be written never fails the other requests of its group commit.
Status CheckRecordable(const std::string& name, const std::string& field);

// Records screenings in one transaction, all or none (a batch's rows; continuous
// re-screening). One request's screening goes through ScreeningRecorder instead
// (history/group_commit.h), written with the other requests' of the moment.
Result<std::vector<std::int64_t>> RecordScreenings(
    storage::Store& store, const std::vector<storage::ScreeningRecord>& records);

enum class Kind { kScreenings, kDeterminations };

// A history read as asked, text as given ("" for not given).
struct HistoryQuery {
  std::string organization;
  std::string party;
  std::string from;  // YYYY-MM-DD, recorded on or after (UTC)
  std::string to;    // YYYY-MM-DD, recorded on or before (UTC)
  std::string outcome;
  std::string limit;
  std::string offset;
  std::string channel;  // screenings only: one of kChannels
};

// Checks and converts a query into a store filter; `flag` prefixes the field in
// messages ("--" for the CLI, "" for the API), and `bad_field`, when given, gets the
// field at fault. Outcomes: a screening's "hit", "review", "no_hit" or
// "nothing_screened"; a determination's decision (any case). The channel filters
// screenings only (a determination has none: it is refused there). The limit defaults to
// `default_limit` and may not exceed `max_limit`.
Result<storage::HistoryFilter> ParseHistoryFilter(const HistoryQuery& query, Kind kind,
                                                  std::int64_t default_limit,
                                                  std::int64_t max_limit, const std::string& flag,
                                                  std::string* bad_field = nullptr);

// Who sees which records, the strictest rule the existing access allows
// (licensing/license_access.h): an applicant only its own organization's (asking for
// another's is refused); an agency user none (agencies see the applications referred
// to them, 15 CFR 750.4(d), not exporters' screenings); reviewers, oversight, admins
// and the system everything; `viewer` null is the CLI's operator, who holds the
// database and sees everything. Limits `filter` accordingly.
Status RestrictToViewer(const licensing::User* viewer, storage::HistoryFilter& filter);

// The records and the page: {screenings|determinations: [...], limit, offset,
// next_offset (absent on the last page)}.
nlohmann::json ScreeningsJson(const std::vector<storage::ScreeningRecord>& records,
                              const storage::HistoryFilter& filter);
nlohmann::json DeterminationsJson(const std::vector<storage::DeterminationRecord>& records,
                                  const storage::HistoryFilter& filter);
// CSV with a header; every cell formula-safe (common/csv_writer.h).
std::string ScreeningsCsv(const std::vector<storage::ScreeningRecord>& records);
std::string DeterminationsCsv(const std::vector<storage::DeterminationRecord>& records);

// The UTC timestamp before which records are pruned: `today` less `years` (29 February
// becomes the 28th). kInvalidArgument for fewer than five years (15 CFR 762.6(a)).
Result<std::string> RetentionCutoff(Date today, int years);

// Prunes what was recorded before `cutoff` (RetentionCutoff, or a date's midnight) with
// its audit record (storage::Store::PruneHistory).
Result<storage::PruneCount> Prune(storage::Store& store, const std::string& cutoff,
                                  const std::string& reason, const storage::ChangeStamp& stamp);

// The server's retention at start: prunes what was recorded before
// RetentionCutoff(today, years) when there is any (with its audit record, as Prune),
// and answers what it pruned; nullopt, writing nothing, when nothing is that old.
Result<std::optional<storage::PruneCount>> PruneExpired(storage::Store& store, Date today,
                                                        int years,
                                                        const storage::ChangeStamp& stamp);

}  // namespace tollgate::history

// The 2019 replay behind `tollgate demo replay-2019`: the Huawei license applications of
// 21 May to 20 Nov 2019, driven through the licensing Workflow by simulated users at a
// FixedClock, so that the reports show the shape the news reported (DOMAIN.md §1:
// about 300 requests, about half processed, about half of those approved and the
// others sent notices of intent to deny) because the simulated reviews produce it.
// No outcome figure is written in; the inputs are:
//
//   the stream      `synthetic_applications` SYNTHETIC applications from synthetic US
//                   exporters (replay/synthetic_stream.h), plus Microsoft's real request
//                   for mass-market software (5D992.c) to Huawei Technologies Co., Ltd.
//                   (its filing date, quantities and values are not public: drawn and
//                   illustrative, and its documents say so)
//   the reviewers   a policy reading the form (replay/reviewer_policy.h); each agency
//                   agrees with it except for a 6% chance of dissent, which goes to the
//                   Operating Committee (EO 12981 §6)
//   the delays      registration 0-3 days after filing (3% returned without action
//                   instead); referral a log-normal delay (median 5 days); each agency's
//                   recommendation log-normal (median 18 days), silent after 30 (EO
//                   12981 §5); 2% withdrawn by the applicant at a random time
//   the hold        no decision before 18 Nov 2019, when the Commerce Department started
//                   granting licenses and sending intent-to-deny letters "this week"
//                   (seeds: Bloomberg, 21 Nov 2019; Reuters, 20 Nov 2019); from then on
//                   each application ready for a decision waits an exponential delay
//                   (mean 3.5 days) for it
//   after a notice  the applicant responds within the 20 days (§750.6) with
//                   probability 0.6; otherwise the notice becomes a denial
//   Microsoft       approved on 20 Nov 2019 (public record: Microsoft's statement)
//
// Steps dated after `last_day` are not taken: the database ends as it stood that day.
//
// Thread-safety: as the Store: one thread.
// Failure: kInvalidArgument when the store already holds organizations (the replay
// needs a new database); the Store's and the Workflow's errors otherwise, naming the
// application and the step (a failure there is a bug in the simulation).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/licensing/clock.h"
#include "tollgate/licensing/criteria.h"
#include "tollgate/storage/store.h"

namespace tollgate::replay {

struct ReplayOptions {
  std::uint64_t seed = 2019;
  int synthetic_applications = 299;
  Date first_day = Date::FromYmd(2019, 5, 21).value();  // 84 FR 22961 published
  Date last_day = Date::FromYmd(2019, 11, 20).value();
  // The Entity List file imported (as of 2019-05-16) before the replay, so that
  // screening and `tollgate check` see Huawei listed; unset: none.
  std::optional<std::filesystem::path> entity_list;
};

struct ReplayResult {
  int organizations = 0;
  int applications = 0;  // filed by last_day, Microsoft's included
  int steps = 0;         // transitions taken, submissions included
  std::string microsoft_control_number;
  std::string reviewer;  // a synthetic BIS reviewer's user name, for the reports
};

// The shipped extract of the 2019 Entity List (data/lists/huawei_entity_list_2019.csv
// of the data folder, common/data_dir.h).
Result<std::filesystem::path> ShippedEntityList2019();

Result<ReplayResult> RunReplay2019(storage::Store& store, licensing::FixedClock& clock,
                                   const licensing::CriteriaCatalog& catalog,
                                   const ReplayOptions& options = {});

}  // namespace tollgate::replay

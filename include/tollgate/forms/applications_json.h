// The JSON forms of license applications, their timelines, deadlines and recorded
// screening matches: one serializer shared by `tollgate applications ... --json` and
// the server's /api/applications routes, so both answer in the same shape.
//
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "tollgate/licensing/application.h"
#include "tollgate/licensing/clocks.h"
#include "tollgate/storage/store.h"

namespace tollgate::forms {

// {application, timeline: [{seq, on, recorded_at, from, to, event}], due: [deadline]}
nlohmann::json ApplicationJson(const licensing::Application& application,
                               const std::vector<storage::TimelineEntry>& timeline,
                               const std::vector<licensing::Deadline>& due);
// A screening match recorded with an application.
nlohmann::json ScreeningMatchJson(const storage::ScreeningMatchRecord& match);
nlohmann::json DeadlineJson(const licensing::Deadline& deadline);

}  // namespace tollgate::forms

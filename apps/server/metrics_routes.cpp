// GET /metrics: the request figures RequestMetrics gathered, and the state of the
// installation read at the scrape (metrics.h says who may read it and why).
#include <cstdio>
#include <tuple>

#include "metrics.h"
#include "routes.h"
#include "tollgate/reports/operations.h"

namespace tollgate::server {
namespace {

using licensing::Role;

void Family(std::string& out, const std::string& name, const std::string& type,
            const std::string& help) {
  out += "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

void Sample(std::string& out, const std::string& name, const std::string& labels, double value) {
  char number[32];
  std::snprintf(number, sizeof number, "%.9g", value);
  out += name + (labels.empty() ? "" : "{" + labels + "}") + " " + number + "\n";
}

ApiResponse Metrics(ServerState& state, storage::Store& store, const Caller* caller,
                    const ApiRequest&) {
  // No caller: a loopback client (routes.h, Access::kLoopbackOrUser).
  if (caller != nullptr) {
    if (auto denied = RequireRole(*caller, {Role::kOversight, Role::kAdmin})) {
      return ErrorResponse(*denied);
    }
  }
  const Date today = state.clock().Today();
  auto operations = reports::TakeOperations(store, today);
  if (!operations.ok()) return ErrorResponse(FromError(operations.error()));
  auto in_force = state.indexes().ForDate(store, today);
  if (!in_force.ok()) return ErrorResponse(FromError(in_force.error()));

  std::string out = state.metrics().Render();
  const auto& indexes = state.indexes();
  Family(out, "tollgate_screening_index_entries", "gauge",
         "List entries in the screening index of the lists in force today.");
  Sample(out, "tollgate_screening_index_entries", "",
         static_cast<double>(in_force->index->Stats().entries));
  Family(out, "tollgate_screening_index_cache_bytes", "gauge",
         "Bytes of the screening indexes kept (--index-cache-mb bounds them).");
  Sample(out, "tollgate_screening_index_cache_bytes", "",
         static_cast<double>(indexes.cached_bytes()));
  Family(out, "tollgate_screening_indexes_cached", "gauge",
         "Screening indexes kept, one per set of list versions in force.");
  Sample(out, "tollgate_screening_indexes_cached", "", static_cast<double>(indexes.cached()));
  Family(out, "tollgate_screening_index_builds_total", "counter",
         "Screening indexes built since the server started.");
  Sample(out, "tollgate_screening_index_builds_total", "", static_cast<double>(indexes.builds()));
  Family(out, "tollgate_screening_index_build_seconds_total", "counter",
         "Seconds spent loading entries and building screening indexes.");
  Sample(out, "tollgate_screening_index_build_seconds_total", "", indexes.build_seconds_total());
  Family(out, "tollgate_screening_index_last_build_seconds", "gauge",
         "Seconds the last screening index build took.");
  Sample(out, "tollgate_screening_index_last_build_seconds", "", indexes.last_build_seconds());

  // The parties' index of the continuous re-screening (alerts/rescreen.h): a list
  // import that finds it current re-uses it; a change of any party master, by any
  // process on the database, has the next import build it again.
  const auto& party_index = state.party_index();
  for (const auto& [name, type, help, value] :
       {std::tuple{"tollgate_party_index_builds_total", "counter",
                   "Indexes of the party masters built for the re-screening of list imports.",
                   party_index.builds()},
        std::tuple{"tollgate_party_index_reuses_total", "counter",
                   "List imports whose re-screening found the party index current and re-used it.",
                   party_index.reuses()},
        std::tuple{"tollgate_party_index_parties", "gauge", "Parties in the party index kept.",
                   party_index.parties()}}) {
    Family(out, name, type, help);
    Sample(out, name, "", static_cast<double>(value));
  }

  Family(out, "tollgate_list_version_entries", "gauge",
         "Entries of each list version in force today, by feed, version id and as-of date.");
  for (const auto& v : operations->lists_in_force) {
    Sample(out, "tollgate_list_version_entries",
           "feed=\"" + LabelValue(v.feed) + "\",version=\"" + std::to_string(v.id) + "\",as_of=\"" +
               v.as_of.ToString() + "\"",
           static_cast<double>(v.entry_count));
  }
  Family(out, "tollgate_list_versions_in_force", "gauge", "List versions in force today.");
  Sample(out, "tollgate_list_versions_in_force", "",
         static_cast<double>(operations->lists_in_force.size()));
  Family(out, "tollgate_applications", "gauge", "License applications by state.");
  for (const auto& [name, count] : operations->applications_by_state) {
    Sample(out, "tollgate_applications", "state=\"" + name + "\"", static_cast<double>(count));
  }
  Family(out, "tollgate_deadlines_overdue", "gauge",
         "Statutory deadlines overdue today, by kind (15 CFR 750.4, 750.6; EO 12981).");
  for (const auto& [name, count] : operations->overdue_by_deadline) {
    Sample(out, "tollgate_deadlines_overdue", "deadline=\"" + name + "\"",
           static_cast<double>(count));
  }
  ApiResponse response;
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.body = std::move(out);
  return response;
}

}  // namespace

void AddMetricsRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/metrics", Access::kLoopbackOrUser, Metrics});
}

}  // namespace tollgate::server

// Health, readiness and the OpenAPI document; the table of all routes.
#include <fstream>
#include <sstream>

#include "routes.h"

namespace tollgate::server {
namespace {

ApiResponse Health(ServerState&, storage::Store&, const Caller*, const ApiRequest&) {
  return Json({{"status", "ok"}});
}

// Ready when the store answers and the index of the lists in force today is built.
ApiResponse Ready(ServerState& state, storage::Store& store, const Caller*, const ApiRequest&) {
  auto in_force = state.indexes().ForDate(store, state.clock().Today());
  if (!in_force.ok()) {
    auto response = ErrorResponse(FromError(in_force.error()));
    response.status = 503;
    return response;
  }
  return Json({{"status", "ready"},
               {"lists_in_force", in_force->versions.size()},
               {"entries_indexed", in_force->index->Stats().entries}});
}

ApiResponse OpenApi(ServerState& state, storage::Store&, const Caller*, const ApiRequest&) {
  std::ifstream in(state.options().openapi_path, std::ios::binary);
  if (!in) return ErrorResponse(FromError(MakeError(ErrorCode::kIoError, "no openapi.json")));
  std::stringstream text;
  text << in.rdbuf();
  ApiResponse response;
  response.body = text.str();
  return response;
}

}  // namespace

void AddSystemRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/healthz", Access::kPublic, Health});
  routes.push_back({"GET", "/readyz", Access::kPublic, Ready});
  routes.push_back({"GET", "/openapi.json", Access::kPublic, OpenApi});
}

std::vector<Route> AllRoutes() {
  std::vector<Route> routes;
  AddSystemRoutes(routes);
  AddAuthRoutes(routes);
  AddAdminRoutes(routes);
  AddScreeningRoutes(routes);
  AddEccnRoutes(routes);
  AddListsRoutes(routes);
  AddApplicationsRoutes(routes);
  AddLicensesRoutes(routes);
  AddPartiesRoutes(routes);
  AddAlertsRoutes(routes);
  AddWebhooksRoutes(routes);
  AddGeneralLicensesRoutes(routes);
  AddReportsRoutes(routes);
  AddAuditRoutes(routes);
  AddHistoryRoutes(routes);
  AddMetricsRoutes(routes);
  return routes;
}

}  // namespace tollgate::server

// The server's routes: method, path template ("/api/applications/{acn}"), whether a
// user must be authenticated, and the handler. Each area registers its own (one file
// per area); http_server.cpp turns the table into cpp-httplib routes and
// `tollgate serve --list-routes` prints it (the OpenAPI test compares the two).
//
// Thread-safety: the table is built once; handlers run on request threads with the
// Store leased to that thread.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "api.h"
#include "server_state.h"

namespace tollgate::server {

enum class Access {
  kPublic,  // anyone (health, OpenAPI, login)
  kUser,    // an authenticated user; the handler checks the role
  // A loopback client as it is (the handler gets no caller), anyone else authenticated
  // as for kUser: /metrics, for a Prometheus agent on the same machine.
  kLoopbackOrUser,
};

using Handler = std::function<ApiResponse(ServerState& state, storage::Store& store,
                                          const Caller* caller, const ApiRequest& request)>;

struct Route {
  std::string method;  // "GET", "POST"
  std::string path;    // template with {placeholders}
  Access access = Access::kUser;
  Handler handler;
  bool upload = false;  // takes a raw file body up to ServerOptions::max_upload
};

void AddSystemRoutes(std::vector<Route>& routes);
void AddAuthRoutes(std::vector<Route>& routes);
void AddAdminRoutes(std::vector<Route>& routes);
void AddScreeningRoutes(std::vector<Route>& routes);
void AddEccnRoutes(std::vector<Route>& routes);
void AddListsRoutes(std::vector<Route>& routes);
void AddApplicationsRoutes(std::vector<Route>& routes);
void AddLicensesRoutes(std::vector<Route>& routes);
void AddPartiesRoutes(std::vector<Route>& routes);
void AddAlertsRoutes(std::vector<Route>& routes);
void AddWebhooksRoutes(std::vector<Route>& routes);
void AddGeneralLicensesRoutes(std::vector<Route>& routes);
void AddReportsRoutes(std::vector<Route>& routes);
void AddAuditRoutes(std::vector<Route>& routes);
void AddHistoryRoutes(std::vector<Route>& routes);
void AddMetricsRoutes(std::vector<Route>& routes);

std::vector<Route> AllRoutes();

// Finds the user behind a bearer token or a session cookie; for a cookie on a request
// other than GET, also checks the X-CSRF-Token header. 401 without (valid)
// credentials, 403 for a missing or wrong CSRF token.
struct Credentials {
  std::string authorization;  // "Bearer ..." header
  std::string cookie;         // Cookie header
  std::string csrf;           // X-CSRF-Token header
};
std::optional<ApiError> Authenticate(ServerState& state, storage::Store& store,
                                     const std::string& method, const Credentials& credentials,
                                     Caller& caller);

}  // namespace tollgate::server

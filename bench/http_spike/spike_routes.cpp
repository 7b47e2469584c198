#include "spike_routes.h"

#include <cstdlib>
#include <iostream>
#include <memory>

#include "../../apps/server/server.h"
#include "tollgate/history/answer_text.h"
#include "tollgate/rules/transaction.h"

namespace tollgate::server::spike {

SpikeRoutes::SpikeRoutes(ServerState& state) : state_(state) {
  for (auto& route : AllRoutes()) {
    if ((route.method == "GET" && (route.path == "/healthz" || route.path == "/api/screen")) ||
        (route.method == "POST" && route.path == "/api/check")) {
      routes_.push_back(std::move(route));
    }
  }
  // The peers of the recording overhead (bench/recording_overhead_bench.sh): the work of
  // GET /api/screen and POST /api/check up to the answer, without storing it. They read
  // only what the bench sends (name and as_of; a valid transaction) and skip the real
  // handlers' checks of other fields, so they do a little less than the real routes and
  // the overhead they show is an upper bound.
  routes_.push_back(
      {"GET", "/bench/screen-unrecorded", Access::kUser,
       [](ServerState& state, storage::Store& store, const Caller*, const ApiRequest& request) {
         screening::Query query;
         query.name = Query(request, "name");
         auto as_of = Date::Parse(Query(request, "as_of"));
         if (!as_of.ok()) return ErrorResponse(FromError(as_of.error()));
         query.as_of = *as_of;
         auto in_force = state.indexes().ForDate(store, *as_of);
         if (!in_force.ok()) return ErrorResponse(FromError(in_force.error()));
         const auto matches = in_force->index->Screen(query);
         // Written as GET /api/screen writes its answer, less the record.
         ApiResponse response;
         response.body = history::AnswerScreening(*as_of, in_force->versions, matches).Text(0);
         return response;
       }});
  routes_.push_back(
      {"POST", "/bench/check-unrecorded", Access::kUser,
       [](ServerState& state, storage::Store&, const Caller* caller, const ApiRequest& request) {
         auto body = ParseBody(request);
         if (!body.ok()) return ErrorResponse(FromError(body.error()));
         auto tx = rules::TransactionFromJson(*body);
         if (!tx.ok()) return ErrorResponse(FromError(tx.error()));
         auto determination = state.engine().Determine(std::move(*tx), caller->user);
         if (!determination.ok()) {
           return ErrorResponse(FromError(determination.error()));
         }
         // Written as POST /api/check writes its answer, less the record.
         ApiResponse response;
         response.body = history::AnswerCheck(*determination).Text(0);
         return response;
       }});
}

ApiResponse SpikeRoutes::Answer(const std::string& method, const std::string& path,
                                const httplib::Params& query, const std::string& authorization,
                                std::string body, const std::string& remote) {
  const Route* route = nullptr;
  for (const auto& r : routes_) {
    if (r.method == method && r.path == path) route = &r;
  }
  if (route == nullptr) {
    return ErrorResponse({MakeError(ErrorCode::kNotFound, "no route for " + method + " " + path),
                          "", 404, "no_route"});
  }
  auto store = state_.stores().Acquire();
  if (!store.ok()) return ErrorResponse(FromError(store.error()));
  Caller caller;
  const Caller* who = nullptr;
  if (route->access != Access::kPublic) {
    if (auto denied = Authenticate(state_, **store, method, {authorization, "", ""}, caller)) {
      return ErrorResponse(*denied);
    }
    who = &caller;
  }
  ApiRequest api;
  api.method = method;
  api.path = path;
  for (const auto& [key, value] : query) api.query.emplace(key, value);
  api.body = std::move(body);
  api.remote = remote;
  return route->handler(state_, **store, who, api);
}

ServerState& OpenOrExit(const std::string& db_url) {
  ServerOptions options;
  options.db_url = db_url;
  options.rate_limit = 0;
  auto state = OpenServerState(options, std::cout);
  if (!state.ok()) {
    std::cerr << "spike: " << state.error().message << "\n";
    std::exit(1);
  }
  return *state->release();  // lives as long as the process
}

}  // namespace tollgate::server::spike

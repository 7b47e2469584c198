// The oversight reports over HTTP, as `tollgate report stats|criteria`: the same
// library computation (reports/) and the CLI's JSON and CSV renderers. The statistics
// are aggregates; the criteria report withholds what the viewer may not see.
#include <sstream>

#include "routes.h"
#include "tollgate/forms/report_render.h"
#include "tollgate/reports/criteria_report.h"
#include "tollgate/reports/history.h"
#include "tollgate/reports/stats.h"

namespace tollgate::server {
namespace {

using licensing::Role;

std::optional<ApiError> Format(const ApiRequest& request, forms::ReportFormat& out) {
  const std::string name = Query(request, "format");
  if (name.empty() || name == "json") {
    out = forms::ReportFormat::kJson;
  } else if (name == "csv") {
    out = forms::ReportFormat::kCsv;
  } else {
    return Invalid("format", "json or csv");
  }
  return std::nullopt;
}

std::optional<ApiError> DateParam(const ApiRequest& request, const char* name,
                                  std::optional<Date>& out) {
  const std::string text = Query(request, name);
  if (text.empty()) return std::nullopt;
  auto date = Date::Parse(text);
  if (!date.ok()) return Invalid(name, date.error().message);
  out = *date;
  return std::nullopt;
}

ApiResponse Rendered(forms::ReportFormat format, const std::string& body, const char* name) {
  ApiResponse response;
  response.body = body;
  if (format == forms::ReportFormat::kCsv) {
    response.content_type = "text/csv";
    response.headers.emplace_back("Content-Disposition",
                                  std::string("attachment; filename=\"") + name + ".csv\"");
  }
  return response;
}

ApiResponse Stats(ServerState& state, storage::Store& store, const Caller* caller,
                  const ApiRequest& request) {
  if (auto denied = RequireRole(*caller, {Role::kOversight, Role::kReviewer, Role::kAdmin})) {
    return ErrorResponse(*denied);
  }
  forms::ReportFormat format;
  if (auto e = Format(request, format)) return ErrorResponse(*e);
  std::optional<Date> as_of;
  if (auto e = DateParam(request, "as_of", as_of)) return ErrorResponse(*e);
  auto histories = reports::LoadHistories(store);
  if (!histories.ok()) return ErrorResponse(FromError(histories.error()));
  std::ostringstream out;
  forms::RenderStats(reports::ComputeStats(*histories, as_of.value_or(state.clock().Today())),
                     format, out);
  return Rendered(format, out.str(), "stats");
}

ApiResponse Criteria(ServerState& state, storage::Store& store, const Caller* caller,
                     const ApiRequest& request) {
  if (auto denied = RequireRole(*caller, {Role::kOversight, Role::kReviewer, Role::kAdmin})) {
    return ErrorResponse(*denied);
  }
  forms::ReportFormat format;
  if (auto e = Format(request, format)) return ErrorResponse(*e);
  std::optional<Date> from, to;
  if (auto e = DateParam(request, "from", from)) return ErrorResponse(*e);
  if (auto e = DateParam(request, "to", to)) return ErrorResponse(*e);
  const Date until = to.value_or(state.clock().Today());
  if (from && *from > until) {
    return ErrorResponse(Invalid("from", from->ToString() + " is after to " + until.ToString()));
  }
  auto histories = reports::LoadHistories(store);
  if (!histories.ok()) return ErrorResponse(FromError(histories.error()));
  std::ostringstream out;
  forms::RenderCriteriaReport(
      reports::ComputeCriteriaReport(*histories, caller->user, state.catalog(), from, until),
      format, out);
  return Rendered(format, out.str(), "criteria");
}

}  // namespace

void AddReportsRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/reports/stats", Access::kUser, Stats});
  routes.push_back({"GET", "/api/reports/criteria", Access::kUser, Criteria});
}

}  // namespace tollgate::server

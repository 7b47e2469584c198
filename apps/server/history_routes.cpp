// The history of answers over HTTP (issue 15, item 6), as `tollgate history`: the same
// library filter, access rule and JSON or CSV (history/history.h). ?format=csv is the
// export an auditor keeps.
#include "routes.h"
#include "tollgate/history/history.h"

namespace tollgate::server {
namespace {

// A page is at most this many records; export more by paging (offset).
constexpr std::int64_t kDefaultLimit = 100;
constexpr std::int64_t kMaxLimit = 1000;

std::optional<ApiError> Filter(const Caller& caller, const ApiRequest& request, history::Kind kind,
                               storage::HistoryFilter& out) {
  history::HistoryQuery query{Query(request, "org"),     Query(request, "party"),
                              Query(request, "from"),    Query(request, "to"),
                              Query(request, "outcome"), Query(request, "limit"),
                              Query(request, "offset"),  Query(request, "channel")};
  std::string field;
  auto filter = history::ParseHistoryFilter(query, kind, kDefaultLimit, kMaxLimit, "", &field);
  if (!filter.ok()) return FromError(filter.error(), field);
  if (auto s = history::RestrictToViewer(&caller.user, *filter); !s.ok()) {
    return FromError(s.error());
  }
  out = std::move(filter).value();
  return std::nullopt;
}

std::optional<ApiError> CsvWanted(const ApiRequest& request, bool& csv) {
  const std::string format = Query(request, "format");
  if (format.empty() || format == "json") {
    csv = false;
  } else if (format == "csv") {
    csv = true;
  } else {
    return Invalid("format", "json or csv");
  }
  return std::nullopt;
}

ApiResponse Csv(std::string body, const char* name) {
  ApiResponse response;
  response.content_type = "text/csv";
  response.body = std::move(body);
  response.headers.emplace_back("Content-Disposition",
                                std::string("attachment; filename=\"") + name + ".csv\"");
  return response;
}

ApiResponse Screenings(ServerState&, storage::Store& store, const Caller* caller,
                       const ApiRequest& request) {
  bool csv = false;
  if (auto e = CsvWanted(request, csv)) return ErrorResponse(*e);
  storage::HistoryFilter filter;
  if (auto e = Filter(*caller, request, history::Kind::kScreenings, filter)) {
    return ErrorResponse(*e);
  }
  auto records = store.FindScreenings(filter);
  if (!records.ok()) return ErrorResponse(FromError(records.error()));
  if (csv) return Csv(history::ScreeningsCsv(*records), "screenings");
  return Json(history::ScreeningsJson(*records, filter));
}

ApiResponse Determinations(ServerState&, storage::Store& store, const Caller* caller,
                           const ApiRequest& request) {
  bool csv = false;
  if (auto e = CsvWanted(request, csv)) return ErrorResponse(*e);
  storage::HistoryFilter filter;
  if (auto e = Filter(*caller, request, history::Kind::kDeterminations, filter)) {
    return ErrorResponse(*e);
  }
  auto records = store.FindDeterminations(filter);
  if (!records.ok()) return ErrorResponse(FromError(records.error()));
  if (csv) return Csv(history::DeterminationsCsv(*records), "determinations");
  return Json(history::DeterminationsJson(*records, filter));
}

}  // namespace

void AddHistoryRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/history/screenings", Access::kUser, Screenings});
  routes.push_back({"GET", "/api/history/determinations", Access::kUser, Determinations});
}

}  // namespace tollgate::server

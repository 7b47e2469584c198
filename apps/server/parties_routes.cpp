// The party master over HTTP, as `tollgate parties import|list|show|remove --json`.
// Only an applicant works on a master, its own organization's (parties/access.h):
// another role gets 403, and another organization's party is "not found" (404) like
// one that does not exist, as for licenses.
#include "routes.h"
#include "tollgate/parties/access.h"
#include "tollgate/parties/import.h"
#include "tollgate/parties/party_file.h"
#include "tollgate/parties/party_page.h"

namespace tollgate::server {
namespace {

Result<std::string> MasterOf(const Caller& caller) {
  return parties::MasterOf(caller.user, std::nullopt);
}

nlohmann::json SummaryJson(const std::string& organization, const parties::ImportSummary& s) {
  nlohmann::json with_hits = nlohmann::json::array();
  for (const auto& p : s.with_hits) with_hits.push_back(parties::ToJson(p));
  return {{"organization", organization}, {"added", s.added},          {"changed", s.changed},
          {"unchanged", s.unchanged},     {"lists_searched", s.lists}, {"with_hits", with_hits}};
}

// Screens and stores, all or nothing; 201 when something was added or changed.
ApiResponse Import(ServerState& state, storage::Store& store, const Caller& caller,
                   const std::string& organization, std::vector<parties::Party> given) {
  const storage::ChangeStamp stamp{licensing::Describe(licensing::ActorFor(caller.user)),
                                   state.clock().Timestamp()};
  auto summary = parties::ImportParties(store, state.engine(), organization, std::move(given),
                                        stamp, state.clock().Today(), {},
                                        state.rules().list_rules.screening().review_threshold);
  if (!summary.ok()) return ErrorResponse(FromError(summary.error()));
  return Json(SummaryJson(organization, *summary),
              summary->added + summary->changed > 0 ? 201 : 200);
}

// ?q=&show=all|hits|open&page=&per_page=: one page, by external id, each party with
// its open alerts; `total` counts the filter's parties, `master_total` the master's.
Result<parties::PageFilter> PageFilterOf(const ApiRequest& request, std::string organization) {
  parties::PageFilter filter;
  filter.organization = std::move(organization);
  filter.text = Query(request, "q");
  auto show = parties::ParseShow(Query(request, "show"));
  if (!show.ok()) return show.error();
  filter.show = *show;
  if (auto paging = ReadPaging(request, filter.page, filter.per_page); !paging.ok()) {
    return paging.error();
  }
  if (auto s = parties::ValidatePageFilter(filter); !s.ok()) return s.error();
  return filter;
}

ApiResponse List(ServerState&, storage::Store& store, const Caller* caller,
                 const ApiRequest& request) {
  auto organization = MasterOf(*caller);
  if (!organization.ok()) return ErrorResponse(FromError(organization.error()));
  auto filter = PageFilterOf(request, *organization);
  if (!filter.ok()) {
    return ErrorResponse(FromError(filter.error(), FieldOf(filter.error().message)));
  }
  auto page = store.ListPartyPage(*filter);
  if (!page.ok()) return ErrorResponse(FromError(page.error()));
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < page->parties.size(); ++i) {
    nlohmann::json party = parties::ToJson(page->parties[i]);
    party["open_alerts"] = page->open_alerts[i];
    out.push_back(std::move(party));
  }
  return Json({{"organization", *organization},
               {"total", page->total},
               {"master_total", page->master_total},
               {"page", filter->page},
               {"per_page", filter->per_page},
               {"parties", out}});
}

ApiResponse Show(ServerState&, storage::Store& store, const Caller* caller,
                 const ApiRequest& request) {
  auto organization = MasterOf(*caller);
  if (!organization.ok()) return ErrorResponse(FromError(organization.error()));
  auto party = store.GetParty(*organization, request.path_params.at(0));
  if (!party.ok()) return ErrorResponse(FromError(party.error()));
  return Json(parties::ToJson(*party));
}

// {"parties": [...]} or one party object.
ApiResponse Upsert(ServerState& state, storage::Store& store, const Caller* caller,
                   const ApiRequest& request) {
  auto organization = MasterOf(*caller);
  if (!organization.ok()) return ErrorResponse(FromError(organization.error()));
  auto body = ParseBody(request);
  if (!body.ok()) return ErrorResponse(FromError(body.error()));
  const bool bulk = body->contains("parties");
  if (bulk && (body->size() != 1 || !(*body)["parties"].is_array())) {
    return ErrorResponse(Invalid("parties", "expected {\"parties\": [...]} or one party"));
  }
  std::vector<parties::Party> given;
  const nlohmann::json& items = bulk ? (*body)["parties"] : *body;
  for (std::size_t i = 0; i < (bulk ? items.size() : 1); ++i) {
    auto party = parties::PartyFromJson(bulk ? items[i] : items);
    if (!party.ok()) {
      const std::string prefix = bulk ? "parties/" + std::to_string(i) + "/" : "";
      const std::string field = prefix + FieldOf(party.error().message);
      return ErrorResponse(Invalid(field, prefix + party.error().message));
    }
    given.push_back(std::move(party).value());
  }
  return Import(state, store, *caller, *organization, std::move(given));
}

// A whole party file (CSV or JSON) as the body, or as the multipart part "file";
// ?name= (or the part's file name) names it in messages and tells CSV from JSON.
ApiResponse Upload(ServerState& state, storage::Store& store, const Caller* caller,
                   const ApiRequest& request) {
  auto organization = MasterOf(*caller);
  if (!organization.ok()) return ErrorResponse(FromError(organization.error()));
  std::string name = Query(request, "name");
  const std::string* bytes = &request.body;
  if (request.multipart) {
    bytes = nullptr;
    for (const auto& part : request.parts) {
      if (part.field == "file") {
        bytes = &part.bytes;
        if (name.empty()) name = part.name;
      }
    }
    if (bytes == nullptr) return ErrorResponse(Invalid("body", "no part named file"));
  }
  if (bytes->empty()) return ErrorResponse(Invalid("body", "the party file is empty"));
  // Only the base name the client gave: it is quoted in messages.
  name = name.substr(name.find_last_of('/') == std::string::npos ? 0 : name.find_last_of('/') + 1);
  auto given = parties::ParseParties(*bytes, name.empty() ? "upload" : name);
  if (!given.ok()) {
    // "FILE:LINE: field NAME: ..." -> NAME
    const std::string& message = given.error().message;
    const auto at = message.find(": field ");
    std::string field;
    if (at != std::string::npos) {
      const auto start = at + 8;
      field = message.substr(start, message.find(": ", start) - start);
    }
    return ErrorResponse(FromError(given.error(), field));
  }
  return Import(state, store, *caller, *organization, std::move(given).value());
}

ApiResponse Remove(ServerState& state, storage::Store& store, const Caller* caller,
                   const ApiRequest& request) {
  auto organization = MasterOf(*caller);
  if (!organization.ok()) return ErrorResponse(FromError(organization.error()));
  const std::string& external_id = request.path_params.at(0);
  const storage::ChangeStamp stamp{licensing::Describe(licensing::ActorFor(caller->user)),
                                   state.clock().Timestamp()};
  if (auto s = store.RemoveParty(*organization, external_id, stamp); !s.ok()) {
    return ErrorResponse(FromError(s.error()));
  }
  return Json({{"organization", *organization}, {"removed", external_id}});
}

}  // namespace

void AddPartiesRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/parties", Access::kUser, List});
  routes.push_back({"POST", "/api/parties", Access::kUser, Upsert});
  routes.push_back({"POST", "/api/parties/upload", Access::kUser, Upload, /*upload=*/true});
  routes.push_back({"GET", "/api/parties/{external_id}", Access::kUser, Show});
  routes.push_back({"POST", "/api/parties/{external_id}/remove", Access::kUser, Remove});
}

}  // namespace tollgate::server

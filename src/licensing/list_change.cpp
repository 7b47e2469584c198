#include "tollgate/licensing/list_change.h"

#include "tollgate/alerts/rescreen.h"
#include "tollgate/licensing/clock.h"
#include "tollgate/rules/determination.h"
#include "tollgate/storage/unit_of_work.h"

namespace tollgate::licensing {
namespace {

void AddParty(std::vector<rules::Party>& parties, rules::PartyRole role,
              const std::optional<Party>& party) {
  if (party && !party->name.empty()) parties.push_back({role, party->name, party->country});
}

// The rules and an engine over `store`, loaded on first use: an import into a store
// with neither open applications nor parties never loads them.
class LazyEngine {
 public:
  LazyEngine(storage::Store& store, const RulesLoader& rules) : store_(store), rules_(rules) {}
  Result<std::shared_ptr<rules::Engine>> Get() {
    if (engine_) return engine_;
    auto loaded = rules_();
    if (!loaded.ok()) return loaded.error();
    loaded_ = std::move(loaded).value();
    engine_ = std::make_shared<rules::Engine>(loaded_, store_);
    return engine_;
  }
  const rules::RuleSet& rules() const { return *loaded_; }

 private:
  storage::Store& store_;
  const RulesLoader& rules_;
  std::shared_ptr<const rules::RuleSet> loaded_;
  std::shared_ptr<rules::Engine> engine_;
};

// Screens the open applications against the lists in force on `on`, through `store`
// (inside the caller's unit, so the version being imported is among them).
Result<std::size_t> RescreenOpen(storage::Store& store, Date on, const std::string& reason,
                                 LazyEngine& engine) {
  auto applications = store.ListApplications();
  if (!applications.ok()) return applications.error();
  bool any_open = false;
  for (const auto& a : *applications) {
    any_open = any_open || (a.state != ApplicationState::kDraft && !IsFinal(a.state));
  }
  if (!any_open) return std::size_t{0};
  auto shared = engine.Get();
  if (!shared.ok()) return shared.error();
  SystemClock clock;
  CriteriaCatalog no_criteria;  // re-screening decides nothing
  Workflow workflow(store, clock, no_criteria);
  workflow.UseScreener(ScreenerFor(*shared));
  return workflow.RescreenOpen(on, reason);
}

// Screens the party masters against what `version` changed (alerts/rescreen.h), when
// any party was ever stored.
Status RescreenParties(storage::Store& store, const storage::ListVersion& version,
                       LazyEngine& engine, const std::string& actor, lists::ImportReport& report,
                       alerts::PartyIndexCache* party_index) {
  auto revision = store.PartyMasterRevision();
  if (!revision.ok()) return revision.error();
  if (*revision == 0) return {};
  auto shared = engine.Get();
  if (!shared.ok()) return shared.error();
  SystemClock clock;
  auto done = alerts::RescreenParties(store, **shared, engine.rules(), version,
                                      {actor, clock.Timestamp()}, party_index);
  if (!done.ok()) return done.error();
  report.alerts_opened = static_cast<std::size_t>(done->opened);
  report.alerts_reopened = static_cast<std::size_t>(done->reopened);
  report.alerts_closed = static_cast<std::size_t>(done->closed);
  return {};
}

Result<lists::ImportReport> ImportWithReason(storage::Store& store,
                                             const std::filesystem::path& path,
                                             const lists::ImportOptions& options,
                                             const RulesLoader& rules, const std::string& use,
                                             bool name_feed, alerts::PartyIndexCache* party_index) {
  // Read and validated before the write lock is taken: a large file's parse does not
  // hold up the other writers.
  auto prepared = lists::PrepareImport(path, options);
  if (!prepared.ok()) return prepared.error();
  auto unit = storage::UnitOfWork::Begin(store);
  if (!unit.ok()) return unit.error();
  auto report = lists::StoreImport(store, std::move(prepared).value(), options);
  if (!report.ok()) return report.error();
  if (report->unchanged) return report;
  const storage::ListVersion& v = report->version;
  const std::string reason =
      use + (name_feed ? " " + v.feed : std::string()) + " as of " + v.as_of.ToString();
  LazyEngine engine(store, rules);
  auto recorded = RescreenOpen(store, v.as_of, reason, engine);
  if (!recorded.ok()) return recorded.error();
  report->new_matches = *recorded;
  if (auto s = RescreenParties(store, v, engine, options.actor, *report, party_index); !s.ok()) {
    return s.error();
  }
  if (auto c = unit->Commit(); !c.ok()) return c.error();
  return report;
}

}  // namespace

Workflow::PartyScreener ScreenerFor(std::shared_ptr<rules::Engine> engine) {
  return [engine](const Application& application,
                  Date date) -> Result<std::vector<storage::ScreeningMatchRecord>> {
    // Every party on the form, the applicant too (a denied exporter may not export).
    std::vector<rules::Party> parties;
    AddParty(parties, rules::PartyRole::kExporter, application.applicant);
    AddParty(parties, rules::PartyRole::kPurchaser, application.purchaser);
    AddParty(parties, rules::PartyRole::kIntermediateConsignee, application.intermediate_consignee);
    AddParty(parties, rules::PartyRole::kUltimateConsignee, application.ultimate_consignee);
    AddParty(parties, rules::PartyRole::kEndUser, application.end_user);
    auto hits = engine->ScreenParties(parties, date);
    if (!hits.ok()) return hits.error();
    std::vector<storage::ScreeningMatchRecord> matches;
    for (const auto& hit : *hits) {
      storage::ScreeningMatchRecord match;
      match.role = rules::PartyRoleName(hit.role);
      match.party = hit.party;
      match.list = hit.list;
      match.entry_id = hit.entry_id;
      match.detail = rules::ToJson(hit);
      matches.push_back(std::move(match));
    }
    return matches;
  };
}

Result<lists::ImportReport> ImportAndRescreen(storage::Store& store,
                                              const std::filesystem::path& path,
                                              const lists::ImportOptions& options,
                                              const RulesLoader& rules,
                                              alerts::PartyIndexCache* party_index) {
  return ImportWithReason(store, path, options, rules, "lists import", /*name_feed=*/true,
                          party_index);
}

Result<lists::UpdateReport> UpdateAndRescreen(storage::Store& store,
                                              const std::vector<lists::Source>& sources,
                                              lists::UpdateOptions options,
                                              const RulesLoader& rules,
                                              alerts::PartyIndexCache* party_index) {
  options.import = [&rules, party_index](storage::Store& s, const std::filesystem::path& path,
                                         const lists::ImportOptions& import_options) {
    return ImportWithReason(s, path, import_options, rules, "lists update", /*name_feed=*/false,
                            party_index);
  };
  return lists::UpdateLists(store, sources, options);
}

}  // namespace tollgate::licensing

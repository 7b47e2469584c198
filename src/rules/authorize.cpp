#include "rules/authorize.h"

#include <algorithm>

#include "rules/join.h"

namespace tollgate::rules::internal {
namespace {

Coverage No(std::string why, std::string citation, bool check = false) {
  Coverage c;
  c.why = std::move(why);
  c.citation = std::move(citation);
  c.check = check;
  return c;
}

// "5D992" covers "5D992.c" and "5D992.c.1"; "5D992.c" covers "5D992.c" only and below.
bool EccnCovers(const std::string& licensed, const std::string& item) {
  return licensed == item ||
         (item.size() > licensed.size() && item.compare(0, licensed.size(), licensed) == 0 &&
          item[licensed.size()] == '.');
}

// The excluded group the destination belongs to on the date, or "".
std::string ExcludedGroup(const GroupExclusion& excluded, const CountryRules& country, Date date) {
  const GroupMembership* groups = country.GroupsOn(date);
  if (groups == nullptr) return "";
  for (const auto& group : excluded.groups) {
    if (groups->Contains(group)) return group;
  }
  return "";
}

}  // namespace

Coverage LicenseCovers(const licensing::License& license, const Transaction& tx, const Item& item,
                       const Classification& classification) {
  const std::string cite = "license " + license.number + " (15 CFR 750.7)";
  if (license.status != licensing::LicenseStatus::kActive) {
    return No("license " + license.number + " is " + LicenseStatusName(license.status),
              "15 CFR 750.8");
  }
  if (tx.date < license.valid_from || license.valid_until < tx.date) {
    return No("license " + license.number + " is valid " + license.valid_from.ToString() + ".." +
                  license.valid_until.ToString() + ", not on " + tx.date.ToString(),
              cite);
  }
  if (license.destination != tx.destination) {
    return No(
        "license " + license.number + " is for " + license.destination + ", not " + tx.destination,
        cite);
  }
  const licensing::LicenseItem* licensed = nullptr;
  for (const auto& candidate : license.items) {
    if (EccnCovers(candidate.eccn, classification.eccn)) {
      licensed = &candidate;
      break;
    }
  }
  if (licensed == nullptr) {
    return No("license " + license.number + " does not list " + classification.eccn, cite);
  }
  for (const auto& party : tx.parties) {
    std::string folded = licensing::FoldPartyName(party.name);
    bool named = std::any_of(license.parties.begin(), license.parties.end(), [&](const auto& p) {
      return p.role == party.role && licensing::FoldPartyName(p.name) == folded;
    });
    if (!named) {
      return No("license " + license.number + " does not name '" + party.name + "' as " +
                    PartyRoleName(party.role),
                cite);
    }
  }
  Coverage c;
  c.citation = cite;
  for (const auto& text : license.conditions) c.conditions.push_back({text, cite});
  struct Amount {
    const char* what;
    const std::optional<std::int64_t>& asked;
    const std::optional<std::int64_t>& remaining;
  };
  for (const Amount& a : {Amount{"quantity", item.quantity, licensed->remaining_quantity},
                          Amount{"value (USD)", item.value_usd, licensed->remaining_value_usd}}) {
    if (!a.remaining) continue;
    if (!a.asked) {
      // The transaction did not say; the license still applies, and the shipment must
      // draw down no more than what remains.
      c.conditions.push_back({"Ship no more than the remaining " + std::string(a.what) + " of " +
                                  std::to_string(*a.remaining) + " under license " +
                                  license.number + " for " + licensed->eccn + ".",
                              cite});
    } else if (*a.asked > *a.remaining) {
      return No("license " + license.number + " has " + std::to_string(*a.remaining) + " " +
                    a.what + " remaining for " + licensed->eccn + "; the transaction asks " +
                    std::to_string(*a.asked),
                cite);
    }
  }
  c.covers = true;
  c.why = "license " + license.number + " held by " + license.holder + " covers " +
          classification.eccn + " to " + license.destination + " for these parties, valid " +
          license.valid_from.ToString() + ".." + license.valid_until.ToString();
  return c;
}

Coverage GeneralLicenseCovers(const GeneralLicense& gl, const ScreeningHit& hit,
                              const Transaction& tx, const CountryRules& country) {
  if (!gl.AppliesToEntry(hit.list, hit.federal_register)) {
    return No(gl.name + " does not apply to " + hit.list + " entry '" + hit.entry_name + "'",
              gl.applies_source.citation);
  }
  const Window* window = gl.WindowOn(tx.date);
  if (window == nullptr) {
    const Window* last = nullptr;
    const Window* first = nullptr;
    for (const auto& w : gl.windows) {
      if (*w.in_force.to < tx.date && (last == nullptr || *last->in_force.to < *w.in_force.to))
        last = &w;
      if (tx.date < *w.in_force.from &&
          (first == nullptr || *w.in_force.from < *first->in_force.from))
        first = &w;
    }
    std::string why = gl.name + " is not in force on " + tx.date.ToString();
    std::string citation = gl.source.citation;
    if (first != nullptr && last == nullptr) {
      why += ": its first window starts " + first->in_force.from->ToString();
      citation = first->source.citation;
    } else if (last != nullptr) {
      why += ": its last window ended " + last->in_force.to->ToString();
      citation = last->source.citation;
    }
    return No(why + ". " + gl.outside_scope, citation,
              first ? first->source.check : last && last->source.check);
  }
  std::string excluded = ExcludedGroup(gl.excluded, country, tx.date);
  if (!excluded.empty()) {
    return No(gl.name + " never covers destinations in Country Group " + excluded + " (" +
                  country.name + ")",
              gl.excluded.source.citation, gl.excluded.source.check);
  }
  std::vector<std::string> in_scope;
  for (const auto& a : gl.activities) {
    if (a.effective.Contains(tx.date)) in_scope.push_back(a.activity);
  }
  if (tx.activity.empty()) {
    return No(gl.name + " (window '" + window->id + "', " + window->source.citation +
                  ") authorizes only declared activities (" + Join(in_scope, ", ") +
                  "); none was declared. " + gl.outside_scope,
              window->source.citation, window->source.check);
  }
  const ActivityWindow* activity = gl.ActivityOn(tx.activity, tx.date);
  if (activity == nullptr) {
    return No("activity '" + tx.activity + "' is outside the scope of " + gl.name + " on " +
                  tx.date.ToString() + " (in scope: " + Join(in_scope, ", ") + "). " +
                  gl.outside_scope,
              gl.source.citation + "; " + window->source.citation, window->source.check);
  }
  Coverage c;
  c.covers = true;
  c.citation = activity->source.citation + "; " + window->source.citation;
  c.check = activity->source.check || window->source.check;
  c.why = gl.name + " covers '" + tx.activity + "'" +
          (activity->scope.empty() ? "" : " (" + activity->scope + ")") + " on " +
          tx.date.ToString() + ": window '" + window->id + "' " + window->published.ToString() +
          " (" + window->source.citation + ")";
  for (const DatedCondition* condition : ConditionsOn(gl.conditions, tx.date)) {
    c.conditions.push_back({condition->text, condition->source.citation});
    c.check = c.check || condition->source.check;
  }
  return c;
}

Coverage ExceptionCovers(const LicenseException& ex, const Classification& item,
                         const std::vector<std::string>& required_controls, const Transaction& tx,
                         const CountryRules& country) {
  const std::string label = "License Exception " + ex.code + " (" + ex.source.citation + ")";
  if (!ex.effective.Contains(tx.date)) {
    return No(label + " is not in effect on " + tx.date.ToString(), ex.source.citation);
  }
  if (!ex.EligibleEccn(item.entry)) {
    return No(label + " is not available for " + item.entry, ex.source.citation, ex.source.check);
  }
  if (ex.activity && tx.activity != *ex.activity) {
    return No(label + " requires the declared activity '" + *ex.activity + "'", ex.source.citation,
              ex.source.check);
  }
  std::string excluded = ExcludedGroup(ex.excluded, country, tx.date);
  if (!excluded.empty()) {
    return No(label + " is not available to Country Group " + excluded + " (" + country.name + ")",
              ex.excluded.source.citation, ex.excluded.source.check);
  }
  std::vector<std::string> uncovered;
  for (const auto& control : required_controls) {
    if (std::find(ex.covers_controls.begin(), ex.covers_controls.end(), control) ==
        ex.covers_controls.end()) {
      uncovered.push_back(control);
    }
  }
  if (!uncovered.empty()) {
    return No(label + " does not overcome " + Join(uncovered, ", "), ex.source.citation,
              ex.source.check);
  }
  Coverage c;
  c.covers = true;
  c.citation = ex.source.citation;
  c.check = ex.source.check;
  c.why = label + " covers " + item.eccn + " to " + country.name + " for " +
          Join(required_controls, ", ");
  for (const DatedCondition* condition : ConditionsOn(ex.conditions, tx.date)) {
    c.conditions.push_back({condition->text, condition->source.citation});
    c.check = c.check || condition->source.check;
  }
  return c;
}

}  // namespace tollgate::rules::internal

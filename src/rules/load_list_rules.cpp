#include "rules/loaders.h"

namespace tollgate::rules::internal {
namespace {

ListMeaning ReadMeaning(JsonObject& object) {
  std::string meaning = object.RequiredString("meaning");
  if (meaning == "prohibited") return ListMeaning::kProhibited;
  if (meaning == "license_required") return ListMeaning::kLicenseRequired;
  if (meaning == "review") return ListMeaning::kReview;
  object.FailAt("meaning",
                "unknown meaning \"" + meaning + "\" (prohibited, license_required or review)");
}

}  // namespace

ListRules LoadListRules(const nlohmann::json& json, const std::string& file) {
  JsonObject root(json, file, "");
  root.OptionalString("about");

  JsonObject screening_object = root.Object("screening");
  ScreeningPolicy screening;
  screening.block_threshold = screening_object.RequiredNumber("block_threshold");
  screening.review_threshold = screening_object.RequiredNumber("review_threshold");
  if (!(screening.review_threshold > 0 && screening.review_threshold < screening.block_threshold &&
        screening.block_threshold <= 1)) {
    screening_object.FailAt("review_threshold",
                            "thresholds must satisfy 0 < review_threshold < block_threshold <= 1");
  }
  screening.source = screening_object.ReadProvenance();
  screening_object.Finish();

  std::vector<ListRule> lists;
  std::vector<DatedFact> facts;
  root.ForEachObject("lists", true, [&](JsonObject& object) {
    ListRule rule;
    rule.list = object.RequiredString("list");
    rule.meaning = ReadMeaning(object);
    std::vector<std::string> roles = object.StringArray("roles", true);
    for (std::size_t i = 0; i < roles.size(); ++i) {
      auto role = ParsePartyRole(roles[i]);
      if (!role) {
        Fail(file, object.PathOf("roles") + "/" + std::to_string(i),
             "unknown party role \"" + roles[i] + "\"");
      }
      rule.roles.push_back(*role);
    }
    if (rule.roles.empty()) object.FailAt("roles", "must name at least one role");
    rule.effective = object.Effective();
    rule.source = object.ReadProvenance();
    rule.all_items_requirements = object.StringArray("all_items_requirements", false);
    rule.exceptions_barred_citation = object.OptionalString("exceptions_barred_citation");
    rule.review_policy_citation = object.OptionalString("review_policy_citation");
    if (rule.meaning == ListMeaning::kLicenseRequired) {
      // §744.16: the requirement column, the bar on exceptions and the review policy
      // are what a license_required list means; each needs its text and citation.
      if (rule.all_items_requirements.empty()) {
        object.FailAt("all_items_requirements",
                      "a license_required list needs the requirement "
                      "texts that mean every item");
      }
      if (rule.exceptions_barred_citation.empty()) {
        object.FailAt("exceptions_barred_citation", "missing citation");
      }
      if (rule.review_policy_citation.empty())
        object.FailAt("review_policy_citation", "missing citation");
    }
    facts.push_back({rule.list, rule.effective, object.path()});
    lists.push_back(std::move(rule));
  });
  CheckNoOverlap(facts, file, "list rule");

  JsonObject other_object = root.Object("other_lists");
  ListRule other;
  other.meaning = ReadMeaning(other_object);
  if (other.meaning != ListMeaning::kReview) {
    other_object.FailAt("meaning",
                        "lists without their own rule must mean \"review\": a match "
                        "on an unknown list is never a pass");
  }
  other.roles = {PartyRole::kExporter, PartyRole::kPurchaser, PartyRole::kIntermediateConsignee,
                 PartyRole::kUltimateConsignee, PartyRole::kEndUser};
  other.source = other_object.ReadProvenance();
  other_object.Finish();
  root.Finish();
  return ListRules(std::move(screening), std::move(lists), std::move(other));
}

}  // namespace tollgate::rules::internal

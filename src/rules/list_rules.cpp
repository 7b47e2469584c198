#include "tollgate/rules/list_rules.h"

#include <algorithm>
#include <cctype>

namespace tollgate::rules {

const char* ListMeaningName(ListMeaning meaning) {
  switch (meaning) {
    case ListMeaning::kProhibited:
      return "prohibited";
    case ListMeaning::kLicenseRequired:
      return "license_required";
    case ListMeaning::kReview:
      return "review";
  }
  return "review";
}

std::string NormalizeRequirementText(std::string_view text) {
  std::string out;
  int depth = 0;
  bool space = false;
  for (char c : text) {
    if (c == '(') {
      ++depth;
      continue;
    }
    if (c == ')') {
      if (depth > 0) --depth;
      continue;
    }
    if (depth > 0) continue;
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ' ' || out.back() == ';')) {
    out.pop_back();
  }
  return out;
}

bool ListRule::AppliesToRole(PartyRole role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool ListRule::RequirementCoversAllItems(std::string_view requirement) const {
  std::string normalized = NormalizeRequirementText(requirement);
  for (const auto& text : all_items_requirements) {
    if (normalized == NormalizeRequirementText(text)) return true;
  }
  return false;
}

ListRules::ListRules(ScreeningPolicy screening, std::vector<ListRule> lists, ListRule other)
    : screening_(std::move(screening)), lists_(std::move(lists)), other_(std::move(other)) {}

const ListRule& ListRules::For(std::string_view list, Date date) const {
  for (const auto& rule : lists_) {
    if (rule.list == list && rule.effective.Contains(date)) return rule;
  }
  return other_;
}

}  // namespace tollgate::rules

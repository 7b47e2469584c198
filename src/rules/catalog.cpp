#include "tollgate/rules/catalog.h"

#include <algorithm>
#include <cctype>

namespace tollgate::rules {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string NormalizeEccn(std::string_view eccn) {
  std::string text(eccn);
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (text == "EAR99") return text;
  // Category digit, product group A-E, three digits (15 CFR 738.2(d)).
  if (text.size() < 5 || !IsDigit(text[0]) || text[1] < 'A' || text[1] > 'E' || !IsDigit(text[2]) ||
      !IsDigit(text[3]) || !IsDigit(text[4])) {
    return "";
  }
  std::string out = text.substr(0, 5);
  std::string_view rest = std::string_view(eccn).substr(5);
  // Paragraphs: ".c", ".a.1.a": alphanumeric segments, written in lower case.
  while (!rest.empty()) {
    if (rest.front() != '.' || rest.size() < 2) return "";
    rest.remove_prefix(1);
    std::size_t n = 0;
    while (n < rest.size() && std::isalnum(static_cast<unsigned char>(rest[n]))) ++n;
    if (n == 0) return "";
    out += '.';
    for (char c : rest.substr(0, n)) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    rest.remove_prefix(n);
  }
  return out;
}

Catalog::Catalog(std::vector<Reason> reasons, std::vector<EccnEntry> entries)
    : reasons_(std::move(reasons)), entries_(std::move(entries)) {
  for (std::size_t i = 0; i < entries_.size(); ++i) by_eccn_[entries_[i].eccn].push_back(i);
  for (std::size_t i = 0; i < reasons_.size(); ++i) {
    reason_by_control_[reasons_[i].code] = i;
    for (const auto& column : reasons_[i].columns) reason_by_control_[column] = i;
  }
}

const Reason* Catalog::ReasonFor(std::string_view control) const {
  auto it = reason_by_control_.find(std::string(control));
  return it == reason_by_control_.end() ? nullptr : &reasons_[it->second];
}

Result<Classification> Catalog::Classify(std::string_view eccn, Date date) const {
  std::string normalized = NormalizeEccn(eccn);
  if (normalized.empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "ECCN '" + std::string(eccn) +
                         "' is malformed: expected EAR99 or a digit, a letter A-E and three "
                         "digits with optional .paragraphs (e.g. 5D992.c)");
  }
  std::string base = normalized.substr(0, 5);
  auto it = by_eccn_.find(base);
  if (it == by_eccn_.end()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "unknown ECCN '" + std::string(eccn) + "': " + base +
                         " is not in the rules catalog (data/rules/catalog.json)");
  }
  const EccnEntry* entry = nullptr;
  for (std::size_t index : it->second) {
    if (entries_[index].effective.Contains(date)) entry = &entries_[index];
  }
  if (entry == nullptr) {
    return MakeError(ErrorCode::kNotFound,
                     "ECCN " + base + " has no catalog entry in force on " + date.ToString());
  }
  Classification out;
  out.eccn = normalized;
  out.entry = entry->eccn;
  out.description = entry->description;
  out.controls = entry->controls;
  out.ear99 = entry->eccn == "EAR99";
  out.source = entry->source;
  if (normalized.size() > 5) {
    if (out.ear99) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "ECCN '" + std::string(eccn) + "': EAR99 has no paragraphs");
    }
    // The longest listed paragraph that is the item's paragraph or an ancestor of it.
    std::string paragraph = normalized.substr(6);
    const EccnParagraph* best = nullptr;
    for (const auto& candidate : entry->paragraphs) {
      const std::string& p = candidate.paragraph;
      bool ancestor =
          paragraph == p || (paragraph.size() > p.size() &&
                             paragraph.compare(0, p.size(), p) == 0 && paragraph[p.size()] == '.');
      if (ancestor && (best == nullptr || p.size() > best->paragraph.size())) best = &candidate;
    }
    if (best != nullptr) {
      out.paragraph = best->paragraph;
      out.description = best->description;
      if (best->has_controls) out.controls = best->controls;
      out.source = best->source;
    }
  }
  return out;
}

}  // namespace tollgate::rules

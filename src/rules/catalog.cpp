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

namespace {

// `paragraph` is `ancestor` or lies under it ("b.2.a" under "b.2").
bool Within(std::string_view paragraph, std::string_view ancestor) {
  return paragraph == ancestor || (paragraph.size() > ancestor.size() &&
                                   paragraph.compare(0, ancestor.size(), ancestor) == 0 &&
                                   paragraph[ancestor.size()] == '.');
}

// Which controls of the entry apply to the item given at `paragraph` ("" for the entry
// alone), and which it could fall under but is not known to (15 CFR 774 Supp. 1: each
// control's "applies to" text limits it to paragraphs).
void SelectControls(const CclEntry& ccl, const std::string& paragraph, Classification& out) {
  for (std::size_t i = 0; i < ccl.controls.size(); ++i) {
    const CclControl& control = ccl.controls[i];
    bool applies = false;
    bool could = false;
    switch (control.mode) {
      case ControlMode::kEntire:
        applies = true;
        break;
      case ControlMode::kExcept:
        // "entire entry except 0A501.y": an item given above the excluded paragraph is
        // taken as controlled (the stricter reading), one inside it is not.
        applies = std::none_of(control.paragraphs.begin(), control.paragraphs.end(),
                               [&](const std::string& q) { return Within(paragraph, q); });
        break;
      case ControlMode::kOnly:
        if (control.paragraphs.empty()) {
          could = true;  // limited by words ("shotguns with a barrel length ..."), not paragraphs
        } else {
          for (const auto& q : control.paragraphs) {
            if (!paragraph.empty() && Within(paragraph, q)) applies = true;
            if (paragraph.empty() || Within(q, paragraph)) could = true;
          }
        }
        break;
    }
    if (applies) {
      out.applying.push_back(i);
      if (!control.special || !control.columns.empty()) {
        for (const auto& column : control.columns) {
          if (std::find(out.controls.begin(), out.controls.end(), column) == out.controls.end()) {
            out.controls.push_back(column);
          }
        }
      }
    } else if (could) {
      out.conditional.push_back(i);
    }
  }
}

}  // namespace

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
                         " is not in the rules catalog (the Commerce Control List of "
                         "data/rules/ccl.json, and EAR99); expected an ECCN such as 3A001 or "
                         "5D992.c");
  }
  const EccnEntry* entry = nullptr;
  const EccnEntry* earliest = nullptr;
  for (std::size_t index : it->second) {
    const EccnEntry& candidate = entries_[index];
    if (candidate.effective.Contains(date)) entry = &candidate;
    if (earliest == nullptr || (candidate.effective.from && earliest->effective.from &&
                                *candidate.effective.from < *earliest->effective.from)) {
      earliest = &candidate;
    }
  }
  bool before_edition = false;
  if (entry == nullptr && earliest != nullptr && earliest->effective.from &&
      date < *earliest->effective.from) {
    // The text in force on the date is not held: answer from the earliest edition held
    // and say so (the determination's "edition" step), rather than refuse a known ECCN.
    entry = earliest;
    before_edition = true;
  }
  if (entry == nullptr) {
    return MakeError(ErrorCode::kNotFound,
                     "ECCN " + base + " has no catalog entry in force on " + date.ToString());
  }
  Classification out;
  out.eccn = normalized;
  out.entry = entry->eccn;
  out.description = entry->description;
  out.heading = entry->description;
  out.ear99 = entry->eccn == "EAR99";
  out.source = entry->source;
  out.ccl = entry->ccl;
  out.before_edition = before_edition;
  out.edition_effective = entry->effective;
  if (!entry->ccl) out.controls = entry->controls;
  std::string paragraph;
  if (normalized.size() > 5) {
    if (out.ear99) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "ECCN '" + std::string(eccn) + "': EAR99 has no paragraphs");
    }
    paragraph = normalized.substr(6);
    if (entry->ccl) {
      // A paragraph the entry does not have is an error. The data lists the paragraphs
      // its controls name (and, the CFR lettering paragraphs in order, every letter
      // before the highest named); where it names none but y/z it cannot say, and any
      // letter is taken.
      std::string letters = entry->ccl->paragraph_letters;
      for (const auto& p : entry->paragraphs) letters += p.paragraph.front();
      char top = 0;  // the highest ordinary letter named: every letter up to it exists
      for (char c : letters) {
        if (c != 'y' && c != 'z' && c > top) top = c;
      }
      std::string first = paragraph.substr(0, paragraph.find('.'));
      bool letter = first.size() == 1 && first[0] >= 'a' && first[0] <= 'z';
      bool ordinary = top != 0;
      if (!letter || (ordinary && first[0] > top && letters.find(first[0]) == std::string::npos)) {
        std::string expected = std::string("a-") + top;
        for (char c : {'y', 'z'}) {
          if (letters.find(c) != std::string::npos) expected += std::string(", ") + c;
        }
        return MakeError(
            ErrorCode::kInvalidArgument,
            "ECCN '" + normalized + "': " + base + " has no paragraph " + first +
                (ordinary ? " (expected a paragraph under " + expected + ", e.g. " + base + ".a)"
                          : " (paragraphs start with a letter, e.g. " + base + ".a)") +
                // The data lists no paragraphs: they are inferred from the controls'
                // (data/rules/README.md), so a real one may be missing; say what to do.
                "; the paragraphs are inferred from the entry's controls: for one the "
                "regulation has but they do not name, give " +
                base + " alone and its paragraph controls show as conditional steps");
      }
    }
  }
  if (entry->ccl) SelectControls(*entry->ccl, paragraph, out);
  if (!paragraph.empty()) {
    // The longest hand-written paragraph that is the item's paragraph or an ancestor.
    const EccnParagraph* best = nullptr;
    for (const auto& candidate : entry->paragraphs) {
      const std::string& p = candidate.paragraph;
      if (Within(paragraph, p) && (best == nullptr || p.size() > best->paragraph.size())) {
        best = &candidate;
      }
    }
    if (best != nullptr) {
      out.paragraph = best->paragraph;
      out.description = best->description;
      if (best->has_controls) out.controls = best->controls;
      out.source = best->source;
    }
    if (entry->ccl) out.paragraph = paragraph;
  }
  return out;
}

}  // namespace tollgate::rules

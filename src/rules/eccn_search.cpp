#include "tollgate/rules/eccn_search.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace tollgate::rules {
namespace {

// Words that tell headings apart no better than chance.
const std::set<std::string, std::less<>> kCommonWords = {"a",   "an",   "and", "as",  "at", "by",
                                                         "for", "from", "in",  "is",  "no", "not",
                                                         "of",  "on",   "or",  "the", "to", "with"};

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The query as an ECCN's start ("3a0" -> "3A0", "5d992.c" -> "5D992"), or "" when it
// cannot be one: a category digit first (15 CFR 738.2(d)), or the start of "EAR99".
std::string EccnPrefix(std::string_view query) {
  std::string text = Upper(query);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  while (!text.empty() && text.front() == ' ') text.erase(text.begin());
  if (text.empty() || text.find(' ') != std::string::npos) return "";
  if (auto dot = text.find('.'); dot != std::string::npos) text.resize(dot);
  if (std::isdigit(static_cast<unsigned char>(text[0])) || text.rfind("EAR", 0) == 0) return text;
  return "";
}

// The edition in force on `date`; before the earliest edition, the earliest (as the
// engine answers for such dates); nullptr when every edition ended before `date`.
const EccnEntry* EntryOn(const Catalog& catalog, std::string_view eccn, Date date) {
  const EccnEntry* earliest = nullptr;
  for (const auto& entry : catalog.entries()) {
    if (entry.eccn != eccn) continue;
    if (entry.effective.Contains(date)) return &entry;
    if (entry.effective.from && date < *entry.effective.from &&
        (earliest == nullptr ||
         (earliest->effective.from && *entry.effective.from < *earliest->effective.from))) {
      earliest = &entry;
    }
  }
  return earliest;
}

bool ContainsPhrase(const std::vector<std::string>& heading,
                    const std::vector<std::string>& query) {
  if (query.size() < 2 || heading.size() < query.size()) return false;
  return std::search(heading.begin(), heading.end(), query.begin(), query.end()) != heading.end();
}

struct Match {
  int tier = 4;  // 2 phrase, 3 words, 4 none
  std::size_t matched = 0;
  std::string found;
};

// How well `text` matches: the query's (uncommon) words that start one of its words,
// and whether all the query's words stand in it in a row.
Match MatchText(std::string_view text, const std::vector<std::string>& words,
                const std::vector<std::string>& query_words) {
  const std::vector<std::string> text_words = Words(text);
  Match m;
  for (const auto& word : words) {
    const bool found = std::any_of(text_words.begin(), text_words.end(), [&](const std::string& t) {
      return t.compare(0, word.size(), word) == 0;
    });
    if (!found) continue;
    ++m.matched;
    m.found += (m.found.empty() ? "" : ", ") + word;
  }
  if (m.matched > 0) m.tier = ContainsPhrase(text_words, query_words) ? 2 : 3;
  return m;
}

nlohmann::json DatesJson(const DateRange& range) {
  return {{"from", range.from ? nlohmann::json(range.from->ToString()) : nlohmann::json()},
          {"to", range.to ? nlohmann::json(range.to->ToString()) : nlohmann::json()}};
}

nlohmann::json ControlsJson(const Catalog& catalog, const std::vector<std::string>& controls) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& code : controls) {
    nlohmann::json control = {{"code", code}};
    if (const Reason* reason = catalog.ReasonFor(code)) {
      const bool column =
          std::find(reason->columns.begin(), reason->columns.end(), code) != reason->columns.end();
      control["reason"] = reason->code;
      control["reason_name"] = reason->name;
      control["column"] = column ? nlohmann::json(code) : nlohmann::json();
      control["all_destinations_except"] = reason->all_destinations_except;
      control["review_policy"] = reason->review_policy;
      control["citation"] = reason->source.citation;
    }
    out.push_back(std::move(control));
  }
  return out;
}

}  // namespace

std::vector<EccnHit> SearchEccns(const Catalog& catalog, std::string_view query, Date date,
                                 std::size_t limit) {
  std::vector<std::string> words;
  for (auto& word : Words(query)) {
    if (!kCommonWords.contains(word) &&
        std::find(words.begin(), words.end(), word) == words.end()) {
      words.push_back(std::move(word));
    }
  }
  const std::vector<std::string> query_words = Words(query);
  const std::string prefix = EccnPrefix(query);
  std::vector<EccnHit> hits;
  std::set<std::string_view> seen;
  for (const auto& candidate : catalog.entries()) {
    if (!seen.insert(candidate.eccn).second) continue;
    const EccnEntry* entry = EntryOn(catalog, candidate.eccn, date);
    if (entry == nullptr) continue;
    EccnHit hit;
    hit.entry = entry;
    if (!prefix.empty() && entry->eccn.rfind(prefix, 0) == 0) {
      hit.tier = 1;
      hit.score = 1;
      hit.why = "ECCN prefix '" + prefix + "'";
      hits.push_back(std::move(hit));
      continue;
    }
    // An ECCN asked for finds ECCNs, not the headings that mention it ("controlled by
    // 3A001").
    if (!prefix.empty() || words.empty()) continue;
    // The heading first; a paragraph's text ("5D992.c ... mass market ...") only when
    // it matches better, and then the hit names the paragraph.
    Match best = MatchText(entry->description, words, query_words);
    for (const auto& paragraph : entry->paragraphs) {
      Match m = MatchText(paragraph.description, words, query_words);
      if (m.tier < best.tier || (m.tier == best.tier && m.matched > best.matched)) {
        best = std::move(m);
        hit.paragraph = paragraph.paragraph;
      }
    }
    if (best.matched == 0) continue;
    hit.tier = best.tier;
    hit.score = static_cast<double>(best.matched) / static_cast<double>(words.size());
    hit.why = (hit.paragraph.empty() ? "" : "in paragraph " + hit.paragraph + ": ") +
              (hit.tier == 2 ? "phrase; " : "") + std::to_string(best.matched) + " of " +
              std::to_string(words.size()) + " words: " + best.found;
    hits.push_back(std::move(hit));
  }
  std::sort(hits.begin(), hits.end(), [](const EccnHit& a, const EccnHit& b) {
    if (a.tier != b.tier) return a.tier < b.tier;
    if (a.score != b.score) return a.score > b.score;
    if (a.tier != 1 && a.entry->description.size() != b.entry->description.size()) {
      return a.entry->description.size() < b.entry->description.size();
    }
    return a.entry->eccn < b.entry->eccn;
  });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

Result<EccnView> ShowEccn(const Catalog& catalog, std::string_view eccn, Date date) {
  auto classified = catalog.Classify(eccn, date);
  if (!classified.ok()) return classified.error();
  EccnView view;
  view.entry = EntryOn(catalog, classified->entry, date);
  if (view.entry == nullptr) {
    return MakeError(ErrorCode::kNotFound,
                     "ECCN " + classified->entry + " has no catalog entry on " + date.ToString());
  }
  view.classification = std::move(classified).value();
  return view;
}

namespace {

const char* ModeName(ControlMode mode) {
  switch (mode) {
    case ControlMode::kOnly:
      return "only";
    case ControlMode::kExcept:
      return "except";
    case ControlMode::kEntire:
      break;
  }
  return "entire";
}

// Every control the CCL entry states (15 CFR 774 Supp. 1), paragraph-limited and
// special ones included, and its list-based license exceptions: what the entry says,
// beside what applies to the item as given ("controls").
nlohmann::json CclJson(const CclEntry& ccl) {
  nlohmann::json controls = nlohmann::json::array();
  for (const auto& c : ccl.controls) {
    controls.push_back({{"reason", c.reason},
                        {"columns", c.columns},
                        {"mode", ModeName(c.mode)},
                        {"paragraphs", c.paragraphs},
                        {"special", c.special},
                        {"chart_text", c.chart_text},
                        {"scope", c.scope}});
  }
  nlohmann::json exceptions = nlohmann::json::array();
  for (const auto& e : ccl.license_exceptions) {
    exceptions.push_back(
        {{"code", e.code},
         {"status", e.status},
         {"value_limit", e.value_limit ? nlohmann::json(*e.value_limit) : nlohmann::json()}});
  }
  return {{"controls", controls},
          {"license_exceptions", exceptions},
          {"edition", ccl.edition},
          {"itar", ccl.itar}};
}

}  // namespace

nlohmann::json EccnJson(const Catalog& catalog, const EccnView& view) {
  const EccnEntry& e = *view.entry;
  const Classification& c = view.classification;
  nlohmann::json paragraphs = nlohmann::json::array();
  for (const auto& p : e.paragraphs) {
    paragraphs.push_back(
        {{"paragraph", p.paragraph},
         {"description", p.description},
         {"controls", p.has_controls ? ControlsJson(catalog, p.controls) : nlohmann::json()},
         {"citation", p.source.citation}});
  }
  return {{"eccn", c.eccn},
          {"entry", e.eccn},
          {"paragraph", c.paragraph.empty() ? nlohmann::json() : nlohmann::json(c.paragraph)},
          {"heading", e.description},
          {"description", c.description},
          {"ear99", c.ear99},
          {"controls", ControlsJson(catalog, c.controls)},
          {"paragraphs", paragraphs},
          {"effective", DatesJson(e.effective)},
          {"citation", c.source.citation},
          {"check", c.source.check},
          {"note", c.source.note.empty() ? nlohmann::json() : nlohmann::json(c.source.note)},
          {"ccl", e.ccl ? CclJson(*e.ccl) : nlohmann::json()}};
}

nlohmann::json EccnHitJson(const EccnHit& hit) {
  return {{"eccn", hit.paragraph.empty() ? hit.entry->eccn : hit.entry->eccn + "." + hit.paragraph},
          {"entry", hit.entry->eccn},
          {"paragraph", hit.paragraph.empty() ? nlohmann::json() : nlohmann::json(hit.paragraph)},
          {"heading", hit.entry->description},
          {"controls", hit.entry->controls},
          {"score", hit.score},
          {"why", hit.why},
          {"citation", hit.entry->source.citation}};
}

}  // namespace tollgate::rules

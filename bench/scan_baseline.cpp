#include "scan_baseline.h"

#include <algorithm>
#include <unordered_map>

#include "name_text.h"

namespace tollgate::bench {

double JaroWinkler(std::string_view a, std::string_view b) {
  std::vector<char> scratch;
  return JaroWinkler(a, b, scratch);
}

double JaroWinkler(std::string_view a, std::string_view b, std::vector<char>& scratch) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a.size() > b.size()) std::swap(a, b);
  const std::size_t window = b.size() / 2 > 0 ? b.size() / 2 - 1 : 0;
  scratch.assign(a.size() + b.size(), 0);
  char* a_matched = scratch.data();
  char* b_matched = scratch.data() + a.size();

  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(b.size(), i + window + 1);
    for (std::size_t j = lo; j < hi; ++j) {
      if (b_matched[j] == 0 && a[i] == b[j]) {
        a_matched[i] = b_matched[j] = 1;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;

  std::size_t transpositions = 0;
  std::size_t j = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a_matched[i] == 0) continue;
    while (b_matched[j] == 0) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                       (m - static_cast<double>(transpositions) / 2.0) / m) /
                      3.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

ScanBaseline::ScanBaseline(const NameTable& table) : entry_of_(table.entry_of) {
  keys_.reserve(table.names.size());
  for (const std::string& name : table.names) keys_.push_back(TokenSortKey(name));
}

std::vector<ScanHit> ScanBaseline::Search(std::string_view query, double threshold,
                                          std::size_t limit) const {
  const std::string key = TokenSortKey(query);
  std::vector<char> scratch;
  std::vector<ScanHit> hits;
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    const double score = JaroWinkler(key, keys_[i], scratch);
    if (score >= threshold) {
      hits.push_back({entry_of_[i], static_cast<std::uint32_t>(i), score});
    }
  }
  // One hit per entry: an alias and the primary name of one entry are one alert.
  std::unordered_map<std::uint32_t, ScanHit> best;
  for (const ScanHit& hit : hits) {
    auto [it, inserted] = best.try_emplace(hit.entry, hit);
    if (!inserted && hit.score > it->second.score) it->second = hit;
  }
  hits.clear();
  for (const auto& [entry, hit] : best) hits.push_back(hit);
  std::sort(hits.begin(), hits.end(), [](const ScanHit& x, const ScanHit& y) {
    return x.score != y.score ? x.score > y.score : x.name < y.name;
  });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

}  // namespace tollgate::bench

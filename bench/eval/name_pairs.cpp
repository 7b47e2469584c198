// The labelled name pairs (nomenklatura benchmark CSV: case_group, schema, name1,
// name2, is_match, quality, category, notes).
#include <fstream>

#include "eval_data.h"

namespace tollgate::eval {
namespace {

// RFC 4180 fields of one record; quoted fields may hold commas and doubled quotes.
std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back().push_back(c);
    }
  }
  return fields;
}

}  // namespace

std::vector<NamePair> LoadNamePairs(const std::filesystem::path& csv) {
  std::vector<NamePair> pairs;
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto fields = SplitCsv(line);
    if (fields.size() < 5 || fields[2].empty() || fields[3].empty()) continue;
    pairs.push_back({fields[0], fields[1], fields[2], fields[3], fields[4] == "true"});
  }
  return pairs;
}

}  // namespace tollgate::eval

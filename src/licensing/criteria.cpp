#include "tollgate/licensing/criteria.h"

#include <fstream>
#include <map>
#include <sstream>

#include "licensing/json_fields.h"
#include "tollgate/common/data_dir.h"

namespace tollgate::licensing {
namespace {

using internal::JsonFieldError;
using internal::JsonFields;

bool IsCriterionId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

Criterion ReadCriterion(JsonFields& fields) {
  Criterion criterion;
  criterion.id = fields.NonEmptyString("id");
  if (!IsCriterionId(criterion.id)) {
    fields.Fail("id", "'" + criterion.id + "' may hold only lower-case letters, digits and '_'");
  }
  criterion.text = fields.NonEmptyString("text");
  const std::string direction = fields.NonEmptyString("points_to");
  if (direction == "approval") {
    criterion.points_to = Direction::kApproval;
  } else if (direction == "denial") {
    criterion.points_to = Direction::kDenial;
  } else {
    fields.Fail("points_to", "'" + direction + "' is neither \"approval\" nor \"denial\"");
  }
  criterion.source = fields.NonEmptyString("source");
  criterion.check = fields.Boolean("check", false);
  criterion.note = fields.String("note", false);
  if (criterion.check && criterion.note.empty()) {
    fields.Fail("note", "required when check is true: say what must be verified");
  }
  return criterion;
}

}  // namespace

const char* DirectionName(Direction direction) {
  return direction == Direction::kApproval ? "approval" : "denial";
}

const Criterion* CriteriaCatalog::Find(std::string_view id) const {
  for (const auto& criterion : criteria_) {
    if (criterion.id == id) return &criterion;
  }
  return nullptr;
}

Status CriteriaCatalog::CheckIds(const std::vector<std::string>& ids) const {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (Find(ids[i]) == nullptr) {
      return MakeError(ErrorCode::kInvalidArgument, "criteria/" + std::to_string(i) +
                                                        ": unknown criterion '" + ids[i] +
                                                        "' (not in the criteria catalog)");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (ids[j] == ids[i]) {
        return MakeError(
            ErrorCode::kInvalidArgument,
            "criteria/" + std::to_string(i) + ": criterion '" + ids[i] + "' given twice");
      }
    }
  }
  return {};
}

Result<CriteriaCatalog> ParseCriteria(std::string_view json_text, const std::string& file) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    return MakeError(ErrorCode::kParseError, file + ": not valid JSON: " + e.what());
  }
  try {
    JsonFields root(document, "");
    std::vector<Criterion> criteria;
    std::map<std::string, std::string> first_seen;  // id -> path
    if (root.Find("criteria") == nullptr) root.Fail("criteria", "missing");
    root.ForEach("criteria", [&](JsonFields& fields, std::size_t) {
      Criterion criterion = ReadCriterion(fields);
      auto [it, inserted] = first_seen.emplace(criterion.id, fields.path());
      if (!inserted) {
        fields.Fail("id", "duplicate id '" + criterion.id + "' (first at " + it->second + ")");
      }
      criteria.push_back(std::move(criterion));
    });
    root.Finish();
    if (criteria.empty()) root.Fail("criteria", "the catalog is empty");
    return CriteriaCatalog(std::move(criteria));
  } catch (const JsonFieldError& e) {
    return MakeError(ErrorCode::kParseError, file + ": " + e.what());
  }
}

Result<CriteriaCatalog> LoadCriteria(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIoError, "cannot open criteria file " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) return MakeError(ErrorCode::kIoError, "cannot read criteria file " + path.string());
  return ParseCriteria(text.str(), path.string());
}

Result<std::filesystem::path> ShippedCriteriaPath() { return ShippedPath("data/criteria.json"); }

}  // namespace tollgate::licensing

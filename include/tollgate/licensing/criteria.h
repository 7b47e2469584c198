// The criteria catalog: the reasons a licensing decision may cite ("the item is
// mass-market software", "presumption of denial applies (§744.16(c))", ...). Every
// approval, intent to deny and denial records the ids of the criteria it applied, so
// the criteria report can say, per criterion, how often it led to approval or denial:
// the report 15 senators asked for on 21 Nov 2019.
//
// The catalog ships as data/criteria.json (described in data/criteria.md):
//   { "criteria": [ { "id": "mass_market", "text": "...", "points_to": "approval",
//                     "source": "...", "check": true, "note": "..." } ] }
//   id         unique; lower-case letters, digits and '_'
//   text       what the criterion says, as a reviewer would tick it
//   points_to  "approval" or "denial": the direction it usually points
//   source     the regulation or public statement behind it
//   check      optional: true when the source is not confirmed (then a note is needed)
//   note       optional free text (required with check)
//
// Thread-safety: a loaded catalog is immutable; share it freely.
// Failure: ParseCriteria and LoadCriteria return kParseError naming the file and the
// JSON path ("data/criteria.json: /criteria/3/points_to: ..."); LoadCriteria returns
// kIoError when the file cannot be read.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/result.h"

namespace tollgate::licensing {

enum class Direction { kApproval, kDenial };
const char* DirectionName(Direction direction);  // "approval", "denial"

struct Criterion {
  std::string id;
  std::string text;
  Direction points_to = Direction::kApproval;
  std::string source;
  bool check = false;
  std::string note;
  bool operator==(const Criterion&) const = default;
};

class CriteriaCatalog {
 public:
  CriteriaCatalog() = default;
  explicit CriteriaCatalog(std::vector<Criterion> criteria) : criteria_(std::move(criteria)) {}

  const std::vector<Criterion>& all() const { return criteria_; }
  const Criterion* Find(std::string_view id) const;

  // Every id known and none repeated, for a decision's list; the message names the
  // first unknown or repeated id and where (e.g. "criteria/1").
  Status CheckIds(const std::vector<std::string>& ids) const;

 private:
  std::vector<Criterion> criteria_;
};

// `file` names the source in messages.
Result<CriteriaCatalog> ParseCriteria(std::string_view json_text, const std::string& file);
Result<CriteriaCatalog> LoadCriteria(const std::filesystem::path& path);

// The catalog the project ships: data/criteria.json of the data folder
// (common/data_dir.h); kIoError naming where it was looked for when missing.
Result<std::filesystem::path> ShippedCriteriaPath();

}  // namespace tollgate::licensing

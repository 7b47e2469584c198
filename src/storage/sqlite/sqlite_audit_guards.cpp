// The SQLite store's check of the audit log's append-only triggers (schema migration 3):
// each must still be there, on audit_log, with the statement it was created with. A
// trigger dropped, or replaced by one that lets the change through (a WHEN clause, no
// RAISE), leaves the log open to UPDATE and DELETE; `audit verify` names it.
#include <algorithm>
#include <cctype>
#include <string_view>

#include "storage/sqlite/sqlite_workflow.h"

namespace tollgate::storage::sqlite {
namespace {

struct Guard {
  std::string_view name;
  std::string_view refuses;
  std::string_view statement;  // as migration 3 creates it, whitespace collapsed
};

constexpr Guard kGuards[] = {
    {"audit_log_no_update", "UPDATE",
     "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT "
     "RAISE(ABORT, 'audit records are append-only (part 762)'); END"},
    {"audit_log_no_delete", "DELETE",
     "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT "
     "RAISE(ABORT, 'audit records are append-only (part 762)'); END"},
};

constexpr std::string_view kSelectTriggers =
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'";

std::string Collapsed(std::string_view sql) {
  std::string out;
  for (char c : sql) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ';')) out.pop_back();
  return out;
}

}  // namespace

Result<std::vector<std::string>> WorkflowTables::AuditGuardProblems() {
  auto select = db_.Prepare(kSelectTriggers);
  if (!select.ok()) return select.error();
  std::vector<std::pair<std::string, std::string>> found;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    found.emplace_back(select->Text(0), Collapsed(select->Text(1)));
  }
  std::vector<std::string> problems;
  for (const Guard& guard : kGuards) {
    const std::string refuses(guard.refuses);
    const std::string trigger = "trigger " + std::string(guard.name);
    auto it = std::find_if(found.begin(), found.end(),
                           [&](const auto& t) { return t.first == guard.name; });
    if (it == found.end()) {
      problems.push_back(trigger + " is missing: nothing refuses " + refuses +
                         " on audit_log (it was dropped)");
    } else if (it->second != guard.statement) {
      problems.push_back(trigger + " was replaced: it no longer refuses every " + refuses +
                         " on audit_log");
    }
  }
  return problems;
}

}  // namespace tollgate::storage::sqlite

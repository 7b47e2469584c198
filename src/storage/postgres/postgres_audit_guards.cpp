// The PostgreSQL store's check of the audit log's append-only triggers (schema
// migrations 3 and 7): audit_log_append_only must still be on audit_log, enabled, fire
// before each row's UPDATE and DELETE, and call a function that raises;
// audit_log_no_truncate likewise before a TRUNCATE. Dropped, disabled (ALTER TABLE ...
// DISABLE TRIGGER) or pointed at a function that lets the change through, a trigger
// leaves the log open; `audit verify` names it.
#include <string_view>

#include "storage/postgres/postgres_workflow.h"

namespace tollgate::storage::postgres {
namespace {

constexpr std::string_view kSelectTrigger =
    "SELECT t.tgenabled, t.tgtype, p.prosrc FROM pg_trigger t "
    "JOIN pg_proc p ON p.oid = t.tgfoid "
    "WHERE t.tgrelid = 'audit_log'::regclass AND t.tgname = $1";

// pg_trigger.tgtype bits (PostgreSQL's catalog/pg_trigger.h).
constexpr int kRow = 1 << 0;
constexpr int kBefore = 1 << 1;
constexpr int kDelete = 1 << 3;
constexpr int kUpdate = 1 << 4;
constexpr int kTruncate = 1 << 5;

struct Guard {
  const char* name;
  int type;             // the tgtype bits it must have
  const char* refuses;  // for the message
};
constexpr Guard kGuards[] = {
    {"audit_log_append_only", kRow | kBefore | kDelete | kUpdate, "UPDATE or DELETE"},
    {"audit_log_no_truncate", kBefore | kTruncate, "TRUNCATE"},
};

}  // namespace

Result<std::vector<std::string>> WorkflowTables::AuditGuardProblems() {
  std::vector<std::string> problems;
  for (const Guard& guard : kGuards) {
    auto rows = db_.Exec(kSelectTrigger, {guard.name});
    if (!rows.ok()) return rows.error();
    const std::string trigger = std::string("trigger ") + guard.name;
    const std::string open = std::string("nothing refuses ") + guard.refuses + " on audit_log";
    if (rows->rows() == 0) {
      problems.push_back(trigger + " is missing: " + open + " (it was dropped)");
      continue;
    }
    // 'O' fires in origin and local mode, 'A' always; 'D' is disabled, 'R' replica only.
    const std::string enabled = rows->Text(0, 0);
    if (enabled != "O" && enabled != "A") problems.push_back(trigger + " is disabled: " + open);
    if ((rows->Int(0, 1) & guard.type) != guard.type) {
      problems.push_back(trigger + " was replaced: it no longer fires before every " +
                         guard.refuses + " on audit_log");
    }
    if (rows->Text(0, 2).find("RAISE EXCEPTION") == std::string::npos) {
      problems.push_back(trigger + "'s function was replaced: it no longer refuses the change");
    }
  }
  return problems;
}

}  // namespace tollgate::storage::postgres

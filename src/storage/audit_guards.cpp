// SqlStore's check of the audit log's append-only triggers (part 762: audit records are
// kept). The one place besides queries.h and the migrations where the dialects differ
// in substance: each database describes its triggers in its own catalog.
//
// SQLite (migration 3): audit_log_no_update and audit_log_no_delete must still be there,
// on audit_log, with the statement they were created with. A trigger dropped, or
// replaced by one that lets the change through (a WHEN clause, no RAISE), leaves the log
// open to UPDATE and DELETE.
//
// PostgreSQL (migrations 3 and 8): audit_log_append_only must still be on audit_log,
// enabled, fire before each row's UPDATE and DELETE, and call a function that raises;
// audit_log_no_truncate likewise before a TRUNCATE. Dropped, disabled (ALTER TABLE ...
// DISABLE TRIGGER) or pointed at a function that lets the change through, a trigger
// leaves the log open.
//
// `audit verify` names what it finds.
#include <algorithm>
#include <cctype>
#include <string_view>

#include "storage/queries.h"
#include "storage/sql_store.h"

namespace tollgate::storage {
namespace {

struct SqliteGuard {
  std::string_view name;
  std::string_view refuses;
  std::string_view statement;  // as migration 3 creates it, whitespace collapsed
};
constexpr SqliteGuard kSqliteGuards[] = {
    {"audit_log_no_update", "UPDATE",
     "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT "
     "RAISE(ABORT, 'audit records are append-only (part 762)'); END"},
    {"audit_log_no_delete", "DELETE",
     "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT "
     "RAISE(ABORT, 'audit records are append-only (part 762)'); END"},
};

// pg_trigger.tgtype bits (PostgreSQL's catalog/pg_trigger.h).
constexpr int kRow = 1 << 0;
constexpr int kBefore = 1 << 1;
constexpr int kDelete = 1 << 3;
constexpr int kUpdate = 1 << 4;
constexpr int kTruncate = 1 << 5;

struct PostgresGuard {
  std::string_view name;
  int type;                  // the tgtype bits it must have
  std::string_view refuses;  // for the message
};
constexpr PostgresGuard kPostgresGuards[] = {
    {"audit_log_append_only", kRow | kBefore | kDelete | kUpdate, "UPDATE or DELETE"},
    {"audit_log_no_truncate", kBefore | kTruncate, "TRUNCATE"},
};

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

// The row of `rows` whose first column is `name`, or -1.
int RowNamed(const sql::Rows& rows, std::string_view name) {
  for (int i = 0; i < rows.size(); ++i) {
    if (rows.Text(i, 0) == name) return i;
  }
  return -1;
}

std::vector<std::string> SqliteProblems(const sql::Rows& triggers) {
  std::vector<std::string> problems;
  for (const SqliteGuard& guard : kSqliteGuards) {
    const std::string refuses(guard.refuses);
    const std::string trigger = "trigger " + std::string(guard.name);
    const int row = RowNamed(triggers, guard.name);
    if (row < 0) {
      problems.push_back(trigger + " is missing: nothing refuses " + refuses +
                         " on audit_log (it was dropped)");
    } else if (Collapsed(triggers.Text(row, 1)) != guard.statement) {
      problems.push_back(trigger + " was replaced: it no longer refuses every " + refuses +
                         " on audit_log");
    }
  }
  return problems;
}

std::vector<std::string> PostgresProblems(const sql::Rows& triggers) {
  std::vector<std::string> problems;
  for (const PostgresGuard& guard : kPostgresGuards) {
    const std::string trigger = "trigger " + std::string(guard.name);
    const std::string open = "nothing refuses " + std::string(guard.refuses) + " on audit_log";
    const int row = RowNamed(triggers, guard.name);
    if (row < 0) {
      problems.push_back(trigger + " is missing: " + open + " (it was dropped)");
      continue;
    }
    // 'O' fires in origin and local mode, 'A' always; 'D' is disabled, 'R' replica only.
    const std::string& enabled = triggers.Text(row, 1);
    if (enabled != "O" && enabled != "A") problems.push_back(trigger + " is disabled: " + open);
    if ((triggers.Int(row, 2) & guard.type) != guard.type) {
      problems.push_back(trigger + " was replaced: it no longer fires before every " +
                         std::string(guard.refuses) + " on audit_log");
    }
    if (triggers.Text(row, 3).find("RAISE EXCEPTION") == std::string::npos) {
      problems.push_back(trigger + "'s function was replaced: it no longer refuses the change");
    }
  }
  return problems;
}

}  // namespace

Result<std::vector<std::string>> SqlStore::AuditGuardProblems() {
  auto triggers = db_->Run(q::kSelectAuditTriggers);
  if (!triggers.ok()) return triggers.error();
  return db_->dialect() == sql::Dialect::kSqlite ? SqliteProblems(*triggers)
                                                 : PostgresProblems(*triggers);
}

}  // namespace tollgate::storage

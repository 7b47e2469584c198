// What the `applications` and `audit` commands share: acting as a stored user with a
// clock and the criteria catalog, reading a form file, and printing applications,
// timelines and deadlines as text (their JSON is the library's,
// tollgate/forms/applications_json.h, shared with the API).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli_context.h"
#include "tollgate/licensing/clock.h"
#include "tollgate/licensing/workflow.h"
#include "tollgate/rules/rule_set.h"

namespace tollgate::cli {

// Flags every applications command takes.
struct ActingFlags {
  std::string as;        // --as USER
  std::string date;      // --date YYYY-MM-DD: the day the step is taken (default today)
  std::string criteria;  // --criteria FILE (default: the shipped data/criteria.json)
};

void AddActingFlags(CLI::App& command, ActingFlags& flags, bool with_date);

// A store, the acting user, a clock and the catalog, wired into a Workflow.
class Session {
 public:
  // Prints why not and sets `exit_code` on failure; returns null then.
  static std::unique_ptr<Session> Open(const Context& context, const ActingFlags& flags,
                                       int& exit_code);

  licensing::Workflow& workflow() { return *workflow_; }
  const licensing::User& user() const { return user_; }
  storage::Store& store() { return *store_; }
  const licensing::CriteriaCatalog& catalog() const { return catalog_; }
  Date today() const { return clock_->Today(); }
  // The terms of the licenses approvals issue (data/rules/license_terms.json).
  const licensing::LicenseTerms& terms() const { return terms_; }
  // Who acts and when, for audited changes made outside the Workflow.
  storage::ChangeStamp stamp() const;

 private:
  std::unique_ptr<storage::Store> store_;
  licensing::User user_;
  std::unique_ptr<licensing::Clock> clock_;
  licensing::CriteriaCatalog catalog_;
  licensing::LicenseTerms terms_;
  std::shared_ptr<const rules::RuleSet> rules_;  // its catalog checks the items' ECCNs
  std::unique_ptr<licensing::Workflow> workflow_;
};

// A BIS-748P form as JSON (licensing::ApplicationFromJson, kForm), errors naming the file.
Result<licensing::Application> ReadForm(const std::string& path);

// `license`: the one issued on the application's approval, if any.
void PrintApplication(const licensing::Application& application,
                      const std::vector<storage::TimelineEntry>& timeline,
                      const std::vector<licensing::Deadline>& due,
                      const licensing::License* license = nullptr);
void PrintScreening(const std::vector<storage::ScreeningMatchRecord>& matches);
void PrintApplicationLine(const licensing::Application& application);
void PrintDueLine(const licensing::DueLine& line);

}  // namespace tollgate::cli

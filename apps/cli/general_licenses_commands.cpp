// `tollgate general-licenses load|list|show|issue|extend|revoke`: general licenses
// such as the Huawei Temporary General License (15 CFR 744 Supp. 7) kept in the store,
// where `tollgate check` reads them. A store is loaded from data/rules/
// general_licenses.json the first time one of these commands runs (or by `load`);
// BIS's reviewers issue, extend (a new window with its Federal Register citation) and
// revoke (from a date); a general license expires when its last window ends.
#include <iostream>
#include <nlohmann/json.hpp>

#include "applications_support.h"
#include "commands.h"
#include "json_file.h"
#include "tollgate/rules/locate.h"
#include "tollgate/rules/stored_general_licenses.h"

namespace tollgate::cli {
namespace {

struct Args {
  ActingFlags acting;
  std::string rules_dir, id, file, window_id, from, to, citation, supersedes, note;
  bool check = false;
  bool json = false;
};

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(message));
}

// Loads the rules data's general licenses that the store does not hold yet; returns
// how many were added.
Result<std::size_t> LoadMissing(storage::Store& store, const rules::RuleSet& rules,
                                const std::string& rules_dir, const storage::ChangeStamp& stamp) {
  auto dir = rules::RulesDir(rules_dir);
  if (!dir.ok()) return dir.error();
  return rules::LoadMissingGeneralLicenses(store, *dir / "general_licenses.json", rules.activities,
                                           stamp);
}

// A session whose store holds the general licenses (loaded on first use), and the
// rules (for the activities a definition names).
struct GeneralLicenseSession {
  std::unique_ptr<Session> session;
  std::shared_ptr<const rules::RuleSet> rules;
};

std::optional<GeneralLicenseSession> Open(const Context& context, const Args& args, int& code) {
  auto rules = rules::LoadRulesAt(args.rules_dir);
  if (!rules.ok()) {
    code = Fail(rules.error());
    return std::nullopt;
  }
  auto session = Session::Open(context, args.acting, code);
  if (!session) return std::nullopt;
  auto stored = session->store().ListGeneralLicenses();
  if (!stored.ok()) {
    code = Fail(stored.error());
    return std::nullopt;
  }
  if (stored->empty()) {
    // First use: the store takes the rules data's general licenses, loaded by the system.
    const storage::ChangeStamp system{"system", session->stamp().timestamp};
    auto loaded = LoadMissing(session->store(), **rules, args.rules_dir, system);
    if (!loaded.ok()) {
      code = Fail(loaded.error());
      return std::nullopt;
    }
  }
  return GeneralLicenseSession{std::move(session), *rules};
}

// BIS issues, extends and revokes general licenses: its reviewers, not applicants or
// agencies.
Status MayChange(const licensing::User& user) {
  if (user.role == licensing::Role::kReviewer) return {};
  return MakeError(ErrorCode::kPermissionDenied, "only a BIS reviewer changes general licenses; " +
                                                     user.name + " is a " +
                                                     licensing::RoleName(user.role));
}

Result<storage::GeneralLicenseRecord> Find(storage::Store& store, const std::string& id) {
  auto stored = store.ListGeneralLicenses();
  if (!stored.ok()) return stored.error();
  for (auto& record : *stored) {
    if (record.id == id) return std::move(record);
  }
  return MakeError(ErrorCode::kNotFound, "no general license " + id + " in the store");
}

std::string LastDay(const storage::GeneralLicenseRecord& record) {
  auto effective = rules::EffectiveDefinition(record);
  if (effective.is_null()) return "never in force";
  std::string last;
  for (const auto& w : effective.at("windows")) last = std::max(last, w.value("to", ""));
  return "in force through " + last;
}

void PrintRecord(const storage::GeneralLicenseRecord& r) {
  std::cout << "general license " << r.id << ": " << r.name << " (version " << r.version << ")\n  "
            << LastDay(r) << "\n";
  for (const auto& w : r.windows) {
    std::cout << "  window " << w.id << ": " << w.from.ToString() << ".." << w.to.ToString()
              << (w.body.value("supersedes", "").empty()
                      ? ""
                      : ", supersedes " + w.body.value("supersedes", ""))
              << " [" << w.body.value("citation", "") << "]"
              << "\n";
  }
  if (r.revoked_from) {
    std::cout << "  revoked from " << r.revoked_from->ToString() << " [" << r.revocation_citation
              << "]\n";
  }
}

int RunLoad(const Context& context, const Args& args) {
  auto rules = rules::LoadRulesAt(args.rules_dir);
  if (!rules.ok()) return Fail(rules.error());
  int code = 0;
  auto session = Session::Open(context, args.acting, code);
  if (!session) return code;
  if (auto may = MayChange(session->user()); !may.ok()) return Fail(may.error());
  auto loaded = LoadMissing(session->store(), **rules, args.rules_dir, session->stamp());
  if (!loaded.ok()) return Fail(loaded.error());
  // The folder the rules were just loaded from: found, so value() holds one.
  std::cout << "loaded " << *loaded << " general license(s) from "
            << (rules::RulesDir(args.rules_dir).value() / "general_licenses.json").string() << "\n";
  return 0;
}

int RunList(const Context& context, const Args& args) {
  int code = 0;
  auto opened = Open(context, args, code);
  if (!opened) return code;
  auto stored = opened->session->store().ListGeneralLicenses();
  if (!stored.ok()) return Fail(stored.error());
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : *stored) out.push_back(rules::GeneralLicenseJson(r));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  for (const auto& r : *stored) {
    std::cout << r.id << "  " << r.windows.size() << " window(s)  " << LastDay(r)
              << (r.revoked_from ? "  revoked from " + r.revoked_from->ToString() : "") << "  "
              << r.name << "\n";
  }
  return 0;
}

int RunShow(const Context& context, const Args& args) {
  int code = 0;
  auto opened = Open(context, args, code);
  if (!opened) return code;
  auto record = Find(opened->session->store(), args.id);
  if (!record.ok()) return Fail(record.error());
  if (args.json) {
    std::cout << rules::GeneralLicenseJson(*record).dump(2) << "\n";
  } else {
    PrintRecord(*record);
  }
  return 0;
}

int RunIssue(const Context& context, const Args& args) {
  if (args.file.empty()) return Fail(Invalid("--file GL.json is required"));
  auto json = ReadJsonFile(args.file);
  if (!json.ok()) return Fail(json.error());
  int code = 0;
  auto opened = Open(context, args, code);
  if (!opened) return code;
  if (auto may = MayChange(opened->session->user()); !may.ok()) return Fail(may.error());
  auto record = rules::GeneralLicenseRecordFromJson(*json, args.file, opened->rules->activities);
  if (!record.ok()) return Fail(record.error());
  if (auto s = opened->session->store().AddGeneralLicenses({*record}, "general_license.issue",
                                                           opened->session->stamp());
      !s.ok()) {
    return Fail(s.error());
  }
  std::cout << "issued general license " << record->id << "\n";
  return 0;
}

int RunExtend(const Context& context, const Args& args) {
  for (auto [flag, value] :
       {std::pair{"--window-id", &args.window_id}, std::pair{"--from", &args.from},
        std::pair{"--to", &args.to}, std::pair{"--citation", &args.citation}}) {
    if (value->empty()) return Fail(Invalid(std::string(flag) + " is required"));
  }
  for (auto [flag, value] : {std::pair{"--from", &args.from}, std::pair{"--to", &args.to}}) {
    if (auto d = Date::Parse(*value); !d.ok()) {
      return Fail(Invalid(std::string(flag) + ": " + d.error().message));
    }
  }
  nlohmann::json window = {
      {"id", args.window_id}, {"from", args.from}, {"to", args.to}, {"citation", args.citation}};
  if (!args.supersedes.empty()) window["supersedes"] = args.supersedes;
  if (args.check) window["check"] = true;
  if (!args.note.empty()) window["note"] = args.note;
  int code = 0;
  auto opened = Open(context, args, code);
  if (!opened) return code;
  auto& store = opened->session->store();
  if (auto may = MayChange(opened->session->user()); !may.ok()) return Fail(may.error());
  auto record = Find(store, args.id);
  if (!record.ok()) return Fail(record.error());
  auto extended = rules::ExtendGeneralLicense(*record, window, opened->rules->activities);
  if (!extended.ok()) return Fail(extended.error());
  auto saved =
      store.UpdateGeneralLicense(*extended, "general_license.extend", opened->session->stamp());
  if (!saved.ok()) return Fail(saved.error());
  std::cout << "extended general license " << saved->id << ": window " << args.window_id << " "
            << args.from << ".." << args.to << "; " << LastDay(*saved) << "\n";
  return 0;
}

int RunRevoke(const Context& context, const Args& args) {
  if (args.from.empty()) return Fail(Invalid("--from DATE is required"));
  auto from = Date::Parse(args.from);
  if (!from.ok()) return Fail(Invalid("--from: " + from.error().message));
  int code = 0;
  auto opened = Open(context, args, code);
  if (!opened) return code;
  auto& store = opened->session->store();
  if (auto may = MayChange(opened->session->user()); !may.ok()) return Fail(may.error());
  auto record = Find(store, args.id);
  if (!record.ok()) return Fail(record.error());
  auto revoked =
      rules::RevokeGeneralLicense(*record, *from, args.citation, opened->rules->activities);
  if (!revoked.ok()) return Fail(revoked.error());
  auto saved =
      store.UpdateGeneralLicense(*revoked, "general_license.revoke", opened->session->stamp());
  if (!saved.ok()) return Fail(saved.error());
  std::cout << "revoked general license " << saved->id << " from " << from->ToString() << "; "
            << LastDay(*saved) << "\n";
  return 0;
}

}  // namespace

void AddGeneralLicensesCommands(CLI::App& app, Context& context, int& exit_code) {
  auto* general = app.add_subcommand("general-licenses",
                                     "general licenses such as the Huawei TGL (read by check)");
  general->require_subcommand(1);
  auto add = [&](const char* name, const char* help, int (*run)(const Context&, const Args&)) {
    auto args = std::make_shared<Args>();
    auto* command = general->add_subcommand(name, help);
    command->add_option("--rules", args->rules_dir, "rules directory (env TOLLGATE_RULES)");
    AddActingFlags(*command, args->acting, /*with_date=*/true);
    command->callback([&, args, run] { exit_code = run(context, *args); });
    return std::pair{command, args};
  };
  add("load", "load the rules data's general licenses the store does not hold", RunLoad);
  auto [list, list_args] = add("list", "the general licenses, with when each is in force", RunList);
  list->add_flag("--json", list_args->json, "JSON array");
  auto [show, show_args] =
      add("show", "one general license: windows, citations, revocation", RunShow);
  show->add_option("id", show_args->id, "e.g. huawei_tgl")->required();
  show->add_flag("--json", show_args->json, "JSON");
  auto [issue, issue_args] = add("issue", "issue a general license (--file, rules form)", RunIssue);
  issue->add_option("--file", issue_args->file, "the general license as in general_licenses.json");
  auto [extend, extend_args] = add("extend", "extend with a new window", RunExtend);
  extend->add_option("id", extend_args->id, "e.g. huawei_tgl")->required();
  extend->add_option("--window-id", extend_args->window_id, "the new window's id");
  extend->add_option("--from", extend_args->from, "first day, YYYY-MM-DD");
  extend->add_option("--to", extend_args->to, "last day, YYYY-MM-DD");
  extend->add_option("--citation", extend_args->citation, "the Federal Register notice");
  extend->add_option("--supersedes", extend_args->supersedes,
                     "the window it replaces from its first day, when they overlap");
  extend->add_flag("--check", extend_args->check, "a fact not confirmed yet (needs --note)");
  extend->add_option("--note", extend_args->note, "what to verify");
  auto [revoke, revoke_args] = add("revoke", "revoke from a date", RunRevoke);
  revoke->add_option("id", revoke_args->id, "e.g. huawei_tgl")->required();
  revoke->add_option("--from", revoke_args->from, "the first day it no longer authorizes");
  revoke->add_option("--citation", revoke_args->citation, "the authority for the revocation");
}

}  // namespace tollgate::cli

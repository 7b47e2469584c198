#include "bootstrap.h"

#include <filesystem>

#include "tollgate/accounts/credentials.h"
#include "tollgate/common/data_dir.h"
#include "tollgate/licensing/list_change.h"
#include "tollgate/lists/import.h"
#include "tollgate/rules/stored_general_licenses.h"

namespace tollgate::server {
namespace {

// How this binary is called from the current folder ("build/tollgate"), so the hint
// can be pasted as it is.
std::string ThisProgram() {
  const auto exe = ExecutablePath();
  if (!exe.ok()) return "tollgate";
  std::error_code error;
  const auto relative = exe->lexically_relative(std::filesystem::current_path(error));
  if (error || relative.empty() || *relative.begin() == "..") return exe->string();
  return relative.string();
}

// A database that already has users gets no new administrator (nor a password on
// the terminal): the operator is told the command that gives one a one-time password.
void TellHowToGetIn(const std::vector<storage::UserAccount>& users, const std::string& db_url,
                    std::ostream& out) {
  const std::string program = ThisProgram() + " --db " + db_url;
  for (const auto& account : users) {
    if (account.user.role != licensing::Role::kAdmin || account.disabled) continue;
    out << "\nThis database has users. To log in as an administrator, give one a one-time "
           "password:\n  "
        << program << " users set-password " << account.user.name << "\n\n";
    return;
  }
  out << "\nThis database has users but no enabled administrator. Add one (it prints a "
         "one-time password):\n  "
      << program << " users add admin --role admin\n\n";
}

}  // namespace

Status BootstrapIfEmpty(storage::Store& store, const licensing::Clock& clock,
                        const licensing::RulesLoader& rules, const std::string& base_url,
                        const std::string& db_url, std::ostream& out) {
  auto versions = store.ListVersions();
  if (!versions.ok()) return versions.error();
  if (versions->empty()) {
    lists::ImportOptions options;
    options.as_of = Date::Parse("2019-05-16").value();  // 84 FR 22961, effective date
    options.actor = "system first start";
    auto extract = ShippedPath("data/lists/huawei_entity_list_2019.csv");
    if (!extract.ok()) return extract.error();
    // Applications filed before any list was loaded are screened against it too.
    auto report = licensing::ImportAndRescreen(store, *extract, options, rules);
    if (!report.ok()) return report.error();
    out << "loaded the shipped Entity List extract (" << report->version.entry_count
        << " entries, in force from 2019-05-16)\n";
  }

  auto users = store.ListAccounts();
  if (!users.ok()) return users.error();
  if (!users->empty()) {
    TellHowToGetIn(*users, db_url, out);
    return {};
  }
  const storage::ChangeStamp stamp{"system first start", clock.Timestamp()};
  const licensing::User admin{"admin", licensing::Role::kAdmin, "", std::nullopt};
  if (auto s = store.AddUser(admin, stamp); !s.ok()) return s;
  const std::string password = accounts::GeneratePassword();
  if (auto s = store.SetPasswordHash(admin.name, accounts::HashPassword(password), true, stamp);
      !s.ok()) {
    return s;
  }
  out << "\nFirst start: created the administrator.\n"
      << "  user:     admin\n"
      << "  password: " << password
      << "   (one-time: shown once, to be changed at the first login)\n"
      << "Log in at " << base_url << "/ (it asks for your own password), or with curl:\n"
      << "  curl -c cookies -H 'Content-Type: application/json' -d '{\"user\":\"admin\","
         "\"password\":\"...\",\"new_password\":\"...\"}' "
      << base_url << "/api/password\n"
      << "Then create users (POST /api/users) and API tokens (POST /api/tokens).\n\n";
  return {};
}

Status LoadGeneralLicensesIfNone(storage::Store& store, const rules::RuleSet& rules,
                                 const std::filesystem::path& rules_dir,
                                 const licensing::Clock& clock, std::ostream& out) {
  auto stored = store.ListGeneralLicenses();
  if (!stored.ok()) return stored.error();
  if (!stored->empty()) return {};
  const storage::ChangeStamp stamp{"system", clock.Timestamp()};
  auto loaded = rules::LoadMissingGeneralLicenses(store, rules_dir / "general_licenses.json",
                                                  rules.activities, stamp);
  if (!loaded.ok()) return loaded.error();
  if (*loaded > 0) out << "loaded " << *loaded << " general license(s) from the rules data\n";
  return {};
}

}  // namespace tollgate::server

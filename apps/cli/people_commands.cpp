// `tollgate orgs add|list` and `tollgate users add|list|disable|enable|set-role|
// set-password`: the organizations that apply for licenses and the users who act in
// the workflow (applicants for an organization, BIS reviewers, agency officers), run
// from the shell of the database's host, so an administrator can always get in.
// Every change is recorded in the audit log as done by "admin <name>" (--by, default
// the login name).
#include <cstdlib>
#include <iostream>

#include "commands.h"
#include "tollgate/accounts/credentials.h"
#include "tollgate/licensing/clock.h"
#include "tollgate/licensing/organization.h"
#include "tollgate/storage/unit_of_work.h"

namespace tollgate::cli {
namespace {

storage::ChangeStamp Stamp(const std::string& by) {
  std::string who = by;
  if (who.empty()) {
    const char* login = std::getenv("USER");
    who = login != nullptr && *login != '\0' ? login : "unknown";
  }
  return {"admin " + who, licensing::SystemClock().Timestamp()};
}

struct UserFlags {
  std::string name, role, organization, agency, by;
};

// The role, organization and agency flags as a user named `name`; kInvalidArgument
// naming the flag.
Result<licensing::User> UserOf(const UserFlags& flags) {
  licensing::User user;
  user.name = flags.name;
  auto role = licensing::ParseRole(flags.role);
  if (!role) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "--role: unknown role '" + flags.role +
                         "' (applicant, reviewer, agency, system, oversight, admin)");
  }
  user.role = *role;
  user.organization = flags.organization;
  if (!flags.agency.empty()) {
    user.agency = licensing::ParseAgency(flags.agency);
    if (!user.agency) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "--agency: unknown agency '" + flags.agency + "' (defense, state, energy)");
    }
  }
  return user;
}

std::string Describe(const licensing::User& user) {
  return std::string(licensing::RoleName(user.role)) +
         (user.organization.empty() ? "" : ", organization " + user.organization) +
         (user.agency ? std::string(", ") + licensing::AgencyName(*user.agency) : "");
}

// Sets a generated one-time password (the user chooses their own at the first login)
// and prints it: only its hash is stored.
Status GiveOneTimePassword(storage::Store& store, const std::string& name,
                           const storage::ChangeStamp& stamp) {
  const std::string password = accounts::GeneratePassword();
  if (auto s = store.SetPasswordHash(name, accounts::HashPassword(password), true, stamp);
      !s.ok()) {
    return s;
  }
  std::cout << "one-time password: " << password
            << "   (shown once; to be changed at the first login)\n";
  return {};
}

int RunAddUser(const Context& context, const UserFlags& flags) {
  auto user = UserOf(flags);
  if (!user.ok()) return Fail(user.error());
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  const auto stamp = Stamp(flags.by);
  // An administrator can always get in: one added here gets a one-time password, in
  // the same transaction. Other users get theirs from `users set-password` when they
  // need the web UI (the CLI needs none).
  auto unit = storage::UnitOfWork::Begin(*store);
  if (!unit.ok()) return Fail(unit.error());
  if (auto s = store->AddUser(*user, stamp); !s.ok()) return Fail(s.error());
  std::cout << "added user " << user->name << " (" << Describe(*user) << ")\n";
  if (user->role == licensing::Role::kAdmin) {
    if (auto s = GiveOneTimePassword(*store, user->name, stamp); !s.ok()) return Fail(s.error());
  }
  if (auto s = unit->Commit(); !s.ok()) return Fail(s.error());
  return 0;
}

int RunListUsers(const Context& context) {
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  auto all = store->ListAccounts();
  if (!all.ok()) return Fail(all.error());
  for (const auto& a : *all) {
    std::cout << a.user.name << "  " << Describe(a.user) << "  "
              << (a.disabled ? "disabled" : "enabled") << "  password "
              << (!a.has_password          ? "none"
                  : a.must_change_password ? "one-time"
                                           : "set")
              << "  " << a.token_count << " token(s)\n";
  }
  return 0;
}

int RunSetDisabled(const Context& context, const UserFlags& flags, bool disabled) {
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  if (auto s = store->SetUserDisabled(flags.name, disabled, Stamp(flags.by)); !s.ok()) {
    return Fail(s.error());
  }
  std::cout << (disabled ? "disabled user " : "enabled user ") << flags.name << "\n";
  return 0;
}

int RunSetRole(const Context& context, const UserFlags& flags) {
  auto user = UserOf(flags);
  if (!user.ok()) return Fail(user.error());
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  if (auto s = store->ChangeUserRole(*user, Stamp(flags.by)); !s.ok()) return Fail(s.error());
  std::cout << "user " << user->name << " is now " << Describe(*user) << "\n";
  return 0;
}

int RunSetPassword(const Context& context, const UserFlags& flags) {
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  if (auto s = GiveOneTimePassword(*store, flags.name, Stamp(flags.by)); !s.ok())
    return Fail(s.error());
  return 0;
}

// --role, --org, --agency and --by, for `users add` and `users set-role`.
void AddRoleOptions(CLI::App& command, UserFlags& flags) {
  command
      .add_option("--role", flags.role, "applicant, reviewer, agency, system, oversight or admin")
      ->required();
  command.add_option("--org", flags.organization, "applicants: the organization's id");
  command.add_option("--agency", flags.agency, "agency users: defense, state or energy");
  command.add_option("--by", flags.by, "who does it, for the audit log (default $USER)");
}

}  // namespace

void AddPeopleCommands(CLI::App& app, Context& context, int& exit_code) {
  auto* orgs = app.add_subcommand("orgs", "organizations that apply for licenses");
  orgs->require_subcommand(1);
  auto org = std::make_shared<licensing::Organization>();
  auto org_by = std::make_shared<std::string>();
  auto* add_org = orgs->add_subcommand("add", "add an organization");
  add_org->add_option("id", org->id, "short key, e.g. microsoft")->required();
  add_org->add_option("--name", org->name, "legal name")->required();
  add_org->add_option("--by", *org_by, "who sets it up, for the audit log (default $USER)");
  add_org->callback([&, org, org_by] {
    auto store = OpenStoreOrReport(context, exit_code);
    if (!store) return;
    if (auto s = store->AddOrganization(*org, Stamp(*org_by)); !s.ok()) {
      exit_code = Fail(s.error());
      return;
    }
    std::cout << "added organization " << org->id << " (" << org->name << ")\n";
  });
  auto* list_orgs = orgs->add_subcommand("list", "the organizations, by id");
  list_orgs->callback([&] {
    auto store = OpenStoreOrReport(context, exit_code);
    if (!store) return;
    auto all = store->ListOrganizations();
    if (!all.ok()) {
      exit_code = Fail(all.error());
      return;
    }
    for (const auto& o : *all) std::cout << o.id << "  " << o.name << "\n";
  });

  auto* users = app.add_subcommand("users", "the people who act in the licensing workflow");
  users->require_subcommand(1);
  auto user = std::make_shared<UserFlags>();
  auto* add_user = users->add_subcommand("add", "add a user");
  add_user->add_option("name", user->name, "login name, e.g. msft-exports")->required();
  AddRoleOptions(*add_user, *user);
  add_user->callback([&, user] { exit_code = RunAddUser(context, *user); });

  users->add_subcommand("list", "the users, by name, with their state")->callback([&] {
    exit_code = RunListUsers(context);
  });
  for (const bool disabled : {true, false}) {
    auto* command = users->add_subcommand(
        disabled ? "disable" : "enable",
        disabled ? "refuse USER's login, sessions and tokens at once" : "let USER in again");
    command->add_option("name", user->name, "login name")->required();
    command->add_option("--by", user->by, "who does it, for the audit log (default $USER)");
    command->callback(
        [&, user, disabled] { exit_code = RunSetDisabled(context, *user, disabled); });
  }
  auto* set_role = users->add_subcommand("set-role", "give USER another role");
  set_role->add_option("name", user->name, "login name")->required();
  AddRoleOptions(*set_role, *user);
  set_role->callback([&, user] { exit_code = RunSetRole(context, *user); });
  auto* set_password = users->add_subcommand(
      "set-password", "give USER a new one-time password (printed once; ends USER's sessions)");
  set_password->add_option("name", user->name, "login name")->required();
  set_password->add_option("--by", user->by, "who does it, for the audit log (default $USER)");
  set_password->callback([&, user] { exit_code = RunSetPassword(context, *user); });
}

}  // namespace tollgate::cli

// `tollgate orgs add|list` and `tollgate users add|show`: the organizations that apply
// for licenses and the users who act in the workflow (applicants for an organization,
// BIS reviewers, agency officers). Setting them up is recorded in the audit log as
// done by "admin <name>" (--by, default the login name).
#include <cstdlib>
#include <iostream>

#include "commands.h"
#include "tollgate/licensing/clock.h"
#include "tollgate/licensing/organization.h"

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

int RunAddUser(const Context& context, const UserFlags& flags) {
  licensing::User user;
  user.name = flags.name;
  auto role = licensing::ParseRole(flags.role);
  if (!role) {
    return Fail(MakeError(ErrorCode::kInvalidArgument,
                          "--role: unknown role '" + flags.role +
                              "' (applicant, reviewer, agency, system, oversight, admin)"));
  }
  user.role = *role;
  user.organization = flags.organization;
  if (!flags.agency.empty()) {
    user.agency = licensing::ParseAgency(flags.agency);
    if (!user.agency) {
      return Fail(
          MakeError(ErrorCode::kInvalidArgument,
                    "--agency: unknown agency '" + flags.agency + "' (defense, state, energy)"));
    }
  }
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  if (auto s = store->AddUser(user, Stamp(flags.by)); !s.ok()) return Fail(s.error());
  std::cout << "added user " << user.name << " (" << licensing::RoleName(user.role)
            << (user.organization.empty() ? "" : ", organization " + user.organization)
            << (user.agency ? std::string(", ") + licensing::AgencyName(*user.agency) : "")
            << ")\n";
  return 0;
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
  add_user
      ->add_option("--role", user->role, "applicant, reviewer, agency, system, oversight or admin")
      ->required();
  add_user->add_option("--org", user->organization, "applicants: the organization's id");
  add_user->add_option("--agency", user->agency, "agency users: defense, state or energy");
  add_user->add_option("--by", user->by, "who sets it up, for the audit log (default $USER)");
  add_user->callback([&, user] { exit_code = RunAddUser(context, *user); });
}

}  // namespace tollgate::cli

// `tollgate tokens issue USER --name NAME`: an API token for a stored user, printed
// once (only its SHA-256 is stored), for machines that call `tollgate serve` and for
// setting up users on a server from the shell; `tokens list USER` and `tokens revoke
// USER ID` to end one. Each change is recorded in the audit log.
#include <iostream>

#include "commands.h"
#include "tollgate/accounts/credentials.h"
#include "tollgate/licensing/clock.h"

namespace tollgate::cli {

void AddTokensCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* tokens = app.add_subcommand("tokens", "API tokens for the HTTP server");
  tokens->require_subcommand(1);
  struct Args {
    std::string user, name;
  };
  auto args = std::make_shared<Args>();
  auto* issue = tokens->add_subcommand("issue", "issue a token for USER (printed once)");
  issue->add_option("user", args->user, "the user the token acts as")->required();
  issue->add_option("--name", args->name, "what it is for, e.g. order-system")->required();
  issue->callback([&, args] {
    if (!licensing::IsWellFormedKey(args->name)) {
      exit_code = Fail(
          MakeError(ErrorCode::kInvalidArgument, "--name: 1 to 64 of a-z, 0-9, '-', '_' and '.'"));
      return;
    }
    auto store = OpenStoreOrReport(context, exit_code);
    if (!store) return;
    const std::string token = accounts::RandomSecret("tg_");
    const std::string timestamp = licensing::SystemClock().Timestamp();
    storage::ApiTokenRecord record{accounts::SecretDigest(token), args->user, args->name,
                                   timestamp};
    if (auto s = store->AddApiToken(record, {"admin cli", timestamp}); !s.ok()) {
      exit_code = Fail(s.error());
      return;
    }
    std::cout << token << "\n";
  });

  auto* list = tokens->add_subcommand("list", "USER's tokens: id, name, when issued");
  list->add_option("user", args->user, "whose tokens")->required();
  list->callback([&, args] {
    auto store = OpenStoreOrReport(context, exit_code);
    if (!store) return;
    auto all = store->ListApiTokens(args->user);
    if (!all.ok()) {
      exit_code = Fail(all.error());
      return;
    }
    for (const auto& t : *all) std::cout << t.id << "  " << t.name << "  " << t.created_at << "\n";
  });

  auto* revoke = tokens->add_subcommand("revoke", "revoke USER's token ID (from tokens list)");
  revoke->add_option("user", args->user, "whose token")->required();
  revoke->add_option("id", args->name, "the token's id, as `tokens list` shows it")->required();
  revoke->callback([&, args] {
    auto store = OpenStoreOrReport(context, exit_code);
    if (!store) return;
    const storage::ChangeStamp stamp{"admin cli", licensing::SystemClock().Timestamp()};
    if (auto s = store->RevokeApiToken(args->user, args->name, stamp); !s.ok()) {
      exit_code = Fail(s.error());
      return;
    }
    std::cout << "revoked token " << args->name << " of " << args->user << "\n";
  });
}

}  // namespace tollgate::cli

// `tollgate webhooks add|list|remove|deliveries|redeliver|deliver`: where an
// organization is told of new and reopened alerts (tollgate/webhooks/). Like the party
// master, a webhook is the exporter's own business: with --as USER only an applicant
// of the organization; without, the operator who holds the database, naming --org.
#include <iostream>
#include <optional>

#include "commands.h"
#include "master_support.h"
#include "tollgate/licensing/clock.h"
#include "tollgate/licensing/organization.h"
#include "tollgate/webhooks/access.h"
#include "tollgate/webhooks/outbox.h"
#include "tollgate/webhooks/signature.h"

namespace tollgate::cli {
namespace {

struct WebhooksArgs {
  std::string org, as, url, secret, state;
  std::int64_t id = 0;
  std::int64_t limit = 50;
  bool json = false;
};

std::optional<Master> OpenOwner(const Context& context, const WebhooksArgs& args, int& exit_code) {
  return OpenMaster(context, args.org, args.as, exit_code, &webhooks::WebhooksOf);
}

int RunAdd(const Context& context, const WebhooksArgs& args) {
  // Checked before the store is opened: a bad URL changes nothing.
  if (auto valid = webhooks::ValidateWebhookUrl(args.url); !valid.ok()) {
    return Fail(MakeError(valid.error().code, "--" + valid.error().message));
  }
  int code = 0;
  auto owner = OpenOwner(context, args, code);
  if (!owner) return code;
  licensing::SystemClock clock;
  webhooks::Webhook hook;
  hook.organization = owner->organization;
  hook.url = args.url;
  hook.secret = args.secret.empty() ? webhooks::NewSecret() : args.secret;
  auto added = owner->store->AddWebhook(hook, {owner->actor, clock.Timestamp()});
  if (!added.ok()) return Fail(added.error());
  if (args.json) {
    std::cout << webhooks::ToJson(*added, /*with_secret=*/true).dump(2) << "\n";
    return 0;
  }
  std::cout << "webhook " << added->id << " of " << added->organization << ": " << added->url
            << "\n"
            << "secret: " << added->secret << "\n"
            << "(keep the secret: it is not shown again. Each POST carries "
            << webhooks::kSignatureHeader << ": sha256=HMAC-SHA256(secret, body) in hex.)\n";
  return 0;
}

int RunList(const Context& context, const WebhooksArgs& args) {
  int code = 0;
  auto owner = OpenOwner(context, args, code);
  if (!owner) return code;
  auto hooks = owner->store->ListWebhooks(owner->organization);
  if (!hooks.ok()) return Fail(hooks.error());
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& h : *hooks) out.push_back(webhooks::ToJson(h));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (hooks->empty()) std::cout << "no webhooks in " << owner->organization << "\n";
  for (const auto& h : *hooks) {
    std::cout << h.id << "  " << h.url << "  added " << h.created_at << " by " << h.created_by
              << (h.removed_at.empty() ? "" : "  removed " + h.removed_at) << "\n";
  }
  return 0;
}

int RunRemove(const Context& context, const WebhooksArgs& args) {
  int code = 0;
  auto owner = OpenOwner(context, args, code);
  if (!owner) return code;
  licensing::SystemClock clock;
  if (auto s = owner->store->RemoveWebhook(owner->organization, args.id,
                                           {owner->actor, clock.Timestamp()});
      !s.ok()) {
    return Fail(s.error());
  }
  std::cout << "removed webhook " << args.id << " of " << owner->organization << "\n";
  return 0;
}

int RunDeliveries(const Context& context, const WebhooksArgs& args) {
  std::optional<webhooks::DeliveryState> state;
  if (!args.state.empty()) {
    state = webhooks::ParseDeliveryState(args.state);
    if (!state) {
      return Fail(MakeError(
          ErrorCode::kInvalidArgument,
          "--state: '" + args.state + "' is not one of pending, delivered, failed, cancelled"));
    }
  }
  int code = 0;
  auto owner = OpenOwner(context, args, code);
  if (!owner) return code;
  auto found = owner->store->ListDeliveries(owner->organization, state, args.limit);
  if (!found.ok()) return Fail(found.error());
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : *found) out.push_back(webhooks::ToJson(d));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (found->empty()) std::cout << "no deliveries\n";
  for (const auto& d : *found) {
    std::cout << d.id << "  " << webhooks::DeliveryStateName(d.state) << "  " << d.event_type << " "
              << d.event_id << "  to " << d.url << "  attempts " << d.attempts;
    if (d.state == webhooks::DeliveryState::kDelivered) std::cout << "  at " << d.delivered_at;
    if (d.state == webhooks::DeliveryState::kPending) std::cout << "  next " << d.next_attempt_at;
    if (!d.last_error.empty()) std::cout << "  (" << d.last_error << ")";
    std::cout << "\n";
  }
  return 0;
}

int RunRedeliver(const Context& context, const WebhooksArgs& args) {
  int code = 0;
  auto owner = OpenOwner(context, args, code);
  if (!owner) return code;
  licensing::SystemClock clock;
  if (auto s = owner->store->RedeliverDelivery(owner->organization, args.id,
                                               {owner->actor, clock.Timestamp()});
      !s.ok()) {
    return Fail(s.error());
  }
  std::cout << "delivery " << args.id << " will be sent again\n";
  return 0;
}

// Sends what is due now, for every organization: what the server does every few
// seconds, for a deployment that runs the CLI from cron instead.
int RunDeliver(const Context& context) {
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  licensing::SystemClock clock;
  webhooks::DeliveryRun total;
  for (;;) {
    auto run = webhooks::DeliverDue(*store, clock);
    if (!run.ok()) return Fail(run.error());
    total.delivered += run->delivered;
    total.retrying += run->retrying;
    total.failed += run->failed;
    total.cancelled += run->cancelled;
    if (run->delivered + run->retrying + run->failed + run->cancelled == 0) break;
  }
  std::cout << total.delivered << " delivered, " << total.retrying << " to be tried again, "
            << total.failed << " failed, " << total.cancelled << " cancelled\n";
  // A delivery to be tried again is ordinary; one that has spent its attempts is not.
  return total.failed > 0 ? ExitCodeFor(ErrorCode::kIoError) : 0;
}

void AddOwnerFlags(CLI::App& command, WebhooksArgs& args) {
  command.add_option("--org", args.org, "the organization (an applicant's own)");
  command.add_option("--as", args.as, "act as this stored user (an applicant of the organization)");
  command.add_flag("--json", args.json, "print JSON");
}

}  // namespace

void AddWebhooksCommands(CLI::App& app, Context& context, int& exit_code) {
  auto* hooks = app.add_subcommand("webhooks", "signed POSTs of new and reopened alerts");
  hooks->require_subcommand(1);
  auto args = std::make_shared<WebhooksArgs>();

  auto* add = hooks->add_subcommand("add", "register a URL to receive the organization's alerts");
  add->add_option("--url", args->url, "http:// or https:// URL that accepts a JSON POST")
      ->required();
  add->add_option("--secret", args->secret, "the shared secret (default: a new random one)");
  AddOwnerFlags(*add, *args);
  add->callback([&context, &exit_code, args] { exit_code = RunAdd(context, *args); });

  auto* list = hooks->add_subcommand("list", "the organization's webhooks");
  AddOwnerFlags(*list, *args);
  list->callback([&context, &exit_code, args] { exit_code = RunList(context, *args); });

  auto* remove = hooks->add_subcommand("remove", "stop sending to a webhook");
  remove->add_option("id", args->id, "the webhook's id")->required();
  AddOwnerFlags(*remove, *args);
  remove->callback([&context, &exit_code, args] { exit_code = RunRemove(context, *args); });

  auto* deliveries = hooks->add_subcommand("deliveries", "what was sent, and what waits");
  deliveries->add_option("--state", args->state, "pending, delivered, failed or cancelled");
  deliveries->add_option("--limit", args->limit, "at most this many, newest first (default 50)")
      ->check(CLI::Range(1, 10000));
  AddOwnerFlags(*deliveries, *args);
  deliveries->callback([&context, &exit_code, args] { exit_code = RunDeliveries(context, *args); });

  auto* redeliver = hooks->add_subcommand("redeliver", "send a failed delivery again");
  redeliver->add_option("id", args->id, "the delivery's id")->required();
  AddOwnerFlags(*redeliver, *args);
  redeliver->callback([&context, &exit_code, args] { exit_code = RunRedeliver(context, *args); });

  auto* deliver = hooks->add_subcommand(
      "deliver", "send every delivery that is due now (what `serve` does every few seconds)");
  deliver->callback([&context, &exit_code] { exit_code = RunDeliver(context); });
}

}  // namespace tollgate::cli

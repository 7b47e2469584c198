// `tollgate applications transition ACN EVENT`: one step of the process, as the user
// (--as) on the day given (--date). What each event needs is in the state machine's
// table (`applications show` lists the next steps with their needs).
#include <iostream>

#include "applications_support.h"
#include "commands.h"
#include "tollgate/forms/applications_json.h"

namespace tollgate::cli {
namespace {

struct Flags {
  ActingFlags acting;
  std::string control_number;
  std::string event;
  std::int64_t version = 0;  // 0: whatever is current
  std::string text;
  std::vector<std::string> criteria;
  std::vector<std::string> agencies;
  std::string recommendation;
  std::vector<std::string> conditions;
  std::vector<std::string> approved_items;  // INDEX:QUANTITY
  bool json = false;
};

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(message));
}

Result<licensing::Event> EventFromFlags(const Flags& flags) {
  licensing::Event event;
  auto kind = licensing::ParseEvent(flags.event);
  if (!kind) {
    return Invalid("unknown event '" + flags.event +
                   "' (submit, register, return, refer, recommend, escalate, intent_to_deny, "
                   "respond, approve, deny, withdraw)");
  }
  if (*kind == licensing::EventKind::kSubmit) {
    return Invalid("use `applications submit FORM` to file an application");
  }
  event.kind = *kind;
  event.text = flags.text;
  event.criteria = flags.criteria;
  event.conditions = flags.conditions;
  for (const auto& name : flags.agencies) {
    auto agency = licensing::ParseAgency(name);
    if (!agency) return Invalid("--agency: unknown agency '" + name + "' (defense, state, energy)");
    event.agencies.push_back(*agency);
  }
  if (!flags.recommendation.empty()) {
    event.recommendation = licensing::ParseRecommendation(flags.recommendation);
    if (!event.recommendation) {
      return Invalid("--recommendation: unknown '" + flags.recommendation +
                     "' (approve, approve_with_conditions, deny)");
    }
  }
  for (const auto& spec : flags.approved_items) {
    const auto colon = spec.find(':');
    try {
      if (colon == std::string::npos) throw std::invalid_argument(spec);
      std::size_t used_index = 0;
      std::size_t used_quantity = 0;
      const auto index = std::stoll(spec.substr(0, colon), &used_index);
      const auto quantity = std::stoll(spec.substr(colon + 1), &used_quantity);
      if (used_index != colon || used_quantity != spec.size() - colon - 1 || index < 0) {
        throw std::invalid_argument(spec);
      }
      event.approved_items.push_back({static_cast<std::size_t>(index), quantity});
    } catch (const std::exception&) {
      return Invalid("--approve-item '" + spec + "': expected ITEM:QUANTITY, e.g. 0:600");
    }
  }
  return event;
}

int Run(const Context& context, const Flags& flags) {
  auto event = EventFromFlags(flags);
  if (!event.ok()) return Fail(event.error());
  int code = 0;
  auto session = Session::Open(context, flags.acting, code);
  if (!session) return code;
  const auto expected =
      flags.version > 0 ? std::optional<std::int64_t>(flags.version) : std::nullopt;
  auto next = session->workflow().Transition(session->user(), flags.control_number,
                                             std::move(event).value(), expected);
  if (!next.ok()) return Fail(next.error());
  // An approval issued a license in the same transaction (15 CFR 750.7).
  std::optional<licensing::License> license;
  if (next->state == licensing::ApplicationState::kApproved) {
    auto issued = session->workflow().LicenseOf(session->user(), next->control_number);
    if (!issued.ok()) return Fail(issued.error());
    license = *issued;
  }
  if (flags.json) {
    auto out = forms::ApplicationJson(*next, {}, {});
    if (license) out["license"] = licensing::ToJson(*license);
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << licensing::Subject(*next) << ": " << flags.event << " -> "
              << licensing::StateName(next->state) << " (version " << next->version << ")\n";
    if (license) {
      std::cout << "issued license " << license->number << " to " << license->holder << ", valid "
                << license->valid_from.ToString() << ".." << license->valid_until.ToString() << " ("
                << session->terms().validity_years << " years from the decision, "
                << session->terms().citation << ")\n";
    }
  }
  return 0;
}

}  // namespace

void AddApplicationsTransitionCommand(CLI::App& applications, Context& context, int& exit_code) {
  auto flags = std::make_shared<Flags>();
  auto* transition =
      applications.add_subcommand("transition", "take one step: register, refer, approve, ...");
  transition->add_option("control_number", flags->control_number, "e.g. D000001")->required();
  transition->add_option("event", flags->event, "register, refer, recommend, approve, ...")
      ->required();
  AddActingFlags(*transition, flags->acting, /*with_date=*/true);
  transition->add_option("--version", flags->version,
                         "the version you read: refused if it changed since (optimistic lock)");
  transition->add_option("--text", flags->text,
                         "reasoning, reasons, the response or the escalation, as the event needs");
  transition->add_option("--criterion", flags->criteria, "criterion id (repeat; criteria.json)");
  transition->add_option("--agency", flags->agencies, "refer: defense, state, energy (repeat)");
  transition->add_option("--recommendation", flags->recommendation,
                         "recommend: approve, approve_with_conditions, deny");
  transition->add_option("--condition", flags->conditions, "a condition (repeat)");
  transition->add_option("--approve-item", flags->approved_items,
                         "approve in part: ITEM:QUANTITY (repeat; items count from 0)");
  transition->add_flag("--json", flags->json, "print the application as JSON");
  transition->callback([&, flags] { exit_code = Run(context, *flags); });
}

}  // namespace tollgate::cli

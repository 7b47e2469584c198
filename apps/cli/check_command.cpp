// `tollgate check --item ECCN --to CC --party ROLE=NAME --date DATE ...`: does this
// export need a license, and what authorizes it? Also `--batch IN.jsonl --out
// OUT.jsonl`. Each determination is recorded in the store (part 762); bad input is
// refused with exit code 2 and nothing is recorded.
#include <iostream>
#include <nlohmann/json.hpp>
#include <utility>

#include "check_batch.h"
#include "check_store.h"
#include "check_support.h"
#include "commands.h"
#include "tollgate/forms/check_json.h"
#include "tollgate/rules/determination_record.h"
#include "tollgate/rules/engine.h"
#include "tollgate/rules/locate.h"
#include "tollgate/rules/transaction_fields.h"

namespace tollgate::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> items;
  std::vector<std::int64_t> quantities, values;
  std::string to, date, activity, exporter, end_use, rules_dir, org;
  std::vector<std::string> parties;
  bool json = false;
  std::string batch_in, batch_out;
  rules::TransactionLimits batch_limits;
};

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(message));
}

Result<rules::Transaction> TransactionFromFlags(const CheckArgs& args) {
  if (args.items.empty())
    return Invalid("--item ECCN is required (EAR99 or an ECCN such as 5D992.c)");
  if (args.to.empty())
    return Invalid("--to CC is required (the destination's ISO 3166 alpha-2 code)");
  if (args.date.empty()) return Invalid("--date YYYY-MM-DD is required (the date of the export)");
  if (args.parties.empty()) {
    return Invalid(
        "--party ROLE=NAME is required (ROLE: purchaser, intermediate_consignee, "
        "ultimate_consignee or end_user)");
  }
  for (auto [flag, count] : {std::pair{"--quantity", args.quantities.size()},
                             std::pair{"--value", args.values.size()}}) {
    if (count != 0 && count != args.items.size()) {
      return Invalid(std::string(flag) + " was given " + std::to_string(count) + " time(s) for " +
                     std::to_string(args.items.size()) + " --item(s): give one per item, in order");
    }
  }
  rules::Transaction tx;
  auto date = Date::Parse(args.date);
  if (!date.ok()) return Invalid("--date: " + date.error().message);
  tx.date = *date;
  for (std::size_t i = 0; i < args.items.size(); ++i) {
    rules::Item item;
    item.eccn = args.items[i];
    if (!args.quantities.empty()) item.quantity = args.quantities[i];
    if (!args.values.empty()) item.value_usd = args.values[i];
    if ((item.quantity && *item.quantity < 0) || (item.value_usd && *item.value_usd < 0)) {
      return Invalid("--quantity and --value must not be negative");
    }
    tx.items.push_back(std::move(item));
  }
  for (const auto& spec : args.parties) {
    auto party = rules::ParsePartySpec(spec);
    if (!party.ok()) return party.error();
    tx.parties.push_back(*party);
  }
  tx.destination = args.to;
  tx.activity = args.activity;
  tx.exporter = args.exporter;
  tx.end_use = args.end_use;
  return tx;
}

int RunCheck(const Context& context, const CheckArgs& args) {
  // Everything about the input is checked before the store is opened or written.
  auto tx = TransactionFromFlags(args);
  if (!tx.ok()) return Fail(tx.error());
  auto rules = rules::LoadRulesAt(args.rules_dir);
  if (!rules.ok()) return Fail(rules.error());
  if (auto valid = rules::ValidateTransactionFields(**rules, *tx); !valid.ok()) {
    return Fail(valid.error());
  }
  int code = 0;
  auto opened = OpenCheckStore(context, args.org, code);
  if (!opened) return code;
  storage::Store& store = *opened->store;
  rules::Engine engine(*rules, store);
  auto determination = engine.Determine(std::move(*tx), nullptr,  // not read again
                                        opened->DecisionsOrNull());
  if (!determination.ok()) return Fail(determination.error());
  auto ids = store.RecordDeterminations(
      {rules::RecordOf(*determination, "operator", opened->organization)});
  if (!ids.ok()) return Fail(ids.error());
  if (args.json) {
    std::cout << forms::CheckJson(*determination, ids->front()).dump(2) << "\n";
  } else {
    PrintDetermination(std::cout, *determination);
  }
  return 0;
}

}  // namespace

void AddCheckCommand(CLI::App& app, Context& context, int& exit_code) {
  auto args = std::make_shared<CheckArgs>();
  auto* check = app.add_subcommand(
      "check", "does this export need a license, and what authorizes it? (the determination)");
  check->add_option("--item", args->items, "ECCN or EAR99 of an item (repeat for several)");
  check->add_option("--to", args->to, "destination: ISO 3166 alpha-2 code");
  check->add_option("--party", args->parties,
                    "ROLE=NAME, ROLE one of purchaser, intermediate_consignee, "
                    "ultimate_consignee, end_user (repeat)");
  check->add_option("--date", args->date, "date of the export, YYYY-MM-DD");
  check->add_option("--activity", args->activity,
                    "declared activity for general licenses (names in data/rules/activities.json)");
  check->add_option("--exporter", args->exporter, "the exporter (matched to licenses it holds)");
  check->add_option("--end-use", args->end_use, "the stated end use");
  check->add_option("--quantity", args->quantities, "quantity per --item, in order");
  check->add_option("--value", args->values, "value in whole USD per --item, in order");
  check->add_option("--rules", args->rules_dir, "rules directory (env TOLLGATE_RULES)");
  check->add_option("--org", args->org,
                    "check for this organization: its analysts' dispositions of its own parties "
                    "(alerts) apply, and the record is its own");
  check->add_flag("--json", args->json, "the determination as JSON with its trace");
  auto* batch = check->add_option("--batch", args->batch_in,
                                  "JSON Lines, one transaction per line (see README)");
  auto* out =
      check->add_option("--out", args->batch_out, "JSON Lines to write, one result per line");
  batch->needs(out);
  out->needs(batch);
  check
      ->add_option("--max-items", args->batch_limits.max_items,
                   "items one --batch line may ask about (default 100)")
      ->check(CLI::PositiveNumber)
      ->needs(batch);
  check
      ->add_option("--max-parties", args->batch_limits.max_parties,
                   "parties one --batch line may name (default 100)")
      ->check(CLI::PositiveNumber)
      ->needs(batch);
  check->callback([&, args] {
    if (!args->batch_in.empty()) {
      if (!args->items.empty() || !args->parties.empty() || !args->to.empty()) {
        exit_code = Fail(Invalid("give either --batch or --item/--to/--party, not both"));
        return;
      }
      exit_code = RunCheckBatch(context, args->batch_in, args->batch_out, args->rules_dir,
                                args->batch_limits, args->org);
      return;
    }
    exit_code = RunCheck(context, *args);
  });
}

}  // namespace tollgate::cli

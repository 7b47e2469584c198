// `tollgate demo replay-2019`: the Huawei license applications of May-November 2019,
// replayed into a new database (replay/replay_2019.h), then the statistics as of
// 20 Nov 2019, and the check of Microsoft's 5D992.c to Huawei on 21 Nov 2019, which the
// license issued on its approval authorizes. Every synthetic record says so;
// Microsoft's application is the real one.
#include <iostream>

#include "check_support.h"
#include "commands.h"
#include "tollgate/forms/report_render.h"
#include "tollgate/licensing/clock.h"
#include "tollgate/licensing/criteria.h"
#include "tollgate/replay/replay_2019.h"
#include "tollgate/reports/history.h"
#include "tollgate/reports/stats.h"
#include "tollgate/rules/determination_record.h"
#include "tollgate/rules/engine.h"
#include "tollgate/rules/locate.h"

namespace tollgate::cli {
namespace {

struct Flags {
  std::uint64_t seed = 2019;
  int count = 299;
};

// `tollgate check --item 5D992.c --to CN --party "ultimate_consignee=Huawei Technologies
// Co., Ltd." --exporter "Microsoft Corporation" --date 2019-11-21`, recorded like it.
int CheckMicrosoft(storage::Store& store) {
  auto rules = rules::LoadRulesAt("");
  if (!rules.ok()) return Fail(rules.error());
  rules::Transaction tx;
  tx.exporter = "Microsoft Corporation";
  tx.items = {{"5D992.c", std::nullopt, std::nullopt}};
  tx.destination = "CN";
  auto party = rules::ParsePartySpec("ultimate_consignee=Huawei Technologies Co., Ltd.");
  if (!party.ok()) return Fail(party.error());
  tx.parties = {*party};
  tx.date = Date::FromYmd(2019, 11, 21).value();
  rules::Engine engine(*rules, store);
  auto determination = engine.Determine(tx);
  if (!determination.ok()) return Fail(determination.error());
  if (auto ids = store.RecordDeterminations({rules::RecordOf(*determination, "operator")});
      !ids.ok()) {
    return Fail(ids.error());
  }
  std::cout << "\n$ tollgate check --item 5D992.c --to CN --party \"ultimate_consignee=Huawei "
               "Technologies Co., Ltd.\" --exporter \"Microsoft Corporation\" --date 2019-11-21\n";
  PrintDetermination(std::cout, *determination);
  return 0;
}

int Run(const Context& context, const Flags& flags) {
  if (flags.count < 1) {
    return Fail(MakeError(ErrorCode::kInvalidArgument, "--count: at least 1"));
  }
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  auto criteria_path = licensing::ShippedCriteriaPath();
  if (!criteria_path.ok()) return Fail(criteria_path.error());
  auto catalog = licensing::LoadCriteria(*criteria_path);
  if (!catalog.ok()) return Fail(catalog.error());
  auto entity_list = replay::ShippedEntityList2019();
  if (!entity_list.ok()) return Fail(entity_list.error());
  replay::ReplayOptions options;
  options.seed = flags.seed;
  options.synthetic_applications = flags.count;
  options.entity_list = *entity_list;
  licensing::FixedClock clock(options.first_day);
  auto result = replay::RunReplay2019(*store, clock, *catalog, options);
  if (!result.ok()) return Fail(result.error());
  std::cout << "SYNTHETIC REPLAY (seed " << flags.seed << "): " << flags.count
            << " synthetic license applications for Huawei from synthetic US exporters, "
            << options.first_day.ToString() << " to " << options.last_day.ToString()
            << ", and Microsoft's real request for mass-market software (5D992.c), "
            << result->microsoft_control_number << ".\n"
            << "Every synthetic organization, user, address and document says \"synthetic\"; "
               "the reviewers are simulated.\n"
            << result->applications << " applications filed, " << result->steps
            << " steps through the workflow, " << result->organizations << " organizations.\n\n";
  auto histories = reports::LoadHistories(*store);
  if (!histories.ok()) return Fail(histories.error());
  forms::RenderStats(reports::ComputeStats(*histories, options.last_day),
                     forms::ReportFormat::kTable, std::cout);
  if (int checked = CheckMicrosoft(*store); checked != 0) return checked;
  std::cout << "\nnext: tollgate report criteria --as " << result->reviewer << " --to "
            << options.last_day.ToString() << "\n      tollgate applications show "
            << result->microsoft_control_number << " --as " << result->reviewer << "\n";
  return 0;
}

}  // namespace

void AddDemoCommands(CLI::App& app, Context& context, int& exit_code) {
  auto* demo = app.add_subcommand("demo", "demonstrations on synthetic data");
  demo->require_subcommand(1);
  auto flags = std::make_shared<Flags>();
  auto* replay = demo->add_subcommand(
      "replay-2019",
      "replay the 2019 Huawei license applications (synthetic, plus Microsoft's) into a new "
      "database");
  replay->add_option("--seed", flags->seed, "random seed (the same seed, the same replay)");
  replay->add_option("--count", flags->count, "synthetic applications");
  replay->callback([&, flags] { exit_code = Run(context, *flags); });
}

}  // namespace tollgate::cli

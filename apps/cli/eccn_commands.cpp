// `tollgate eccn show ECCN` and `tollgate eccn search TEXT`: finding an ECCN in the
// catalog that `tollgate check` classifies with (rules/eccn_search.h holds the logic and
// the ranking). An unknown or malformed ECCN exits 2 with the catalog's message.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "tollgate/rules/eccn_search.h"
#include "tollgate/rules/locate.h"

namespace tollgate::cli {
namespace {

struct EccnArgs {
  std::string target;  // the ECCN, or the search text
  std::string date;    // --date: the catalog as in force that day (default today)
  std::string rules_dir;
  std::size_t limit = 20;
  bool json = false;
};

void PrintControls(const nlohmann::json& controls, const char* indent) {
  for (const auto& c : controls) {
    std::cout << indent << c["code"].get<std::string>();
    if (c.contains("reason")) {
      std::cout << "  " << c["reason_name"].get<std::string>();
      if (!c["all_destinations_except"].empty()) {
        std::cout << " (every destination except";
        for (const auto& code : c["all_destinations_except"]) {
          std::cout << " " << code.get<std::string>();
        }
        std::cout << ")";
      }
      std::cout << " [" << c["citation"].get<std::string>() << "]";
    }
    std::cout << "\n";
  }
}

int RunShow(const EccnArgs& args) {
  auto date = DateFlag("--date", args.date);
  if (!date.ok()) return Fail(date.error());
  auto rules = rules::LoadRulesAt(args.rules_dir);
  if (!rules.ok()) return Fail(rules.error());
  const auto& catalog = (*rules)->catalog;
  auto shown = rules::ShowEccn(catalog, args.target, *date);
  if (!shown.ok()) return Fail(shown.error());
  nlohmann::json json = rules::EccnJson(catalog, *shown);
  if (args.json) {
    std::cout << json.dump(2) << "\n";
    return 0;
  }
  std::cout << json["eccn"].get<std::string>() << "  " << json["heading"].get<std::string>()
            << "\n";
  if (!json["paragraph"].is_null()) {
    std::cout << "  paragraph " << json["paragraph"].get<std::string>() << ": "
              << json["description"].get<std::string>() << "\n";
  }
  std::cout << "  controls on " << date->ToString() << ":"
            << (json["controls"].empty() ? " none (no license for reasons of control)" : "")
            << "\n";
  PrintControls(json["controls"], "    ");
  for (const auto& p : json["paragraphs"]) {
    std::cout << "  ." << p["paragraph"].get<std::string>() << "  "
              << p["description"].get<std::string>() << "\n";
    if (!p["controls"].is_null()) PrintControls(p["controls"], "      ");
  }
  if (!json["ccl"].is_null()) {
    std::cout << "  the entry's controls (" << json["ccl"]["edition"].get<std::string>() << "):\n";
    for (const auto& c : json["ccl"]["controls"]) {
      std::string where = c["mode"] == "entire" ? "entire entry" : "";
      if (c["mode"] != "entire") {
        where = c["mode"] == "only" ? "only " : "entire entry except ";
        for (const auto& p : c["paragraphs"]) where += "." + p.get<std::string>() + " ";
        if (c["paragraphs"].empty()) where += "as the scope says";
        if (where.back() == ' ') where.pop_back();
      }
      std::string chart;
      for (const auto& col : c["columns"])
        chart += (chart.empty() ? "" : ", ") + col.get<std::string>();
      if (c["special"].get<bool>()) chart = "\"" + c["chart_text"].get<std::string>() + "\"";
      std::cout << "    " << c["reason"].get<std::string>() << "  " << where << ": " << chart
                << "\n";
    }
    std::string exceptions;
    for (const auto& e : json["ccl"]["license_exceptions"]) {
      exceptions += (exceptions.empty() ? "" : ", ") + e["code"].get<std::string>() + " " +
                    e["status"].get<std::string>();
      if (!e["value_limit"].is_null())
        exceptions += " $" + std::to_string(e["value_limit"].get<long long>());
    }
    if (!exceptions.empty()) std::cout << "  list-based license exceptions: " << exceptions << "\n";
  }
  std::cout << "  source: " << json["citation"].get<std::string>()
            << (json["check"].get<bool>() ? " [check]" : "") << "\n";
  if (!json["note"].is_null()) std::cout << "  note: " << json["note"].get<std::string>() << "\n";
  return 0;
}

int RunSearch(const EccnArgs& args) {
  auto date = DateFlag("--date", args.date);
  if (!date.ok()) return Fail(date.error());
  auto rules = rules::LoadRulesAt(args.rules_dir);
  if (!rules.ok()) return Fail(rules.error());
  auto hits = rules::SearchEccns((*rules)->catalog, args.target, *date, args.limit);
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& hit : hits) out.push_back(rules::EccnHitJson(hit));
    std::cout << nlohmann::json{{"query", args.target}, {"date", date->ToString()}, {"eccns", out}}
                     .dump(2)
              << "\n";
    return 0;
  }
  if (hits.empty()) std::cout << "no ECCN matches '" << args.target << "'\n";
  for (const auto& hit : hits) {
    auto json = rules::EccnHitJson(hit);
    std::cout << json["eccn"].get<std::string>() << "  " << hit.entry->description << "\n"
              << "      (" << hit.why << ")\n";
  }
  return 0;
}

}  // namespace

void AddEccnCommands(CLI::App& app, Context&, int& exit_code) {
  auto* eccn = app.add_subcommand("eccn", "find an ECCN in the catalog that check uses");
  eccn->require_subcommand(1);
  auto add = [&](const char* name, const char* help, const char* what, auto run) {
    auto args = std::make_shared<EccnArgs>();
    auto* command = eccn->add_subcommand(name, help);
    command->add_option(what == std::string("ECCN") ? "eccn" : "text", args->target, what)
        ->required();
    command->add_option("--date", args->date, "the catalog in force on YYYY-MM-DD (default today)");
    command->add_option("--rules", args->rules_dir, "rules directory (env TOLLGATE_RULES)");
    command->add_flag("--json", args->json, "as JSON");
    if (std::string(name) == "search") {
      command->add_option("--limit", args->limit, "at most this many hits")
          ->check(CLI::PositiveNumber);
    }
    command->callback([&exit_code, args, run] { exit_code = run(*args); });
  };
  add("show", "an ECCN's heading, controls, paragraphs and citation", "ECCN", RunShow);
  add("search", "ECCNs whose heading matches TEXT, ranked (see README)", "TEXT", RunSearch);
}

}  // namespace tollgate::cli

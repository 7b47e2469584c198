// `tollgate licenses add|list|show`: the licenses an exporter holds, kept in the store
// so that `tollgate check` finds what authorizes a transaction. The licensing workflow
// issues licenses into the same table.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"
#include "tollgate/licensing/license.h"
#include "tollgate/rules/transaction.h"

namespace tollgate::cli {
namespace {

struct AddArgs {
  std::string file;
  std::string number, holder, to, valid_from, valid_until, issued_on;
  std::vector<std::string> parties, items, descriptions, conditions;
  std::vector<std::int64_t> quantities, values;
  bool json = false;
};

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(message));
}

std::string Amount(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "-"; }

Result<licensing::License> LicenseFromFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIoError, "--file: cannot open '" + path + "'");
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto json = nlohmann::json::parse(buffer.str(), nullptr, false);
  if (json.is_discarded()) return MakeError(ErrorCode::kParseError, path + ": not valid JSON");
  auto license = licensing::LicenseFromJson(json);
  if (!license.ok()) return MakeError(license.error().code, path + ": " + license.error().message);
  return license;
}

Result<licensing::License> LicenseFromFlags(const AddArgs& a) {
  for (auto [flag, value] : {std::pair{"--number", &a.number}, std::pair{"--holder", &a.holder},
                             std::pair{"--to", &a.to}, std::pair{"--valid-from", &a.valid_from},
                             std::pair{"--valid-until", &a.valid_until}}) {
    if (value->empty()) return Invalid(std::string(flag) + " is required (or give --file)");
  }
  if (a.items.empty()) return Invalid("--item ECCN is required (repeat for several)");
  for (auto [flag, count] :
       {std::pair{"--quantity", a.quantities.size()}, std::pair{"--value", a.values.size()},
        std::pair{"--description", a.descriptions.size()}}) {
    if (count != 0 && count != a.items.size()) {
      return Invalid(std::string(flag) + " was given " + std::to_string(count) + " time(s) for " +
                     std::to_string(a.items.size()) + " --item(s): give one per item, in order");
    }
  }
  licensing::License license;
  license.number = a.number;
  license.holder = a.holder;
  license.destination = a.to;
  for (const auto& spec : a.parties) {
    auto party = rules::ParsePartySpec(spec);
    if (!party.ok()) return party.error();
    license.parties.push_back({party->role, party->name, ""});
  }
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    licensing::LicenseItem item;
    item.eccn = a.items[i];
    if (!a.descriptions.empty()) item.description = a.descriptions[i];
    if (!a.quantities.empty()) item.quantity = a.quantities[i];
    if (!a.values.empty()) item.value_usd = a.values[i];
    license.items.push_back(std::move(item));
  }
  for (auto [flag, text, date] :
       {std::tuple{"--valid-from", &a.valid_from, &license.valid_from},
        std::tuple{"--valid-until", &a.valid_until, &license.valid_until}}) {
    auto parsed = Date::Parse(*text);
    if (!parsed.ok()) return Invalid(std::string(flag) + ": " + parsed.error().message);
    *date = *parsed;
  }
  if (!a.issued_on.empty()) {
    auto parsed = Date::Parse(a.issued_on);
    if (!parsed.ok()) return Invalid("--issued-on: " + parsed.error().message);
    license.issued_on = parsed->ToString();
  }
  license.conditions = a.conditions;
  return licensing::ValidateLicense(std::move(license));
}

void PrintLicense(const licensing::License& l) {
  std::cout << "license " << l.number << " (" << licensing::LicenseStatusName(l.status) << ")\n"
            << "  holder:      " << l.holder << "\n"
            << "  destination: " << l.destination << "\n"
            << "  valid:       " << l.valid_from.ToString() << " .. " << l.valid_until.ToString()
            << "\n";
  if (!l.issued_on.empty()) std::cout << "  issued on:   " << l.issued_on << "\n";
  for (const auto& p : l.parties) {
    std::cout << "  party:       " << rules::PartyRoleName(p.role) << " = " << p.name
              << (p.country.empty() ? "" : " (" + p.country + ")") << "\n";
  }
  for (const auto& i : l.items) {
    std::cout << "  item:        " << i.eccn << (i.description.empty() ? "" : " " + i.description)
              << "; quantity " << Amount(i.quantity) << " (remaining "
              << Amount(i.remaining_quantity) << "), value USD " << Amount(i.value_usd)
              << " (remaining " << Amount(i.remaining_value_usd) << ")\n";
  }
  for (const auto& c : l.conditions) std::cout << "  condition:   " << c << "\n";
}

int RunAdd(const Context& context, const AddArgs& args) {
  bool flags = !args.number.empty() || !args.items.empty() || !args.parties.empty();
  if (!args.file.empty() && flags) return Fail(Invalid("give either --file or the license flags"));
  auto license = args.file.empty() ? LicenseFromFlags(args) : LicenseFromFile(args.file);
  if (!license.ok()) return Fail(license.error());
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  if (auto added = store->AddLicense(*license); !added.ok()) return Fail(added.error());
  if (args.json) {
    std::cout << licensing::ToJson(*license).dump(2) << "\n";
  } else {
    std::cout << "added ";
    PrintLicense(*license);
  }
  return 0;
}

}  // namespace

void AddLicensesCommands(CLI::App& app, Context& context, int& exit_code) {
  auto* licenses = app.add_subcommand("licenses", "licenses an exporter holds (used by check)");
  licenses->require_subcommand(1);

  auto add_args = std::make_shared<AddArgs>();
  auto* add = licenses->add_subcommand("add", "register a license (flags or --file LICENSE.json)");
  add->add_option("--file", add_args->file, "the license as JSON (the form `show --json` prints)");
  add->add_option("--number", add_args->number, "license number as issued");
  add->add_option("--holder", add_args->holder, "the exporter it was issued to");
  add->add_option("--to", add_args->to, "destination: ISO 3166 alpha-2 code");
  add->add_option("--party", add_args->parties, "ROLE=NAME (repeat)");
  add->add_option("--item", add_args->items, "ECCN licensed (repeat)");
  add->add_option("--description", add_args->descriptions, "description per --item, in order");
  add->add_option("--quantity", add_args->quantities, "quantity licensed per --item, in order");
  add->add_option("--value", add_args->values, "value licensed in whole USD per --item, in order");
  add->add_option("--valid-from", add_args->valid_from, "first day of validity, YYYY-MM-DD");
  add->add_option("--valid-until", add_args->valid_until, "last day of validity, YYYY-MM-DD");
  add->add_option("--issued-on", add_args->issued_on, "date of issue, YYYY-MM-DD");
  add->add_option("--condition", add_args->conditions, "a condition of the license (repeat)");
  add->add_flag("--json", add_args->json, "print the stored license as JSON");
  add->callback([&, add_args] { exit_code = RunAdd(context, *add_args); });

  auto holder = std::make_shared<std::string>();
  auto list_json = std::make_shared<bool>(false);
  auto* list = licenses->add_subcommand("list", "the licenses in the store, by number");
  list->add_option("--holder", *holder, "only this holder's");
  list->add_flag("--json", *list_json, "JSON array");
  list->callback([&, holder, list_json] {
    auto store = OpenStoreOrReport(context, exit_code);
    if (!store) return;
    auto found = store->ListLicenses(holder->empty() ? std::nullopt : std::optional(*holder));
    if (!found.ok()) {
      exit_code = Fail(found.error());
      return;
    }
    if (*list_json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& l : *found) out.push_back(licensing::ToJson(l));
      std::cout << out.dump(2) << "\n";
      return;
    }
    if (found->empty()) std::cout << "no licenses in the store\n";
    for (const auto& l : *found) {
      std::cout << l.number << "  " << licensing::LicenseStatusName(l.status) << "  " << l.holder
                << " -> " << l.destination << "  " << l.valid_from.ToString() << ".."
                << l.valid_until.ToString() << "  " << l.items.size() << " item(s)\n";
    }
  });

  auto number = std::make_shared<std::string>();
  auto show_json = std::make_shared<bool>(false);
  auto* show = licenses->add_subcommand("show", "one license with its parties, items, conditions");
  show->add_option("number", *number, "license number")->required();
  show->add_flag("--json", *show_json, "JSON");
  show->callback([&, number, show_json] {
    auto store = OpenStoreOrReport(context, exit_code);
    if (!store) return;
    auto license = store->GetLicense(*number);
    if (!license.ok()) {
      exit_code = Fail(license.error());
      return;
    }
    if (*show_json) {
      std::cout << licensing::ToJson(*license).dump(2) << "\n";
    } else {
      PrintLicense(*license);
    }
  });
}

}  // namespace tollgate::cli

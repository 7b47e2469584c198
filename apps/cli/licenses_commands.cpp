// `tollgate licenses add|list|show`: the licenses an exporter holds, kept in the store
// so that `tollgate check` finds what authorizes a transaction. The licensing workflow
// issues licenses into the same table.
#include <iostream>
#include <nlohmann/json.hpp>

#include "applications_support.h"
#include "commands.h"
#include "json_file.h"
#include "tollgate/licensing/clock.h"
#include "tollgate/licensing/eccn_check.h"
#include "tollgate/licensing/license.h"
#include "tollgate/licensing/license_access.h"
#include "tollgate/licensing/shipment.h"
#include "tollgate/rules/locate.h"
#include "tollgate/rules/transaction.h"

namespace tollgate::cli {
namespace {

struct AddArgs {
  std::string file;
  std::string number, holder, to, valid_from, valid_until, issued_on, organization;
  std::vector<std::string> parties, items, descriptions, conditions;
  std::vector<std::int64_t> quantities, values;
  bool json = false;
};

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(message));
}

// Worded as the store words a missing license, so a hidden one is indistinguishable.
Error UnknownLicenseError(const std::string& number) {
  return MakeError(ErrorCode::kNotFound, "no license " + number + " in the store");
}

std::string Amount(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "-"; }

Result<licensing::License> LicenseFromFile(const std::string& path) {
  return FromJsonFile(path,
                      [](const nlohmann::json& json) { return licensing::LicenseFromJson(json); });
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
  license.organization = a.organization;
  return licensing::ValidateLicense(std::move(license));
}

void PrintLicense(const licensing::License& l) {
  std::cout << "license " << l.number << " (" << licensing::LicenseStatusName(l.status) << ")\n"
            << "  holder:      " << l.holder << "\n"
            << "  destination: " << l.destination << "\n"
            << "  valid:       " << l.valid_from.ToString() << " .. " << l.valid_until.ToString()
            << "\n";
  if (!l.issued_on.empty()) std::cout << "  issued on:   " << l.issued_on << "\n";
  if (!l.organization.empty()) std::cout << "  holder org:  " << l.organization << "\n";
  if (!l.application.empty()) std::cout << "  application: " << l.application << "\n";
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
  // Only ECCNs that `check` knows: a license for another could never authorize anything.
  auto rules = rules::LoadRulesAt("");
  if (!rules.ok()) return Fail(rules.error());
  if (auto s =
          licensing::CheckLicenseItems(*license, licensing::CatalogEccnCheck((*rules)->catalog));
      !s.ok()) {
    return Fail(s.error());
  }
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  // Registered by whoever holds the database: the operator, as the audit record says.
  licensing::SystemClock clock;
  if (auto added = store->AddLicense(*license, {"operator", clock.Timestamp()}); !added.ok()) {
    return Fail(added.error());
  }
  if (args.json) {
    std::cout << licensing::ToJson(*license).dump(2) << "\n";
  } else {
    std::cout << "added ";
    PrintLicense(*license);
  }
  return 0;
}

struct ViewArgs {
  std::string number, holder, as;
  bool json = false;
};

struct ShipArgs {
  std::string number, file;
  std::vector<std::string> items, parties;
  std::vector<std::int64_t> quantities, values;
  bool json = false;
  ActingFlags acting;
};

// The user asking, when --as is given; without it the local operator of the database
// (who holds its file or credentials) sees every license.
Result<std::optional<licensing::User>> Viewer(storage::Store& store, const std::string& as) {
  if (as.empty()) return std::optional<licensing::User>();
  auto user = store.GetUser(as);
  if (!user.ok()) return MakeError(user.error().code, "--as: " + user.error().message);
  return std::optional<licensing::User>(*user);
}

bool Visible(const std::optional<licensing::User>& viewer, const licensing::License& license) {
  return !viewer || licensing::MayUse(*viewer, license);
}

int RunList(const Context& context, const ViewArgs& args) {
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  auto viewer = Viewer(*store, args.as);
  if (!viewer.ok()) return Fail(viewer.error());
  auto found = store->ListLicenses(args.holder.empty() ? std::nullopt : std::optional(args.holder));
  if (!found.ok()) return Fail(found.error());
  std::vector<licensing::License> shown;
  for (auto& l : *found) {
    if (Visible(*viewer, l)) shown.push_back(std::move(l));
  }
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& l : shown) out.push_back(licensing::ToJson(l));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (shown.empty()) std::cout << "no licenses in the store\n";
  for (const auto& l : shown) {
    std::cout << l.number << "  " << licensing::LicenseStatusName(l.status) << "  " << l.holder
              << " -> " << l.destination << "  " << l.valid_from.ToString() << ".."
              << l.valid_until.ToString() << "  " << l.items.size() << " item(s)"
              << (l.application.empty() ? "" : "  application " + l.application) << "\n";
  }
  return 0;
}

void PrintShipment(const licensing::Shipment& s) {
  std::cout << "  shipment " << s.seq << ":  " << s.date.ToString();
  for (const auto& i : s.items) {
    std::cout << "; " << i.eccn << " quantity " << i.quantity << ", value USD " << i.value_usd;
  }
  std::cout << (s.recorded_by.empty() ? "" : "; by " + s.recorded_by) << "\n";
}

int RunShow(const Context& context, const ViewArgs& args) {
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  auto viewer = Viewer(*store, args.as);
  if (!viewer.ok()) return Fail(viewer.error());
  auto license = store->GetLicense(args.number);
  // Confidentiality: another organization's license is reported like a missing one.
  if (license.ok() && !Visible(*viewer, *license)) license = UnknownLicenseError(args.number);
  if (!license.ok()) return Fail(license.error());
  auto shipments = store->Shipments(args.number);
  if (!shipments.ok()) return Fail(shipments.error());
  if (args.json) {
    std::cout << licensing::ToJson(*license).dump(2) << "\n";
    return 0;
  }
  PrintLicense(*license);
  for (const auto& s : *shipments) PrintShipment(s);
  return 0;
}

Result<licensing::Shipment> ShipmentFromFlags(const ShipArgs& a) {
  if (a.number.empty()) return Invalid("the license NUMBER is required (or give --file)");
  if (a.items.empty()) return Invalid("--item ECCN is required (repeat for several)");
  for (auto [flag, count] :
       {std::pair{"--quantity", a.quantities.size()}, std::pair{"--value", a.values.size()}}) {
    if (count != a.items.size()) {
      return Invalid(std::string(flag) + " was given " + std::to_string(count) + " time(s) for " +
                     std::to_string(a.items.size()) + " --item(s): give one per item, in order");
    }
  }
  licensing::Shipment shipment;
  shipment.license_number = a.number;
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    shipment.items.push_back({a.items[i], a.quantities[i], a.values[i]});
  }
  for (const auto& spec : a.parties) {
    auto party = rules::ParsePartySpec(spec);
    if (!party.ok()) return party.error();
    shipment.parties.push_back({party->role, party->name, ""});
  }
  return shipment;
}

Result<licensing::Shipment> ShipmentFromFile(const std::string& path) {
  return FromJsonFile(path,
                      [](const nlohmann::json& json) { return licensing::ShipmentFromJson(json); });
}

int RunShip(const Context& context, const ShipArgs& args) {
  const bool flags = !args.items.empty() || !args.parties.empty();
  if (!args.file.empty() && flags) return Fail(Invalid("give either --file or the shipment flags"));
  auto shipment = args.file.empty() ? ShipmentFromFlags(args) : ShipmentFromFile(args.file);
  if (!shipment.ok()) return Fail(shipment.error());
  if (!args.file.empty() && !args.number.empty() && args.number != shipment->license_number) {
    return Fail(Invalid("NUMBER " + args.number + " differs from the file's license " +
                        shipment->license_number));
  }
  int code = 0;
  auto session = Session::Open(context, args.acting, code);
  if (!session) return code;
  // The day of export: --date (default today), or the file's date.
  if (args.file.empty()) shipment->date = session->today();
  auto after = session->workflow().Ship(session->user(), *shipment);
  if (!after.ok()) return Fail(after.error());
  if (args.json) {
    std::cout << licensing::ToJson(*after).dump(2) << "\n";
    return 0;
  }
  std::cout << "shipped under license " << after->number << " on " << shipment->date.ToString()
            << "\n";
  for (const auto& i : after->items) {
    std::cout << "  remaining " << i.eccn << ": quantity " << Amount(i.remaining_quantity)
              << ", value USD " << Amount(i.remaining_value_usd) << "\n";
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
  add->add_option("--org", add_args->organization,
                  "the holder's organization in the store (its applicants then see it)");
  add->add_flag("--json", add_args->json, "print the stored license as JSON");
  add->callback([&, add_args] { exit_code = RunAdd(context, *add_args); });

  auto list_args = std::make_shared<ViewArgs>();
  auto* list = licenses->add_subcommand("list", "the licenses in the store, by number");
  list->add_option("--holder", list_args->holder, "only this holder's");
  list->add_option("--as", list_args->as,
                   "the user asking: an applicant sees only its organization's licenses");
  list->add_flag("--json", list_args->json, "JSON array");
  list->callback([&, list_args] { exit_code = RunList(context, *list_args); });

  auto show_args = std::make_shared<ViewArgs>();
  auto* show = licenses->add_subcommand(
      "show", "one license: parties, items with what remains, conditions, shipments");
  show->add_option("number", show_args->number, "license number")->required();
  show->add_option("--as", show_args->as,
                   "the user asking: an applicant sees only its organization's licenses");
  show->add_flag("--json", show_args->json, "JSON");
  show->callback([&, show_args] { exit_code = RunShow(context, *show_args); });

  auto ship_args = std::make_shared<ShipArgs>();
  auto* ship = licenses->add_subcommand(
      "ship", "record a shipment under a license: draws down what remains (flags or --file)");
  ship->add_option("number", ship_args->number, "license number");
  ship->add_option("--file", ship_args->file,
                   "the shipment as JSON: {license, date, items: [{eccn, quantity, value}], "
                   "parties: [{role, name}]}");
  ship->add_option("--item", ship_args->items, "ECCN shipped (repeat)");
  ship->add_option("--quantity", ship_args->quantities, "quantity shipped per --item, in order");
  ship->add_option("--value", ship_args->values, "value shipped in whole USD per --item, in order");
  ship->add_option("--party", ship_args->parties, "ROLE=NAME as on the license (repeat)");
  ship->add_flag("--json", ship_args->json, "print the license after the shipment as JSON");
  AddActingFlags(*ship, ship_args->acting, /*with_date=*/true);
  ship->callback([&, ship_args] { exit_code = RunShip(context, *ship_args); });
}

}  // namespace tollgate::cli

#include "replay/synthetic_stream.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

namespace tollgate::replay {
namespace {

// What an item of a category can be. Prices and quantities are medians the draws
// scatter around (log-normal); `available` is how often an exporter can show that
// comparable items are sold by non-US suppliers.
struct ItemTemplate {
  const char* eccn;
  const char* description;
  double unit_price_usd;
  double quantity;
  const char* units;
  bool for_5g;
  double available;
};

constexpr std::array kCellPhone = {
    ItemTemplate{"5A991.b", "RF front-end modules for smartphones", 4.5, 200000, "ea", false, 0.6},
    ItemTemplate{"3A991.a", "Application processors for smartphones", 28, 50000, "ea", false, 0.5},
    ItemTemplate{"EAR99", "Display driver ICs for smartphones", 1.2, 500000, "ea", false, 0.9},
    ItemTemplate{"5A992.c", "Wi-Fi and Bluetooth combination chips (mass-market encryption)", 3,
                 300000, "ea", false, 0.7},
    ItemTemplate{"EAR99", "Camera image-sensor modules", 6, 200000, "ea", false, 0.8},
    ItemTemplate{"5A991.b", "5G NR RF transceivers for smartphones", 9, 100000, "ea", true, 0.3},
};
constexpr std::array kNonElectronic = {
    ItemTemplate{"EAR99", "Injection-moulded handset housings", 0.8, 1000000, "ea", false, 0.95},
    ItemTemplate{"EAR99", "Optically clear adhesive film", 2.5, 80000, "m2", false, 0.9},
    ItemTemplate{"EAR99", "Aluminium alloy frames for handsets and laptops", 3.5, 300000, "ea",
                 false, 0.9},
    ItemTemplate{"EAR99", "Thermal interface pads", 0.3, 2000000, "ea", false, 0.95},
    ItemTemplate{"EAR99", "Radome materials for 5G base-station antennas", 40, 20000, "ea", true,
                 0.6},
};
constexpr std::array kSoftware = {
    ItemTemplate{"5D992.c", "Operating system licenses (mass-market)", 45, 100000, "ea", false,
                 0.8},
    ItemTemplate{"5D992.c", "Office productivity software licenses (mass-market)", 60, 50000, "ea",
                 false, 0.8},
    ItemTemplate{"5D992.c", "Database server software licenses (mass-market)", 900, 2000, "ea",
                 false, 0.7},
    ItemTemplate{"3D991", "Electronic design automation software for chip design", 250000, 6, "ea",
                 false, 0.15},
    ItemTemplate{"5D002.c.1", "Encryption software for 5G core network management", 150000, 10,
                 "ea", true, 0.2},
};
constexpr std::array kNetwork = {
    ItemTemplate{"5A991.b", "Massive-MIMO antenna units for 5G base stations", 3000, 2000, "ea",
                 true, 0.3},
    ItemTemplate{"5A991.b", "RF power amplifiers for 5G base stations", 400, 20000, "ea", true,
                 0.3},
    ItemTemplate{"5A991.c", "Optical transport modules for metro networks", 1500, 5000, "ea", false,
                 0.4},
    ItemTemplate{"5A002.a", "Carrier core routers with encryption", 40000, 200, "ea", false, 0.1},
    ItemTemplate{"EAR99", "Fibre-optic cable", 0.4, 500000, "m", false, 0.9},
};

const ItemTemplate& PickTemplate(Rng& rng, Category category) {
  switch (category) {
    case Category::kCellPhoneComponents:
      return kCellPhone[rng.Below(kCellPhone.size())];
    case Category::kNonElectronicComponents:
      return kNonElectronic[rng.Below(kNonElectronic.size())];
    case Category::kSoftware:
      return kSoftware[rng.Below(kSoftware.size())];
    case Category::kNetworkEquipment:
      break;
  }
  return kNetwork[rng.Below(kNetwork.size())];
}

// The share of exporters in each line of business.
Category DrawCategory(Rng& rng) {
  const double u = rng.Uniform();
  if (u < 0.35) return Category::kCellPhoneComponents;
  if (u < 0.55) return Category::kNonElectronicComponents;
  if (u < 0.75) return Category::kSoftware;
  return Category::kNetworkEquipment;
}

constexpr std::array kNameFirst = {"Cascade",   "Redwood",   "Summit",     "Harbor",     "Prairie",
                                   "Granite",   "Lakeshore", "Mesa",       "Pioneer",    "Keystone",
                                   "Bluegrass", "Sierra",    "Tidewater",  "Ozark",      "Chinook",
                                   "Piedmont",  "Sawtooth",  "Willamette", "Cumberland", "Mojave"};
constexpr std::array kNameSecond = {"Microdevices", "Photonics",     "Materials",  "Software",
                                    "Networks",     "Semiconductor", "Components", "Systems",
                                    "Labs",         "Polymers"};
constexpr std::array kStates = {"CA", "TX", "WA", "OR", "MA", "NY", "NC", "CO", "AZ", "MN"};

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::vector<Exporter> GenerateExporters(Rng& rng, int count) {
  std::vector<Exporter> exporters;
  std::set<std::string> taken;
  while (static_cast<int>(exporters.size()) < count) {
    const std::string first = kNameFirst[rng.Below(kNameFirst.size())];
    const std::string second = kNameSecond[rng.Below(kNameSecond.size())];
    if (!taken.insert(first + second).second) continue;
    Exporter e;
    e.organization.id = "syn-" + Lower(first) + "-" + Lower(second);
    e.organization.name = first + " " + second + " Inc. (synthetic)";
    e.user = {e.organization.id + "-exports", licensing::Role::kApplicant, e.organization.id,
              std::nullopt};
    e.specialty = DrawCategory(rng);
    exporters.push_back(std::move(e));
  }
  return exporters;
}

Date DrawSubmission(Rng& rng, Date first, Date last) {
  const int span = DaysBetween(first, last);
  for (;;) {
    const int day = rng.Chance(0.5) ? static_cast<int>(rng.Exponential(25)) : rng.Below(span + 1);
    if (day <= span) return first.AddDays(day);
  }
}

std::string EndUse(Category category, bool for_5g) {
  const char* use = "";
  switch (category) {
    case Category::kCellPhoneComponents:
      use = "Manufacture of smartphones for the consumer market";
      break;
    case Category::kNonElectronicComponents:
      use = for_5g ? "Assembly of 5G base stations" : "Manufacture of smartphones and laptops";
      break;
    case Category::kSoftware:
      use = for_5g ? "Management of 5G core networks"
                   : "Use on laptops and servers sold to the public and in internal IT";
      break;
    case Category::kNetworkEquipment:
      use = for_5g ? "5G network roll-out for carriers outside the United States"
                   : "Carrier and enterprise networks outside the United States";
      break;
  }
  return std::string("SYNTHETIC replay record: ") + use;
}

licensing::Application Form(Rng& rng, const Exporter& exporter, Category category, int serial) {
  licensing::Application a;
  a.organization = exporter.organization.id;
  const char* state = kStates[rng.Below(kStates.size())];
  a.applicant = {exporter.organization.name,
                 std::to_string(100 + rng.Below(9800)) + " Synthetic Way, Anytown, " + state, "US"};
  a.contact = {"Synthetic export desk", "+1 555 0100",
               "exports@" + exporter.organization.id + ".example"};
  const licensing::Party huawei{"Huawei Technologies Co., Ltd.",
                                "Bantian, Longgang District, Shenzhen 518129", "CN"};
  a.purchaser = huawei;
  a.ultimate_consignee = huawei;
  a.destination = "CN";
  a.documents.push_back("SYNTHETIC letter of explanation SYN-LOE-" + std::to_string(serial));
  const int items = 1 + (rng.Chance(0.35) ? 1 : 0) + (rng.Chance(0.15) ? 1 : 0);
  bool for_5g = false;
  for (int i = 0; i < items; ++i) {
    const ItemTemplate& t = PickTemplate(rng, category);
    licensing::ApplicationItem item;
    item.eccn = t.eccn;
    item.description = t.description;
    item.units = t.units;
    item.quantity = std::max<std::int64_t>(1, std::llround(rng.LogNormal(t.quantity, 0.8)));
    item.unit_price_cents =
        std::max<std::int64_t>(1, std::llround(rng.LogNormal(t.unit_price_usd, 0.3) * 100));
    item.value_usd = (item.quantity * item.unit_price_cents + 50) / 100;
    for_5g = for_5g || t.for_5g;
    if (rng.Chance(t.available)) {
      a.documents.push_back(ForeignAvailabilityReference(a.items.size()));
    }
    a.items.push_back(std::move(item));
  }
  a.end_use = EndUse(category, for_5g);
  return a;
}

}  // namespace

const char* CategoryName(Category category) {
  switch (category) {
    case Category::kCellPhoneComponents:
      return "cell-phone components";
    case Category::kNonElectronicComponents:
      return "non-electronic components";
    case Category::kSoftware:
      return "software";
    case Category::kNetworkEquipment:
      return "network equipment";
  }
  return "unknown";
}

std::string ForeignAvailabilityReference(std::size_t index) {
  return "SYNTHETIC foreign-availability statement (part 768) for item " + std::to_string(index) +
         ": comparable items are sold by non-US suppliers";
}

SyntheticStream GenerateStream(Rng& rng, int count, Date first, Date last) {
  SyntheticStream stream;
  // About five applications per exporter (at most 150 exporters): a few file many, most
  // file one or two.
  stream.exporters = GenerateExporters(rng, std::clamp(count / 5, 1, 150));
  for (int i = 0; i < count; ++i) {
    // Larger exporters file more: the square favours the first ones drawn.
    const double u = rng.Uniform();
    const std::size_t which = static_cast<std::size_t>(u * u * stream.exporters.size());
    const Exporter& exporter = stream.exporters[which];
    const Category category = rng.Chance(0.85) ? exporter.specialty : DrawCategory(rng);
    stream.filings.push_back(
        {which, category, DrawSubmission(rng, first, last), Form(rng, exporter, category, i + 1)});
  }
  std::stable_sort(stream.filings.begin(), stream.filings.end(),
                   [](const Filing& a, const Filing& b) { return a.submit_on < b.submit_on; });
  return stream;
}

}  // namespace tollgate::replay

// Hand-written and generated list entries for the screening tests: the Huawei
// entry of the acceptance cases among a few hundred plausible entity and person
// names, built deterministically so every run sees the same list.
//
// Thread-safety: pure functions. Failure: none.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/lists/entry.h"

namespace tollgate::screening::testing {

inline lists::ListEntry MakeEntry(std::string list, std::string id, std::string name,
                                  lists::EntryType type = lists::EntryType::kEntity,
                                  std::vector<std::string> aliases = {}, std::string country = "") {
  lists::ListEntry entry;
  entry.list = std::move(list);
  entry.entry_id = std::move(id);
  entry.name = std::move(name);
  entry.type = type;
  for (auto& alias : aliases) entry.aliases.push_back({std::move(alias), lists::AliasKind::kAka});
  if (!country.empty()) {
    lists::Address address;
    address.country = country;
    entry.addresses.push_back(address);
  }
  return entry;
}

inline lists::ListEntry HuaweiEntry() {
  lists::ListEntry entry = MakeEntry("EL", "el-huawei", "Huawei Technologies Co., Ltd.",
                                     lists::EntryType::kEntity, {"Huawei"}, "CN");
  entry.start_date = Date::Parse("2019-05-16").value();
  entry.license_policy = "Presumption of denial";
  return entry;
}

// Deterministic picks (a 64-bit LCG), so the generated list never changes.
class Picker {
 public:
  explicit Picker(std::uint64_t seed) : state_(seed) {}
  template <typename Array>
  auto Pick(const Array& array) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return array[(state_ >> 33) % array.size()];
  }

 private:
  std::uint64_t state_;
};

// About 400 entries: the Huawei entry, generated firms that share its legal forms and
// common words, firms with numbers, and people written "SURNAME, Given".
inline std::vector<lists::ListEntry> PlausibleEntries() {
  static constexpr std::array kStems = {
      "Zhongxing", "Hikvision", "Dahua",         "Inspur",       "Sugon",         "Hytera",
      "Megvii",    "Iflytek",   "Sensetime",     "Cloudwalk",    "Belletech",     "Rosoboron",
      "Almaz",     "Kavkaz",    "Zagros",        "Damavand",     "Caspian",       "Polyus",
      "Avangard",  "Elbrus",    "Mikron",        "Angstrem",     "Kronshtadt",    "Tigris",
      "Sahara",    "Orion",     "Vega",          "Sirius",       "Novatek",       "Argument",
      "Shvabe",    "Rostec",    "Tekhmash",      "Pars",         "Kish",          "Sina",
      "Mahan",     "Qeshm",     "Golden Dragon", "Pacific Star", "Eastern Light", "Northern Way",
      "Blue Sky",  "Silk Road", "Red Star",      "Great Wall"};
  static constexpr std::array kTrades = {
      "Electronics",   "Technology",    "Trading",      "Precision",     "Machinery",
      "Aviation",      "Optics",        "Microsystems", "Petrochemical", "Shipping",
      "Instruments",   "Semiconductor", "Photonics",    "Robotics",      "International Trading",
      "Import Export", "Industrial",    "Investment",   "Engineering",   "Logistics"};
  static constexpr std::array kForms = {
      "Co., Ltd.", "Company Limited", "Corp.", "LLC",         "Inc.", "GmbH",
      "JSC",       "S.A. de C.V.",    "Ltd.",  "Holding Co.", "FZE",  "Sdn Bhd"};
  static constexpr std::array kSurnames = {
      "KARIMOV", "PETROV", "IVANOV",  "AL-ZAHRANI", "HASSAN",   "RAHMAN",    "KHAN",   "WANG",
      "ZHANG",   "LIU",    "CHEN",    "NAZARI",     "HOSSEINI", "SOLEIMANI", "GUZMAN", "OROZCO",
      "KIM",     "PARK",   "SMIRNOV", "VOLKOV",     "NOVIKOV",  "MORALES"};
  static constexpr std::array kGiven = {
      "Rustam", "Ivan",     "Sergei", "Mohammed", "Ahmad", "Ali",    "Wei",     "Li",
      "Jun",    "Reza",     "Hamid",  "Maria",    "Jose",  "Carlos", "Jong Un", "Dmitri",
      "Yusuf",  "Abdullah", "Omar",   "Hassan",   "Olga",  "Natalia"};

  std::vector<lists::ListEntry> entries;
  entries.push_back(HuaweiEntry());
  entries.push_back(MakeEntry("SDN", "num-1", "11420 CORP."));
  entries.push_back(MakeEntry("SDN", "num-2", "UNIT 5 HOLDINGS LTD"));
  entries.push_back(MakeEntry("EL", "guian",
                              "Guian New District Huawei Investment Co., Ltd., Guiyang, Guizhou",
                              lists::EntryType::kEntity, {}, "CN"));
  Picker picker(20190516);
  for (int i = 0; i < 300; ++i) {
    std::string name =
        std::string(picker.Pick(kStems)) + " " + picker.Pick(kTrades) + " " + picker.Pick(kForms);
    auto entry = MakeEntry(i % 3 == 0 ? "EL" : "SDN", "firm-" + std::to_string(i), name,
                           lists::EntryType::kEntity, {}, i % 2 ? "CN" : "RU");
    if (i % 7 == 0) entry.start_date = Date::Parse("2020-01-01").value();
    if (i % 11 == 0) entry.end_date = Date::Parse("2021-06-30").value();
    entries.push_back(std::move(entry));
  }
  for (int i = 0; i < 100; ++i) {
    std::string name = std::string(picker.Pick(kSurnames)) + ", " + picker.Pick(kGiven);
    if (i % 2) name += std::string(" ") + picker.Pick(kGiven);
    entries.push_back(MakeEntry("SDN", "person-" + std::to_string(i), name,
                                lists::EntryType::kIndividual,
                                {std::string(picker.Pick(kGiven)) + " " + picker.Pick(kSurnames)}));
  }
  return entries;
}

}  // namespace tollgate::screening::testing

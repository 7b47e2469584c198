#include "name_generator.h"

#include <cstdio>
#include <string_view>
#include <unordered_set>

#include "coined_words.h"
#include "name_tokens.h"

namespace tollgate::bench {
namespace {

void Append(std::string& out, std::string_view token) {
  if (!out.empty()) out.push_back(' ');
  out.append(token);
}

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

lists::EntryType NameGenerator::NextType() {
  return rng_.Percent(55) ? lists::EntryType::kEntity : lists::EntryType::kIndividual;
}

std::string NameGenerator::Next(lists::EntryType type) {
  return type == lists::EntryType::kIndividual ? Individual() : Entity();
}

std::string NameGenerator::Brand() {
  if (vocabulary_ == Vocabulary::kRich && rng_.Percent(60)) return CoinedWord(rng_);
  return std::string(rng_.Pick(CoinedStems()));
}

std::string NameGenerator::Surname() {
  if (vocabulary_ == Vocabulary::kRich && rng_.Percent(50)) return CoinedSurname(rng_);
  return std::string(rng_.Pick(Surnames()));
}

std::string NameGenerator::Entity() {
  std::string name;
  // The shapes seen on the Entity List and the SDN list, roughly by frequency.
  switch (rng_.Below(8)) {
    case 0:
    case 1:
      Append(name, rng_.Pick(PlaceNames()));
      Append(name, Brand());
      Append(name, rng_.Pick(IndustryWords()));
      break;
    case 2:
      Append(name, Brand());
      Append(name, rng_.Pick(IndustryWords()));
      break;
    case 3:
      Append(name, rng_.Pick(BusinessWords()));
      Append(name, rng_.Pick(IndustryWords()));
      Append(name, rng_.Pick(BusinessWords()));
      break;
    case 4:
      Append(name, Surname());
      Append(name, "&");
      Append(name, rng_.Percent(50) ? Surname() : std::string("SONS"));
      Append(name, rng_.Pick(BusinessWords()));
      break;
    case 5:
      Append(name, "AL");
      Append(name, Brand());
      Append(name, rng_.Pick(BusinessWords()));
      Append(name, rng_.Pick(IndustryWords()));
      break;
    case 6:
      Append(name, rng_.Pick(PlaceNames()));
      Append(name, rng_.Pick(BusinessWords()));
      Append(name, rng_.Pick(IndustryWords()));
      break;
    default:
      Append(name, Brand());
      Append(name, rng_.Pick(BusinessWords()));
      Append(name, rng_.Pick(IndustryWords()));
      Append(name, rng_.Pick(BusinessWords()));
      break;
  }
  // A few entities carry no legal form, as vessels and front companies often do.
  if (rng_.Percent(90)) Append(name, rng_.Pick(LegalForms()));
  return name;
}

std::string NameGenerator::Individual() {
  const std::string surname = Surname();
  const std::string_view given = rng_.Pick(GivenNames());
  std::string name;
  switch (rng_.Below(4)) {
    case 0:  // OFAC: "SURNAME, Given"
      name.append(surname).append(", ").append(given);
      break;
    case 1:  // OFAC with a second given or a patronymic-like name
      name.append(surname).append(", ").append(given).append(" ");
      name.append(rng_.Pick(GivenNames()));
      break;
    case 2:  // UN and CSL: "GIVEN SURNAME"
      Append(name, Upper(given));
      Append(name, surname);
      break;
    default:  // "GIVEN SECOND SURNAME", as many UN individual entries read
      Append(name, Upper(given));
      Append(name, Upper(rng_.Pick(GivenNames())));
      Append(name, surname);
      break;
  }
  return name;
}

std::optional<Vocabulary> ParseVocabulary(std::string_view name) {
  if (name == "rich") return Vocabulary::kRich;
  if (name == "pools") return Vocabulary::kPools;
  return std::nullopt;
}

std::vector<lists::ListEntry> GenerateEntries(std::size_t count, std::uint64_t seed,
                                              Vocabulary vocabulary) {
  NameGenerator generator(seed, vocabulary);
  std::unordered_set<std::string> seen;
  seen.reserve(count * 2);
  std::vector<lists::ListEntry> entries;
  entries.reserve(count);
  while (entries.size() < count) {
    const lists::EntryType type = generator.NextType();
    std::string name = generator.Next(type);
    if (!seen.insert(name).second) continue;
    lists::ListEntry entry;
    entry.list = "GEN";
    char id[24];
    std::snprintf(id, sizeof id, "GEN-%07zu", entries.size() + 1);
    entry.entry_id = id;
    entry.type = type;
    entry.name = std::move(name);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace tollgate::bench

// Clean names: plausible people and companies assembled from common given names,
// surnames, place-like words, trades and legal forms of many countries. The harness
// drops any that equal a listed name; what remains should raise no alert.
#include <array>

#include "eval_data.h"

namespace tollgate::eval {
namespace {

constexpr std::array kGiven = {
    "James",   "Mary",      "Robert",  "Patricia", "John",    "Jennifer", "Michael",   "Linda",
    "William", "Elizabeth", "David",   "Barbara",  "Richard", "Susan",    "Joseph",    "Jessica",
    "Thomas",  "Sarah",     "Charles", "Karen",    "Daniel",  "Nancy",    "Matthew",   "Lisa",
    "Hans",    "Greta",     "Pierre",  "Camille",  "Giulia",  "Marco",    "Sofia",     "Lucas",
    "Emma",    "Noah",      "Olivia",  "Liam",     "Wei",     "Fang",     "Hiroshi",   "Yuki",
    "Priya",   "Rahul",     "Ananya",  "Carlos",   "Lucia",   "Mateo",    "Valentina", "Ingrid",
    "Lars",    "Astrid",    "Bjorn",   "Kofi",     "Amara",   "Chidi",    "Svetlana",  "Dmitri",
    "Fatima",  "Youssef",   "Leila",   "Tariq"};

constexpr std::array kSurnames = {
    "Smith",    "Johnson",  "Williams", "Brown",    "Jones",   "Miller",    "Davis",  "Wilson",
    "Anderson", "Taylor",   "Moore",    "Jackson",  "Martin",  "Thompson",  "White",  "Harris",
    "Clark",    "Lewis",    "Robinson", "Walker",   "Young",   "Allen",     "King",   "Schneider",
    "Fischer",  "Weber",    "Meyer",    "Wagner",   "Becker",  "Dubois",    "Moreau", "Laurent",
    "Rossi",    "Russo",    "Ferrari",  "Esposito", "Bianchi", "Tanaka",    "Suzuki", "Watanabe",
    "Sato",     "Kowalski", "Nowak",    "Jensen",   "Nielsen", "Hansen",    "Larsen", "Silva",
    "Santos",   "Oliveira", "Pereira",  "Okafor",   "Mensah",  "Lindqvist", "Novak",  "Horvath",
    "Petrova",  "Haddad",   "Nakamura", "Gupta"};

constexpr std::array kPlaces = {
    "Riverside", "Northgate",  "Bluewater", "Summit",     "Pinecrest",   "Lakeshore",
    "Redwood",   "Silverline", "Oakridge",  "Harborview", "Brightstone", "Greenfield",
    "Westbrook", "Eastwood",   "Highland",  "Meadowlark", "Stonebridge", "Clearwater",
    "Fairview",  "Maplewood",  "Sunrise",   "Coastal",    "Alpine",      "Granite",
    "Cedar",     "Ironwood",   "Aurora",    "Horizon",    "Keystone",    "Lighthouse"};

constexpr std::array kTrades = {
    "Logistics",   "Consulting", "Foods",     "Textiles",        "Software",  "Engineering",
    "Trading",     "Holdings",   "Partners",  "Pharmaceuticals", "Packaging", "Furniture",
    "Electronics", "Motors",     "Bakery",    "Realty",          "Marine",    "Agro",
    "Solar",       "Medical",    "Apparel",   "Printing",        "Dental",    "Coffee",
    "Builders",    "Ceramics",   "Analytics", "Outfitters",      "Optics",    "Vineyards"};

constexpr std::array kLegalForms = {"Inc.",      "LLC",   "Ltd.", "GmbH",   "S.A.",
                                    "Co., Ltd.", "Corp.", "B.V.", "S.r.l.", "Pty Ltd",
                                    "AG",        "PLC",   "Oy",   "AB",     "S.A. de C.V."};

template <typename Array>
const char* Pick(const Array& array, Random& random) {
  return array[random.Below(array.size())];
}

}  // namespace

std::vector<std::string> GenerateCleanNames(std::size_t count, Random& random) {
  std::vector<std::string> names;
  names.reserve(count);
  while (names.size() < count) {
    const std::size_t shape = random.Below(10);
    std::string name;
    if (shape < 3) {
      name = std::string(Pick(kGiven, random)) + " " + Pick(kSurnames, random);
    } else if (shape == 3) {
      name = std::string(Pick(kSurnames, random)) + ", " + Pick(kGiven, random);
    } else if (shape == 4) {
      name = std::string(Pick(kGiven, random)) + " " + static_cast<char>('A' + random.Below(26)) +
             ". " + Pick(kSurnames, random);
    } else if (shape < 7) {
      name = std::string(Pick(kPlaces, random)) + " " + Pick(kTrades, random) + " " +
             Pick(kLegalForms, random);
    } else if (shape < 9) {
      name = std::string(Pick(kSurnames, random)) + " " + Pick(kTrades, random) + " " +
             Pick(kLegalForms, random);
    } else {
      name = std::string(Pick(kSurnames, random)) + " & " + Pick(kSurnames, random) + " " +
             Pick(kLegalForms, random);
    }
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace tollgate::eval

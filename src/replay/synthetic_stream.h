// The synthetic part of the 2019 replay: US exporters and their license applications
// for Huawei, generated from a seeded Rng. Nothing here is a record of a real company
// or a real application: every organization name, user name, address, contact and
// supporting-document reference says "synthetic". The shape follows what was public in
// Nov 2019 (DOMAIN.md §1): about 300 requests in six months, for cell-phone
// components, non-electronic components, software and network equipment.
//
// An application carries what a reviewer reads: the ECCNs (EAR99 and the anti-terrorism
// -only xx99x entries, mass-market encryption items 5A992.c and 5D992.c, and
// controlled entries such as 5A002.a), item and end-use descriptions that say when the
// item is for 5G, and per-item foreign-availability statements (part 768) among the
// supporting documents. The reviewer policy (reviewer_policy.h) decides from these.
//
// Thread-safety: pure functions of the Rng they are given.
// Failure: none.
#pragma once

#include <string>
#include <vector>

#include "replay/rng.h"
#include "tollgate/common/date.h"
#include "tollgate/licensing/application.h"
#include "tollgate/licensing/organization.h"

namespace tollgate::replay {

enum class Category {
  kCellPhoneComponents,
  kNonElectronicComponents,
  kSoftware,
  kNetworkEquipment
};
const char* CategoryName(Category category);  // "cell-phone components", ...

struct Exporter {
  licensing::Organization organization;  // id "syn-...", name "... (synthetic)"
  licensing::User user;                  // its applicant user, "syn-...-exports"
  Category specialty = Category::kCellPhoneComponents;
};

struct Filing {
  std::size_t exporter = 0;  // index into SyntheticStream::exporters
  Category category = Category::kCellPhoneComponents;
  Date submit_on;
  licensing::Application form;
};

struct SyntheticStream {
  std::vector<Exporter> exporters;
  std::vector<Filing> filings;  // by submission date
};

// The reference a foreign-availability statement for item `index` carries among the
// supporting documents; the reviewer policy looks for it.
std::string ForeignAvailabilityReference(std::size_t index);

// `count` applications submitted between `first` and `last` (inclusive): a burst after
// the Entity List listing (exponential, mean 25 days from `first`) and a steady stream
// (uniform), half each.
SyntheticStream GenerateStream(Rng& rng, int count, Date first, Date last);

}  // namespace tollgate::replay

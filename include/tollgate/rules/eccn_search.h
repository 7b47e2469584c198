// Finding an ECCN: one entry of the Commerce Control List as the catalog holds it on a
// date (`tollgate eccn show 3A001`, GET /api/eccns/{eccn}) and a ranked search of the
// headings (`tollgate eccn search "mass market"`, GET /api/eccns?q=). Both read the
// same rules::Catalog that `tollgate check` classifies with, so what they find is what
// check accepts (15 CFR 774 Supp. 1 is the list; 15 CFR 738.2(d) the ECCN's form).
//
// Ranking, in order (each explained in EccnHit::why):
//   1. ECCN prefix: the query is the start of an ECCN ("3a0", "5D992"); by ECCN.
//      Such a query finds only ECCNs, not the headings that mention one.
//   2. phrase: the heading contains the query's words in a row ("information
//      security").
//   3. words: the share of the query's words that start a word of the heading
//      ("encrypt" matches "encryption"); common words ("and", "of", "the", ...) are
//      not counted. Ties: the shorter heading (more specific), then the ECCN.
// A paragraph's text the catalog holds ("5D992.c: ... mass market ...") counts when it
// matches better than the heading; the hit then names the paragraph.
// Entries with no query word at all are not returned.
//
// Thread-safety: pure functions over an immutable catalog.
// Failure: ShowEccn returns the catalog's error for a malformed or unknown ECCN
// (kInvalidArgument) or one with no entry on the date (kNotFound); SearchEccns does not
// fail (an empty or all-common-word query finds nothing).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/rules/catalog.h"

namespace tollgate::rules {

struct EccnHit {
  const EccnEntry* entry = nullptr;  // into the catalog
  std::string paragraph;             // "c" when a paragraph's text matched, not the heading
  int tier = 0;                      // 1 prefix, 2 phrase, 3 words (the order above)
  double score = 0;                  // share of the query's words found, 0..1
  std::string why;                   // "ECCN prefix '3A0'", "2 of 2 words: mass, market"
};

// The entry of each ECCN the catalog holds on `date`, ranked as above; at most `limit`.
std::vector<EccnHit> SearchEccns(const Catalog& catalog, std::string_view query, Date date,
                                 std::size_t limit);

// An ECCN as `check` would classify it on `date` (a paragraph such as "5D992.c" too),
// with its catalog entry.
struct EccnView {
  Classification classification;
  const EccnEntry* entry = nullptr;
};
Result<EccnView> ShowEccn(const Catalog& catalog, std::string_view eccn, Date date);

// JSON for the CLI's --json and the API (openapi.json: EccnEntry, EccnHit): the
// heading, each control with its reason (part 742) and chart column, the paragraphs,
// the dates and the citation.
nlohmann::json EccnJson(const Catalog& catalog, const EccnView& view);
nlohmann::json EccnHitJson(const EccnHit& hit);

}  // namespace tollgate::rules

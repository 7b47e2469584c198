// What vouches for each party row (migration 16): the party versions, and how
// `audit verify` checks the party master against the audit log.
//
// An import writes one chained audit record ("party.import"), not one per party: part
// 762 asks that the records be kept, not that each row have its own, and a record per
// row was most of the cost of a large import (BENCHMARKS.md, "The party master at
// 1,000,000"). So that an auditor can still prove what each party was, every party
// row written gets a version (organization, external id, revision, the SHA-256 of the
// row's content) in the same transaction, naming the audit record that vouches for it;
// the import's record holds the digest of its versions (ImportDigest), and a single
// change through the API or CLI ("party.add", "party.change", "party.remove") names its
// version's content hash in its own record. The chain vouches for the records, the
// records for the versions, the versions for the rows.
//
// What VerifyPartyRows finds, each a Problem naming the audit record concerned (0
// when there is none):
//   - a party row whose content no longer hashes to its latest version's (an edit of
//     the row outside Tollgate), or whose revision is not that version's;
//   - a party row that its latest version says was removed, a version without its row
//     (a row deleted outside Tollgate), a row no record names (a row inserted);
//   - versions that no longer match their record: an import's digest or count, a
//     single change's content hash, or a version naming a record that is not about it.
// Rows written before migration 16 have no version: each is vouched for by its own
// "party.add"/"party.change" record, and only checked to have one.
//
// Thread-safety: pure functions.
// Failure: never fails; problems are the result.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "tollgate/audit/record.h"
#include "tollgate/audit/verify.h"

namespace tollgate::audit {

// One party as one audit record vouches for it. A removal has revision 0 and an empty
// content hash. As a current row (Store::PartyRowHashes) audit_sequence is 0 and the
// content hash is recomputed from what the row holds.
struct PartyVersion {
  std::int64_t audit_sequence = 0;
  std::string organization;
  std::string external_id;
  std::int64_t revision = 0;
  std::string content_hash;
  bool operator==(const PartyVersion&) const = default;
};

// The action and subject of the record of an import, and the field of its "after"
// that holds ImportDigest of its versions.
inline constexpr std::string_view kPartyImportAction = "party.import";
inline constexpr std::string_view kImportDigestField = "parties_sha256";
inline constexpr std::string_view kContentHashField = "content_hash";
std::string PartyMasterSubject(const std::string& organization);
std::string PartySubject(const std::string& organization, const std::string& external_id);

// Appends `text` as a netstring (its length in decimal, ':', the bytes, ','): fields
// joined so that no two different lists of fields give the same text.
void AppendField(std::string& out, std::string_view text);

// SHA-256, in hex, over the versions by external id (bytes ascending), each as the
// netstrings of its external id, its revision in decimal and its content hash.
// `versions` are one import's: one organization, distinct external ids.
std::string ImportDigest(std::span<const PartyVersion> versions);

// The problems of the party master: `log` as the store holds it, every version
// recorded, and every current row (Store::PartyVersions, Store::PartyRowHashes).
std::vector<Problem> VerifyPartyRows(std::span<const Record> log,
                                     std::span<const PartyVersion> versions,
                                     std::span<const PartyVersion> rows);

}  // namespace tollgate::audit

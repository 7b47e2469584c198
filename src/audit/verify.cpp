#include "tollgate/audit/verify.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace tollgate::audit {
namespace {

// Beyond this many missing numbers in one gap, one problem names the whole range.
constexpr std::int64_t kGapDetailLimit = 20;

std::string Seq(std::int64_t sequence) { return "sequence " + std::to_string(sequence); }

}  // namespace

Verification Verify(std::span<const Record> records, const std::optional<Anchor>& anchor) {
  Verification result;
  result.records = static_cast<std::int64_t>(records.size());
  result.head_hash = records.empty() ? std::string(kGenesisHash) : records.back().hash;
  result.last_sequence = records.empty() ? 0 : records.back().sequence;
  auto& problems = result.problems;

  // Where each sequence number first appears, to follow links by number, not position.
  std::map<std::int64_t, std::size_t> first_at;
  for (std::size_t i = 0; i < records.size(); ++i) first_at.emplace(records[i].sequence, i);

  std::set<std::int64_t> reported_out_of_order;
  std::set<std::int64_t> seen;
  std::int64_t expected = 1;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Record& r = records[i];
    const bool duplicate = !seen.insert(r.sequence).second;

    auto hash = ComputeHash(r);
    const bool intact = hash.ok() && *hash == r.hash;
    if (!hash.ok()) {
      problems.push_back({r.sequence, hash.error().message});
    } else if (!intact) {
      problems.push_back({r.sequence, "edited: its content does not match its hash"});
    }

    if (r.sequence > expected) {
      if (r.sequence - expected > kGapDetailLimit) {
        problems.push_back({expected, "missing: sequences " + std::to_string(expected) + " to " +
                                          std::to_string(r.sequence - 1) +
                                          " are not in the log (deleted)"});
      } else {
        for (std::int64_t m = expected; m < r.sequence; ++m) {
          auto later = first_at.find(m);
          if (later != first_at.end() && later->second > i) {
            problems.push_back({m, "out of order: found after " + Seq(r.sequence)});
            reported_out_of_order.insert(m);
          } else {
            problems.push_back({m, "missing: not in the log (deleted)"});
          }
        }
      }
    } else if (r.sequence < expected) {
      if (duplicate) {
        problems.push_back({r.sequence, "appears twice: a record was inserted"});
      } else if (!reported_out_of_order.contains(r.sequence)) {
        problems.push_back({r.sequence, "out of order: found after " + Seq(expected - 1)});
      }
    }

    // The link to the record before, looked up by number. An edited record is reported
    // as such already (its previous_hash is part of what its hash covers).
    if (intact && !duplicate && r.sequence >= 1) {
      if (r.sequence == 1) {
        if (r.previous_hash != kGenesisHash) {
          problems.push_back({1, "the first record is not chained to the genesis hash"});
        }
      } else if (auto before = first_at.find(r.sequence - 1); before != first_at.end()) {
        if (records[before->second].hash != r.previous_hash) {
          problems.push_back({r.sequence - 1, "its hash is not the one " + Seq(r.sequence) +
                                                  " was chained to: it was edited and "
                                                  "re-hashed, or replaced"});
        }
      }
    }
    if (r.sequence < 1) problems.push_back({r.sequence, "not a valid sequence number"});
    expected = std::max(expected, r.sequence + 1);
  }

  if (anchor) {
    auto at = first_at.find(anchor->sequence);
    if (at == first_at.end()) {
      problems.push_back({anchor->sequence, "the anchored record is no longer in the log"});
    } else if (records[at->second].hash != anchor->hash) {
      problems.push_back({anchor->sequence,
                          "its hash differs from the anchor: the log was rewritten from here "
                          "or earlier"});
    }
  }
  return result;
}

nlohmann::json ToJson(const Verification& verification) {
  nlohmann::json out = {
      {"records", verification.records},     {"last_sequence", verification.last_sequence},
      {"head_hash", verification.head_hash}, {"ok", verification.ok()},
      {"problems", nlohmann::json::array()}, {"guard_problems", verification.guard_problems}};
  for (const auto& p : verification.problems) {
    out["problems"].push_back({{"sequence", p.sequence}, {"problem", p.what}});
  }
  return out;
}

}  // namespace tollgate::audit

// The fixed query mix every engine in the benchmark answers: exact list names,
// perturbed list names (a typo, a dropped word, reordered tokens) and clean names that
// are not on the list. Deterministic: a seed gives the same queries in the same
// order, so figures from two runs, and from the engine and its peers, compare.
//
// Thread-safety: pure function.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "name_generator.h"
#include "name_table.h"

namespace tollgate::bench {

enum class QueryKind { kExact, kPerturbed, kClean };
enum class Perturbation { kNone, kTypo, kDroppedWord, kReordered };

const char* QueryKindName(QueryKind kind);
const char* PerturbationName(Perturbation perturbation);

struct BenchQuery {
  std::string text;
  QueryKind kind = QueryKind::kClean;
  Perturbation perturbation = Perturbation::kNone;
  // The entry the query was made from (NameTable entry index); -1 for clean names.
  std::int64_t source_entry = -1;
};

// `count` queries cycling exact, perturbed, clean (a third each). List names are drawn
// uniformly from `table.names` (aliases included). Clean names come from the synthetic
// name generator with `seed` and `clean_vocabulary` (match a generated list's) and
// are rejected when their folded form is a list name.
std::vector<BenchQuery> MakeQueryMix(const NameTable& table, std::size_t count, std::uint64_t seed,
                                     Vocabulary clean_vocabulary = Vocabulary::kRich);

// Applies one perturbation to `name`, drawing positions from `draw`, and reports the one
// applied: a dropped word needs three tokens and a reorder two, so shorter names get a
// typo instead. An empty name comes back unchanged with kNone.
std::string Perturb(const std::string& name, Perturbation wanted, std::uint64_t draw,
                    Perturbation* applied);

}  // namespace tollgate::bench

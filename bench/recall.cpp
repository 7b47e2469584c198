#include "recall.h"

#include "summary.h"

namespace tollgate::bench {

std::string Rate::Text() const { return Format("%.1f%% (%zu/%zu)", Percent(), hits, total); }

void RecallCounts::Add(const BenchQuery& query, bool found_source, bool any_result) {
  auto count = [](Rate& rate, bool hit) {
    ++rate.total;
    if (hit) ++rate.hits;
  };
  switch (query.kind) {
    case QueryKind::kExact:
      count(exact, found_source);
      return;
    case QueryKind::kClean:
      count(clean_alerted, any_result);
      return;
    case QueryKind::kPerturbed:
      count(perturbed, found_source);
      if (query.perturbation == Perturbation::kTypo) count(typo, found_source);
      if (query.perturbation == Perturbation::kDroppedWord) count(dropped_word, found_source);
      if (query.perturbation == Perturbation::kReordered) count(reordered, found_source);
      return;
  }
}

}  // namespace tollgate::bench

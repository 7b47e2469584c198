// `tollgate screen --batch IN.csv --out OUT.csv`: every name of IN screened on every
// core; OUT gets one row per match at or above the threshold and one per name without
// any, each naming the outcome and the list versions searched.
#pragma once

#include <string>

#include "cli_context.h"

namespace tollgate::cli {

struct BatchOptions {
  std::string in_path;
  std::string out_path;
  unsigned threads = 0;
  double threshold = 0;
  std::string as_of;
};

int RunScreenBatch(const Context& context, const BatchOptions& options);

}  // namespace tollgate::cli

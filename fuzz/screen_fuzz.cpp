// The normalizer with Index::Screen: any text, as a query against the real lists and
// as a listed name, folds, tokenizes and screens without a crash, and whatever matches
// can be written as JSON.
#include <memory>
#include <vector>

#include "fuzz_support.h"
#include "tollgate/lists/format.h"
#include "tollgate/screening/normalize.h"
#include "tollgate/screening/screening.h"

namespace {

using namespace tollgate;

// The shipped Entity List extract and the CSL sample: real names and weights.
std::shared_ptr<const screening::Index> RealIndex() {
  static const std::shared_ptr<const screening::Index> index = [] {
    std::vector<lists::ListEntry> entries;
    for (const char* path : {TOLLGATE_SOURCE_DIR "/data/lists/huawei_entity_list_2019.csv",
                             TOLLGATE_SHARED_DATA "/lists/csl_sample_2019.csv"}) {
      Result<lists::ParsedList> parsed = lists::ReadListFile(path);
      if (!parsed.ok()) std::abort();  // the seeds' own files must read
      for (auto& e : parsed->entries) entries.push_back(std::move(e));
    }
    return screening::Index::Build(std::move(entries));
  }();
  return index;
}

void ScreenAll(const screening::Index& index, std::string name) {
  screening::Query query;
  query.name = std::move(name);
  query.threshold = 0.5;
  for (const screening::Match& m : index.Screen(query)) {
    if (!(m.score >= 0 && m.score <= 1.0 + 1e-9)) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(fuzz::Text(data, size));
  (void)screening::FoldToAscii(text);
  (void)screening::TokenizeName(text);
  ScreenAll(*RealIndex(), text);

  lists::ListEntry listed;
  listed.list = "EL";
  listed.entry_id = "fuzz";
  listed.name = text;
  listed.aliases.push_back({text + " Co., Ltd.", lists::AliasKind::kAka});
  auto index = screening::Index::Build({listed});
  ScreenAll(*index, text);
  ScreenAll(*index, "Huawei Technologies Co., Ltd.");
  return 0;
}

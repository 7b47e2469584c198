// The JSON reader of one `check --batch` line (and of /api/check): a transaction, or an
// input error; never an exception.
#include "fuzz_support.h"
#include "tollgate/rules/transaction.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tollgate;
  std::optional<nlohmann::json> json = fuzz::ParseJson(data, size);
  if (!json) return 0;
  Result<rules::Transaction> transaction = rules::TransactionFromJson(*json);
  if (transaction.ok()) {
    fuzz::MustSerialize(rules::ToJson(*transaction));
  } else {
    fuzz::MustBeInputError(transaction.error());
  }
  return 0;
}

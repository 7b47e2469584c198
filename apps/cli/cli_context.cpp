#include "cli_context.h"

#include <iostream>

namespace tollgate::cli {

int Fail(const Error& error) {
  std::cerr << "tollgate: error: " << error.message << "\n";
  return ExitCodeFor(error.code);
}

std::unique_ptr<storage::Store> OpenStoreOrReport(const Context& context, int& exit_code) {
  auto store = storage::OpenStore(context.db_url);
  if (!store.ok()) {
    exit_code = Fail(store.error());
    return nullptr;
  }
  return std::move(store).value();
}

Result<Date> DateFlag(const std::string& flag_name, const std::string& value) {
  if (value.empty()) return Date::Today();
  auto date = Date::Parse(value);
  if (!date.ok()) {
    return MakeError(ErrorCode::kInvalidArgument, flag_name + ": " + date.error().message);
  }
  return date;
}

}  // namespace tollgate::cli

#include "json_file.h"

#include <fstream>
#include <sstream>

namespace tollgate::cli {

Result<nlohmann::json> ReadJsonFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIoError, "cannot open '" + path + "'");
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto json = nlohmann::json::parse(buffer.str(), nullptr, false);
  if (json.is_discarded()) return MakeError(ErrorCode::kParseError, path + ": not valid JSON");
  return json;
}

}  // namespace tollgate::cli

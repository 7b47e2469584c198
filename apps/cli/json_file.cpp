#include "json_file.h"

#include <fstream>
#include <sstream>

#include "tollgate/common/json_limits.h"

namespace tollgate::cli {

Result<nlohmann::json> ReadJsonFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIoError, "cannot open '" + path + "'");
  std::stringstream buffer;
  buffer << in.rdbuf();
  // Depth-limited like the server's request bodies: the commands copy what they read.
  return ParseJsonLimited(buffer.str(), path);
}

}  // namespace tollgate::cli

#include <filesystem>

#include "storage/sql/driver.h"
#include "storage/sql_store.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {
namespace {

Result<std::unique_ptr<Store>> OpenSqliteFile(const std::string& path) {
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) {
    return MakeError(ErrorCode::kStorageError,
                     "cannot create folder '" + parent.string() + "': " + ec.message());
  }
  auto driver = sql::OpenSqlite(path);
  if (!driver.ok()) return driver.error();
  return OpenSqlStore(std::move(driver).value());
}

}  // namespace

bool IsPostgresUrl(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& url) {
  if (url.empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "empty database URL: give a SQLite file path or a postgresql:// URL");
  }
  if (IsPostgresUrl(url)) {
    auto driver = sql::OpenPostgres(url);
    if (!driver.ok()) return driver.error();
    return OpenSqlStore(std::move(driver).value());
  }
  if (url.rfind("sqlite:", 0) == 0) return OpenSqliteFile(url.substr(7));
  if (url.find("://") != std::string::npos) {
    // Only the scheme is repeated: the rest may hold a password.
    return MakeError(ErrorCode::kInvalidArgument,
                     "unsupported database URL scheme '" + url.substr(0, url.find("://")) +
                         "': give a SQLite file path or a postgresql:// URL");
  }
  return OpenSqliteFile(url);
}

}  // namespace tollgate::storage

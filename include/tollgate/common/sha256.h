// SHA-256 digests (OpenSSL), as lower-case hex: file identity for list versions, the
// audit chain, and the digest of the party rows an import wrote.
//
// Thread-safety: free functions without shared state; a Sha256Stream belongs to one
// thread.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "tollgate/common/result.h"

namespace tollgate {

std::string Sha256Hex(std::string_view bytes);
// Streams the file; fails with kIoError naming the path.
Result<std::string> Sha256OfFile(const std::filesystem::path& path);

// SHA-256 of bytes given in pieces: a digest over a million rows without joining them
// into one string first.
class Sha256Stream {
 public:
  Sha256Stream();
  void Update(std::string_view bytes);
  // The digest of everything given so far; the stream starts again empty.
  std::string FinishHex();

 private:
  struct Free {
    void operator()(void* context) const;
  };
  std::unique_ptr<void, Free> context_;  // EVP_MD_CTX
};

}  // namespace tollgate

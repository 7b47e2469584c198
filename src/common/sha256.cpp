#include "tollgate/common/sha256.h"

#include <openssl/evp.h>

#include <array>
#include <cstddef>
#include <fstream>

namespace tollgate {
namespace {

std::string Hex(const unsigned char* data, unsigned int size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(static_cast<std::size_t>(size) * 2, '0');
  for (std::size_t i = 0; i < size; ++i) {
    out[2 * i] = kDigits[data[i] >> 4];
    out[2 * i + 1] = kDigits[data[i] & 0xf];
  }
  return out;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  // One context a thread, reset after each digest: EVP_Digest made and freed a context
  // (and looked the algorithm up) on every call, 2.4% of an import of parties, which
  // digests each party row.
  thread_local Sha256Stream digest;
  digest.Update(bytes);
  return digest.FinishHex();
}

Result<std::string> Sha256OfFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIoError, "cannot open '" + path.string() + "'");
  Sha256Stream digest;
  std::array<char, 1 << 16> buffer{};
  while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
    digest.Update({buffer.data(), static_cast<std::size_t>(in.gcount())});
  }
  if (in.bad()) return MakeError(ErrorCode::kIoError, "error reading '" + path.string() + "'");
  return digest.FinishHex();
}

void Sha256Stream::Free::operator()(void* context) const {
  EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(context));
}

Sha256Stream::Sha256Stream() : context_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(context_.get()), EVP_sha256(), nullptr);
}

void Sha256Stream::Update(std::string_view bytes) {
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(context_.get()), bytes.data(), bytes.size());
}

std::string Sha256Stream::FinishHex() {
  auto* context = static_cast<EVP_MD_CTX*>(context_.get());
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  EVP_DigestFinal_ex(context, digest.data(), &size);
  EVP_DigestInit_ex(context, EVP_sha256(), nullptr);
  return Hex(digest.data(), size);
}

}  // namespace tollgate

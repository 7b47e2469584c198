#include "tollgate/accounts/credentials.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <cstdlib>
#include <vector>

#include "tollgate/common/sha256.h"

namespace tollgate::accounts {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
constexpr std::string_view kScheme = "pbkdf2-sha256";

std::vector<unsigned char> RandomBytes(std::size_t n) {
  std::vector<unsigned char> bytes(n);
  if (RAND_bytes(bytes.data(), static_cast<int>(n)) != 1) std::abort();
  return bytes;
}

std::string Hex(const unsigned char* data, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    out += kDigits[data[i] >> 4];
    out += kDigits[data[i] & 0xf];
  }
  return out;
}

bool FromHex(std::string_view hex, std::vector<unsigned char>& out) {
  if (hex.size() % 2 != 0) return false;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  out.clear();
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    int hi = nibble(hex[i]);
    int lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<unsigned char>(hi * 16 + lo));
  }
  return true;
}

std::array<unsigned char, kHashBytes> Derive(std::string_view password,
                                             const std::vector<unsigned char>& salt,
                                             int iterations) {
  std::array<unsigned char, kHashBytes> out{};
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                        static_cast<int>(salt.size()), iterations, EVP_sha256(),
                        static_cast<int>(out.size()), out.data()) != 1) {
    std::abort();
  }
  return out;
}

}  // namespace

Status ValidateNewPassword(std::string_view password) {
  if (password.size() < kMinPasswordLength || password.size() > kMaxPasswordLength) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "password: must be " + std::to_string(kMinPasswordLength) + " to " +
                         std::to_string(kMaxPasswordLength) + " characters");
  }
  return {};
}

std::string HashPassword(std::string_view password) {
  const auto salt = RandomBytes(kSaltBytes);
  const auto hash = Derive(password, salt, kPasswordIterations);
  return std::string(kScheme) + "$" + std::to_string(kPasswordIterations) + "$" +
         Hex(salt.data(), salt.size()) + "$" + Hex(hash.data(), hash.size());
}

bool VerifyPassword(std::string_view password, std::string_view stored) {
  // scheme$iterations$salt$hash
  std::array<std::string_view, 4> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto end = i + 1 < parts.size() ? stored.find('$', start) : stored.size();
    if (end == std::string_view::npos) return false;
    parts[i] = stored.substr(start, end - start);
    start = end + 1;
  }
  if (parts[0] != kScheme || parts[1].empty() || parts[1].size() > 9) return false;
  int iterations = 0;
  for (char c : parts[1]) {
    if (c < '0' || c > '9') return false;
    iterations = iterations * 10 + (c - '0');
  }
  std::vector<unsigned char> salt;
  std::vector<unsigned char> expected;
  if (iterations < 1 || !FromHex(parts[2], salt) || !FromHex(parts[3], expected) ||
      expected.size() != kHashBytes) {
    return false;
  }
  const auto actual = Derive(password, salt, iterations);
  return CRYPTO_memcmp(actual.data(), expected.data(), kHashBytes) == 0;
}

std::string RandomSecret(std::string_view prefix) {
  const auto bytes = RandomBytes(32);
  return std::string(prefix) + Hex(bytes.data(), bytes.size());
}

std::string GeneratePassword() {
  // No 0/O, 1/l/I: a password read off a terminal is typed correctly the first time.
  static constexpr std::string_view kAlphabet =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  while (out.size() < 20) {
    // Rejection sampling keeps every character equally likely.
    for (unsigned char b : RandomBytes(32)) {
      if (b >= 256 - 256 % kAlphabet.size()) continue;
      out += kAlphabet[b % kAlphabet.size()];
      if (out.size() == 20) break;
    }
  }
  return out;
}

std::string SecretDigest(std::string_view secret) { return Sha256Hex(secret); }

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace tollgate::accounts

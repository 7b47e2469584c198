#include "tollgate/audit/checkpoint.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "tollgate/storage/store.h"

namespace tollgate::audit {
namespace {

constexpr std::size_t kPublicKeyBytes = 32;
constexpr std::size_t kSignatureBytes = 64;

using Pkey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;
using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

std::string Hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 0xf]);
  }
  return out;
}

// The bytes of `hex` when it is exactly `size` bytes of lower- or upper-case hex.
std::optional<std::string> Unhex(const std::string& hex, std::size_t size) {
  if (hex.size() != size * 2) return std::nullopt;
  std::string out;
  out.reserve(size);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    int byte = 0;
    for (std::size_t j = i; j < i + 2; ++j) {
      const char c = hex[j];
      int v = 0;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        v = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        v = c - 'A' + 10;
      } else {
        return std::nullopt;
      }
      byte = byte * 16 + v;
    }
    out.push_back(static_cast<char>(byte));
  }
  return out;
}

Error KeyError(ErrorCode code, const std::string& path, const std::string& what) {
  return MakeError(code, "audit key " + path + ": " + what);
}

Result<std::string> PublicKeyOf(EVP_PKEY* key, const std::string& path) {
  unsigned char raw[kPublicKeyBytes];
  std::size_t size = sizeof raw;
  if (EVP_PKEY_get_raw_public_key(key, raw, &size) != 1 || size != kPublicKeyBytes) {
    return KeyError(ErrorCode::kInvalidArgument, path, "not an Ed25519 key");
  }
  return Hex(raw, size);
}

// Writes the new key's PEM to a private temporary file and links it into place, so a
// reader never sees half a key and two processes creating it at once keep one.
Status CreateKeyFile(const std::string& path) {
  Pkey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), EVP_PKEY_free);
  if (!key) return KeyError(ErrorCode::kInternal, path, "OpenSSL could not generate a key");
  Bio bio(BIO_new(BIO_s_mem()), BIO_free);
  if (!bio ||
      PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    return KeyError(ErrorCode::kInternal, path, "OpenSSL could not write the key");
  }
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  const std::string temp = path + ".tmp" + std::to_string(::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return KeyError(ErrorCode::kIoError, path, std::strerror(errno));
  const bool written =
      ::write(fd, data, static_cast<std::size_t>(size)) == size && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!written) {
    ::unlink(temp.c_str());
    return KeyError(ErrorCode::kIoError, path, std::strerror(saved));
  }
  const int linked = ::link(temp.c_str(), path.c_str());
  const int link_errno = errno;
  ::unlink(temp.c_str());
  if (linked != 0 && link_errno != EEXIST) {
    return KeyError(ErrorCode::kIoError, path, std::strerror(link_errno));
  }
  return {};
}

}  // namespace

void SigningKey::KeyDeleter::operator()(void* key) const {
  EVP_PKEY_free(static_cast<EVP_PKEY*>(key));
}

std::string SignedText(const Checkpoint& checkpoint) {
  return std::string(kCheckpointFormat) + "\nsequence=" + std::to_string(checkpoint.sequence) +
         "\nhead_hash=" + checkpoint.head_hash + "\ntime=" + checkpoint.time + "\n";
}

Result<SigningKey> SigningKey::Load(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return KeyError(errno == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIoError, path,
                    std::strerror(errno));
  }
  // A signing key others can read vouches for nothing (anyone could sign with it).
  if ((info.st_mode & 077) != 0) {
    return KeyError(ErrorCode::kInvalidArgument, path,
                    "readable or writable by group or others: chmod 600 it (or remove it to "
                    "create a new key)");
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) return KeyError(ErrorCode::kIoError, path, "cannot be read");
  const std::string pem = text.str();
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  EVP_PKEY* raw = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
  std::unique_ptr<void, KeyDeleter> key(raw);
  if (raw == nullptr || EVP_PKEY_get_id(raw) != EVP_PKEY_ED25519) {
    return KeyError(ErrorCode::kInvalidArgument, path, "not an Ed25519 private key in PEM");
  }
  auto public_key = PublicKeyOf(raw, path);
  if (!public_key.ok()) return public_key.error();
  return SigningKey(std::move(key), std::move(public_key).value());
}

Result<SigningKey> SigningKey::LoadOrCreate(const std::string& path) {
  auto loaded = Load(path);
  if (loaded.ok() || loaded.error().code != ErrorCode::kNotFound) return loaded;
  if (auto created = CreateKeyFile(path); !created.ok()) return created.error();
  return Load(path);
}

Result<Checkpoint> SigningKey::Sign(std::int64_t sequence, std::string head_hash,
                                    std::string time) const {
  Checkpoint checkpoint{sequence, std::move(head_hash), std::move(time), public_key_, ""};
  const std::string text = SignedText(checkpoint);
  MdCtx ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  unsigned char signature[kSignatureBytes];
  std::size_t size = sizeof signature;
  if (!ctx ||
      EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr,
                         static_cast<EVP_PKEY*>(key_.get())) != 1 ||
      EVP_DigestSign(ctx.get(), signature, &size,
                     reinterpret_cast<const unsigned char*>(text.data()), text.size()) != 1) {
    return MakeError(ErrorCode::kInternal, "OpenSSL could not sign the audit checkpoint");
  }
  checkpoint.signature = Hex(signature, size);
  return checkpoint;
}

Result<std::string> AuditKeyPath(const std::string& db_url, const std::string& given) {
  if (!given.empty()) return given;
  if (storage::IsPostgresUrl(db_url)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "a PostgreSQL database needs --audit-key PATH (or TOLLGATE_AUDIT_KEY): the "
                     "key that signs audit checkpoints is kept outside the database it vouches "
                     "for");
  }
  const std::string file = db_url.rfind("sqlite:", 0) == 0 ? db_url.substr(7) : db_url;
  return file + ".audit-key";
}

Status CheckSignature(const Checkpoint& checkpoint, const std::string& expected_key) {
  const auto public_key = Unhex(checkpoint.public_key, kPublicKeyBytes);
  if (!public_key) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "public_key: expected 64 hex digits (an Ed25519 public key)");
  }
  const auto signature = Unhex(checkpoint.signature, kSignatureBytes);
  if (!signature) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "signature: expected 128 hex digits (an Ed25519 signature)");
  }
  Pkey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                       reinterpret_cast<const unsigned char*>(public_key->data()),
                                       public_key->size()),
           EVP_PKEY_free);
  if (!key) return MakeError(ErrorCode::kInvalidArgument, "public_key: not an Ed25519 key");
  const std::string text = SignedText(checkpoint);
  MdCtx ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  const bool valid =
      ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature->data()),
                       signature->size(), reinterpret_cast<const unsigned char*>(text.data()),
                       text.size()) == 1;
  if (!valid) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "signature: does not verify with the checkpoint's public_key: the "
                     "checkpoint was altered after it was signed, or forged");
  }
  if (!expected_key.empty() && Unhex(expected_key, kPublicKeyBytes) != public_key) {
    return MakeError(ErrorCode::kInvalidArgument, "public_key: the checkpoint was signed by " +
                                                      checkpoint.public_key +
                                                      ", not by the expected key " + expected_key);
  }
  return {};
}

nlohmann::json ToJson(const Checkpoint& checkpoint) {
  return {{"format", kCheckpointFormat},
          {"sequence", checkpoint.sequence},
          {"head_hash", checkpoint.head_hash},
          {"time", checkpoint.time},
          {"algorithm", "Ed25519"},
          {"public_key", checkpoint.public_key},
          {"signature", checkpoint.signature}};
}

Result<Checkpoint> CheckpointFromJson(const nlohmann::json& json, const std::string& source) {
  const auto bad = [&](const std::string& field, const std::string& what) {
    return MakeError(ErrorCode::kParseError, source + ": field " + field + ": " + what);
  };
  if (!json.is_object()) {
    return MakeError(ErrorCode::kParseError, source + ": expected a JSON object (a checkpoint)");
  }
  const auto text = [&](const char* field) -> const std::string* {
    auto it = json.find(field);
    return it != json.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
  };
  const std::string* format = text("format");
  if (format == nullptr || *format != kCheckpointFormat) {
    return bad("format", "expected \"" + std::string(kCheckpointFormat) + "\"");
  }
  Checkpoint checkpoint;
  auto sequence = json.find("sequence");
  if (sequence == json.end() || !sequence->is_number_integer() ||
      sequence->get<std::int64_t>() < 0) {
    return bad("sequence", "expected a whole number, 0 or more");
  }
  checkpoint.sequence = sequence->get<std::int64_t>();
  const std::map<std::string, std::string*> fields = {{"head_hash", &checkpoint.head_hash},
                                                      {"time", &checkpoint.time},
                                                      {"public_key", &checkpoint.public_key},
                                                      {"signature", &checkpoint.signature}};
  for (const auto& [name, target] : fields) {
    const std::string* value = text(name.c_str());
    if (value == nullptr) return bad(name, "missing, or not a string");
    *target = *value;
  }
  if (!Unhex(checkpoint.head_hash, 32)) return bad("head_hash", "expected 64 hex digits");
  if (const std::string* algorithm = text("algorithm");
      algorithm == nullptr || *algorithm != "Ed25519") {
    return bad("algorithm", "expected \"Ed25519\"");
  }
  return checkpoint;
}

Verification VerifyAgainst(std::span<const Record> records, const Checkpoint& checkpoint) {
  Verification result = Verify(records);
  const std::string signed_at = "the checkpoint signed " + checkpoint.time;
  if (checkpoint.sequence == 0) return result;  // an empty log: nothing to be missing
  if (result.last_sequence < checkpoint.sequence) {
    const std::int64_t first = result.last_sequence + 1;
    const std::string gone = first == checkpoint.sequence
                                 ? "record " + std::to_string(first) + " is gone"
                                 : "records " + std::to_string(first) + " to " +
                                       std::to_string(checkpoint.sequence) + " are gone";
    result.problems.push_back({first, "truncated: the log ends at sequence " +
                                          std::to_string(result.last_sequence) + " but " +
                                          signed_at + " covers " +
                                          std::to_string(checkpoint.sequence) + ": " + gone});
    return result;
  }
  for (const Record& record : records) {
    if (record.sequence != checkpoint.sequence) continue;
    if (record.hash != checkpoint.head_hash) {
      result.problems.push_back(
          {checkpoint.sequence, "rewritten: its hash differs from " + signed_at +
                                    ": the log was changed at or before this record"});
    }
    return result;
  }
  result.problems.push_back(
      {checkpoint.sequence, "the record " + signed_at + " ends at is no longer in the log"});
  return result;
}

}  // namespace tollgate::audit

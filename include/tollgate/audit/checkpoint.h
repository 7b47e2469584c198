// Signed checkpoints of the audit log: the proof that the log is whole up to a point.
//
// The hash chain (audit/record.h) shows an edited, inserted or deleted record, but a
// log cut short at its end, or rewritten from some record onwards with every hash
// recomputed, verifies on its own. A checkpoint closes that gap: the sequence and
// head hash of the log at one moment, with the time, signed with an Ed25519 key
// (OpenSSL EVP_PKEY) that lives outside the database. The operator keeps the
// checkpoint elsewhere (a file, an external monitor); later, a log that no longer
// reaches the checkpoint's sequence (a truncated tail) or whose record at that
// sequence hashes differently (a rewrite at or before it) is caught, and so is a
// checkpoint altered or forged without the key (its signature fails). Part 762 asks
// that export records be kept whole for five years; this is how that can be shown.
//
// The signed message is the text
//   "tollgate-audit-checkpoint/1\nsequence=N\nhead_hash=HEX\ntime=T\n"
// so a signature over anything else can never pass for a checkpoint.
//
// The key file: a PKCS#8 PEM private key, created on first use with mode 0600 (an
// existing file readable by group or others is refused, as ssh refuses such keys).
// By default it sits beside a SQLite database (FILE.audit-key); a PostgreSQL database
// has no file to sit beside, so its key path must be given (AuditKeyPath).
//
// Thread-safety: SigningKey is immutable once loaded and may sign from any thread;
// the rest are pure functions or touch only the key file named.
// Failure: kIoError for a key file that cannot be read or written (naming it);
// kInvalidArgument for a key file that is not an Ed25519 key, is too open, or a
// checkpoint whose signature does not verify; kParseError for a checkpoint file that
// is not one, naming the field.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <span>
#include <string>

#include "tollgate/audit/record.h"
#include "tollgate/audit/verify.h"
#include "tollgate/common/result.h"

namespace tollgate::audit {

inline constexpr std::string_view kCheckpointFormat = "tollgate-audit-checkpoint/1";

struct Checkpoint {
  std::int64_t sequence = 0;  // the last record covered; 0 for an empty log
  std::string head_hash;      // that record's hash, kGenesisHash for an empty log
  std::string time;           // UTC "YYYY-MM-DDTHH:MM:SSZ" when it was signed
  std::string public_key;     // the signer's Ed25519 public key, 64 hex digits
  std::string signature;      // Ed25519 over SignedText(), 128 hex digits
};

// The exact bytes the signature covers.
std::string SignedText(const Checkpoint& checkpoint);

class SigningKey {
 public:
  // Loads the key at `path`, creating it (0600, atomically) when there is none.
  static Result<SigningKey> LoadOrCreate(const std::string& path);
  // Loads the key at `path`; kNotFound when there is none.
  static Result<SigningKey> Load(const std::string& path);

  const std::string& public_key() const { return public_key_; }
  // The checkpoint of a log whose last record is `sequence` with `head_hash`.
  Result<Checkpoint> Sign(std::int64_t sequence, std::string head_hash, std::string time) const;

 private:
  struct KeyDeleter {
    void operator()(void* key) const;
  };
  explicit SigningKey(std::unique_ptr<void, KeyDeleter> key, std::string public_key)
      : key_(std::move(key)), public_key_(std::move(public_key)) {}
  std::unique_ptr<void, KeyDeleter> key_;  // EVP_PKEY
  std::string public_key_;
};

// Where the checkpoint key lives: `given` (--audit-key, TOLLGATE_AUDIT_KEY) when not
// empty; else beside a SQLite database ("FILE.audit-key"). A PostgreSQL URL without
// `given` is kInvalidArgument: the key must not live in the database it vouches for.
Result<std::string> AuditKeyPath(const std::string& db_url, const std::string& given);

// Checks the signature against the public key the checkpoint names (kInvalidArgument
// "signature: ..." when it fails), and when `expected_key` is not empty, that this is
// the key that signed it (kInvalidArgument "public_key: ...").
Status CheckSignature(const Checkpoint& checkpoint, const std::string& expected_key = "");

// {format, sequence, head_hash, time, algorithm, public_key, signature}: the file
// `tollgate audit checkpoint` writes and GET /api/audit/checkpoint answers.
nlohmann::json ToJson(const Checkpoint& checkpoint);
// The checkpoint in `json`; kParseError naming `source` and the field when a field is
// missing or malformed. The signature is not checked here (CheckSignature).
Result<Checkpoint> CheckpointFromJson(const nlohmann::json& json, const std::string& source);

// Verify (audit/verify.h), and what `checkpoint` (signature already checked) shows
// besides: a log that ends before the checkpoint's sequence (a truncated tail), and a
// record at that sequence whose hash is not the checkpoint's (a rewrite at or before it).
Verification VerifyAgainst(std::span<const Record> records, const Checkpoint& checkpoint);

}  // namespace tollgate::audit

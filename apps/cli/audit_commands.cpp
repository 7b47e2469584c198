// `tollgate audit verify`: recompute the audit log's hash chain and report any edited,
// inserted, deleted or reordered record by its sequence number, a dropped append-only
// trigger, and (with --checkpoint) a truncated tail or a rewrite before a signed
// checkpoint. Exit 0 when intact, 1 when problems were found (like cmp), other codes
// for errors (the one table): a checkpoint whose signature fails is bad input (2).
// `tollgate audit checkpoint`: sign the head of a log that verifies (audit/checkpoint.h).
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "json_file.h"
#include "tollgate/audit/stored_log.h"
#include "tollgate/licensing/clock.h"

namespace tollgate::cli {
namespace {

constexpr int kVerificationFailed = 1;

struct Flags {
  std::string anchor;      // SEQUENCE:HASH
  std::string checkpoint;  // a checkpoint file
  std::string public_key;  // the key the checkpoint must be signed by
  std::string audit_key;   // --audit-key or $TOLLGATE_AUDIT_KEY
  std::string out;         // where `checkpoint` writes
  bool json = false;
};

Result<audit::Checkpoint> ReadCheckpoint(const Context& context, const Flags& flags) {
  auto checkpoint = FromJsonFile(flags.checkpoint, [&](const nlohmann::json& json) {
    return audit::CheckpointFromJson(json, "checkpoint");
  });
  if (!checkpoint.ok()) return checkpoint.error();
  auto signer = flags.public_key.empty() ? audit::OwnPublicKey(context.db_url, flags.audit_key)
                                         : Result<std::string>(flags.public_key);
  if (!signer.ok()) return signer.error();
  if (auto checked = audit::CheckSignature(*checkpoint, *signer); !checked.ok()) {
    return MakeError(checked.error().code,
                     flags.checkpoint + ": checkpoint " + checked.error().message);
  }
  return checkpoint;
}

int Verify(const Context& context, const Flags& flags) {
  std::optional<audit::Anchor> anchor;
  if (!flags.anchor.empty()) {
    auto parsed = audit::ParseAnchor(flags.anchor, "--anchor");
    if (!parsed.ok()) return Fail(parsed.error());
    anchor = *parsed;
  }
  std::optional<audit::Checkpoint> checkpoint;
  if (!flags.checkpoint.empty()) {
    auto read = ReadCheckpoint(context, flags);
    if (!read.ok()) return Fail(read.error());
    checkpoint = std::move(read).value();
  }
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  auto verified = audit::VerifyStoredLog(*store, anchor, checkpoint);
  if (!verified.ok()) return Fail(verified.error());
  const auto& v = *verified;
  if (flags.json) {
    std::cout << audit::ToJson(v).dump(2) << "\n";
  } else {
    std::cout << "audit log: " << v.records << " record(s); head " << v.last_sequence << ":"
              << v.head_hash << "\n";
    if (checkpoint) {
      std::cout << "checkpoint: sequence " << checkpoint->sequence << " signed " << checkpoint->time
                << " by " << checkpoint->public_key << "\n";
    }
    for (const auto& p : v.problems) {
      std::cout << "sequence " << p.sequence << ": " << p.what << "\n";
    }
    for (const auto& p : v.guard_problems) std::cout << "append-only: " << p << "\n";
    const auto count = v.problems.size() + v.guard_problems.size();
    std::cout << (v.ok() ? "intact\n" : "NOT intact: " + std::to_string(count) + " problem(s)\n");
  }
  return v.ok() ? 0 : kVerificationFailed;
}

// Written beside its destination and renamed, so a kept checkpoint is never half a file.
Status WriteFile(const std::string& path, const std::string& text) {
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) return MakeError(ErrorCode::kIoError, path + ": cannot be written");
  }
  std::error_code error;
  std::filesystem::rename(temp, path, error);
  if (error) return MakeError(ErrorCode::kIoError, path + ": " + error.message());
  return {};
}

int Checkpoint(const Context& context, const Flags& flags) {
  auto path = audit::AuditKeyPath(context.db_url, flags.audit_key);
  if (!path.ok()) return Fail(path.error());
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  auto key = audit::SigningKey::LoadOrCreate(*path);
  if (!key.ok()) return Fail(key.error());
  auto checkpoint = audit::CheckpointStoredLog(*store, *key, licensing::SystemClock().Timestamp());
  if (!checkpoint.ok()) return Fail(checkpoint.error());
  const std::string text = audit::ToJson(*checkpoint).dump(2) + "\n";
  if (flags.out.empty()) {
    std::cout << text;
    return 0;
  }
  if (auto written = WriteFile(flags.out, text); !written.ok()) return Fail(written.error());
  std::cout << "checkpoint: sequence " << checkpoint->sequence << ", head " << checkpoint->head_hash
            << ", " << checkpoint->time << "\n"
            << "signed by public key " << checkpoint->public_key << " (key file " << *path
            << ")\nwritten to " << flags.out << ": keep it away from this machine\n";
  return 0;
}

}  // namespace

void AddAuditCommands(CLI::App& app, Context& context, int& exit_code) {
  auto* audit_cmd = app.add_subcommand("audit", "the hash-chained audit log (part 762 records)");
  audit_cmd->require_subcommand(1);
  auto flags = std::make_shared<Flags>();
  const std::string key_help =
      "the checkpoint signing key (env TOLLGATE_AUDIT_KEY; default beside a SQLite file: "
      "FILE.audit-key; required for PostgreSQL)";
  auto* verify = audit_cmd->add_subcommand(
      "verify",
      "check the chain and the append-only triggers; exit 1 naming each edited, inserted, "
      "deleted or moved record");
  verify->add_option("--anchor", flags->anchor,
                     "SEQUENCE:HASH kept from an earlier verify: must still be in the log");
  verify->add_option("--checkpoint", flags->checkpoint,
                     "a signed checkpoint file (audit checkpoint): the log must still reach it "
                     "unchanged");
  verify->add_option("--public-key", flags->public_key,
                     "the key the checkpoint must be signed by (default: this database's key "
                     "when it has one)");
  verify->add_option("--audit-key", flags->audit_key, key_help)->envname("TOLLGATE_AUDIT_KEY");
  verify->add_flag("--json", flags->json, "JSON");
  verify->callback([&, flags] { exit_code = Verify(context, *flags); });

  auto* checkpoint = audit_cmd->add_subcommand(
      "checkpoint",
      "sign the head of the log (it must verify) with the audit key, created on first use");
  checkpoint->add_option("--out", flags->out, "write the checkpoint JSON here (default: stdout)");
  checkpoint->add_option("--audit-key", flags->audit_key, key_help)->envname("TOLLGATE_AUDIT_KEY");
  checkpoint->callback([&, flags] { exit_code = Checkpoint(context, *flags); });
}

}  // namespace tollgate::cli

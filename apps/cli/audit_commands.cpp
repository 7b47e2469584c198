// `tollgate audit verify`: recompute the audit log's hash chain and report any edited,
// inserted, deleted or reordered record by its sequence number. Exit 0 when intact,
// 1 when problems were found (like cmp), other codes for errors (the one table).
#include <iostream>

#include "commands.h"
#include "tollgate/audit/verify.h"

namespace tollgate::cli {
namespace {

constexpr int kVerificationFailed = 1;

struct Flags {
  std::string anchor;  // SEQUENCE:HASH
  bool json = false;
};

Result<audit::Anchor> ParseAnchor(const std::string& text) {
  const auto colon = text.find(':');
  audit::Anchor anchor;
  try {
    std::size_t used = 0;
    if (colon == std::string::npos) throw std::invalid_argument(text);
    anchor.sequence = std::stoll(text.substr(0, colon), &used);
    if (used != colon || anchor.sequence < 1) throw std::invalid_argument(text);
  } catch (const std::exception&) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "--anchor '" + text + "': expected SEQUENCE:HASH, as verify prints it");
  }
  anchor.hash = text.substr(colon + 1);
  return anchor;
}

int Run(const Context& context, const Flags& flags) {
  std::optional<audit::Anchor> anchor;
  if (!flags.anchor.empty()) {
    auto parsed = ParseAnchor(flags.anchor);
    if (!parsed.ok()) return Fail(parsed.error());
    anchor = *parsed;
  }
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  auto log = store->AuditLog();
  if (!log.ok()) return Fail(log.error());
  const auto v = audit::Verify(*log, anchor);
  if (flags.json) {
    std::cout << audit::ToJson(v).dump(2) << "\n";
  } else {
    std::cout << "audit log: " << v.records << " record(s); head " << v.last_sequence << ":"
              << v.head_hash << "\n";
    for (const auto& p : v.problems) {
      std::cout << "sequence " << p.sequence << ": " << p.what << "\n";
    }
    std::cout << (v.ok() ? "intact\n"
                         : "NOT intact: " + std::to_string(v.problems.size()) + " problem(s)\n");
  }
  return v.ok() ? 0 : kVerificationFailed;
}

}  // namespace

void AddAuditCommands(CLI::App& app, Context& context, int& exit_code) {
  auto* audit_cmd = app.add_subcommand("audit", "the hash-chained audit log (part 762 records)");
  audit_cmd->require_subcommand(1);
  auto flags = std::make_shared<Flags>();
  auto* verify = audit_cmd->add_subcommand(
      "verify", "check the chain; exit 1 naming each edited, inserted, deleted or moved record");
  verify->add_option("--anchor", flags->anchor,
                     "SEQUENCE:HASH kept from an earlier verify: must still be in the log");
  verify->add_flag("--json", flags->json, "JSON");
  verify->callback([&, flags] { exit_code = Run(context, *flags); });
}

}  // namespace tollgate::cli

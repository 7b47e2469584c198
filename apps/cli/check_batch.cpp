#include "check_batch.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "check_store.h"
#include "tollgate/common/json_limits.h"
#include "tollgate/rules/determination_record.h"
#include "tollgate/rules/engine.h"
#include "tollgate/rules/locate.h"
#include "tollgate/rules/transaction_fields.h"

namespace tollgate::cli {
namespace {

struct Line {
  std::size_t number = 0;
  rules::Transaction tx;
};

struct Input {
  std::vector<Line> good;
  std::vector<std::pair<std::size_t, Error>> bad;  // line, "IN.jsonl:LINE: ..."
};

Error At(const std::string& path, std::size_t line, const Error& error) {
  return MakeError(error.code, path + ":" + std::to_string(line) + ": " + error.message);
}

// A refusal that concerns the line (its input), not the machine: the batch goes on.
bool LineFault(ErrorCode code) {
  return code == ErrorCode::kInvalidArgument || code == ErrorCode::kParseError ||
         code == ErrorCode::kNotFound || code == ErrorCode::kRefused;
}

// Every line read and checked on its own (bounded by `limits`); a bad one is kept as
// its error.
Result<Input> ReadLines(const std::string& path, const rules::RuleSet& rules,
                        const rules::TransactionLimits& limits) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIoError, "cannot open '" + path + "'");
  Input input;
  std::string text;
  std::size_t number = 0;
  while (std::getline(in, text)) {
    ++number;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    // Depth-limited as the server's bodies: a line is copied and dumped later.
    auto json = ParseJsonLimited(text, path + ":" + std::to_string(number));
    if (!json.ok()) {
      input.bad.emplace_back(number, json.error());
      continue;
    }
    if (!json->is_object()) {
      input.bad.emplace_back(
          number, At(path, number, MakeError(ErrorCode::kParseError, "not a JSON object")));
      continue;
    }
    auto tx = rules::TransactionFromJson(*json);
    if (!tx.ok()) {
      input.bad.emplace_back(number, At(path, number, tx.error()));
      continue;
    }
    if (auto s = rules::CheckTransactionLimits(*tx, limits); !s.ok()) {
      input.bad.emplace_back(number, At(path, number, s.error()));
      continue;
    }
    if (auto valid = rules::ValidateTransactionFields(rules, *tx); !valid.ok()) {
      input.bad.emplace_back(number, At(path, number, valid.error()));
      continue;
    }
    input.good.push_back({number, std::move(tx).value()});
  }
  if (input.good.empty() && input.bad.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, path + ": no transactions");
  }
  return input;
}

}  // namespace

int RunCheckBatch(const Context& context, const std::string& in_path, const std::string& out_path,
                  const std::string& rules_dir, const rules::TransactionLimits& limits,
                  const std::string& org) {
  auto rules = rules::LoadRulesAt(rules_dir);
  if (!rules.ok()) return Fail(rules.error());
  auto input = ReadLines(in_path, **rules, limits);
  if (!input.ok()) return Fail(input.error());
  std::vector<Line>& lines = input->good;
  auto& bad = input->bad;
  // Each bad line on its own line of stderr, as it is found: the user sees them all.
  for (const auto& [number, error] : bad) std::cerr << "tollgate: error: " << error.message << "\n";
  int code = 0;
  auto opened = OpenCheckStore(context, org, code);
  if (!opened) return code;
  storage::Store* store = opened->store.get();
  rules::Engine engine(*rules, *store);

  std::vector<rules::Determination> results;
  std::vector<storage::DeterminationRecord> records;
  std::vector<std::size_t> numbers;
  results.reserve(lines.size());
  for (auto& line : lines) {
    auto determination = engine.Determine(std::move(line.tx), nullptr,  // not read again
                                          opened->DecisionsOrNull());
    if (!determination.ok()) {
      Error error = At(in_path, line.number, determination.error());
      if (!LineFault(error.code)) return Fail(error);
      std::cerr << "tollgate: error: " << error.message << "\n";
      bad.emplace_back(line.number, std::move(error));
      continue;
    }
    records.push_back(rules::RecordOf(*determination, "operator", opened->organization));
    numbers.push_back(line.number);
    results.push_back(std::move(determination).value());
  }
  if (results.empty()) {
    return Fail(MakeError(ErrorCode::kInvalidArgument,
                          in_path + ": no line could be determined (" + std::to_string(bad.size()) +
                              " refused, above); nothing written or recorded"));
  }

  // Written beside the target and renamed once recorded: a failure leaves neither a
  // half-written OUT nor records without their output.
  std::string temp_path = out_path + ".partial";
  {
    std::ofstream out(temp_path, std::ios::binary | std::ios::trunc);
    if (!out) return Fail(MakeError(ErrorCode::kIoError, "cannot write '" + out_path + "'"));
    for (std::size_t i = 0; i < results.size(); ++i) {
      nlohmann::json json = rules::ToJson(results[i]);
      json["line"] = numbers[i];
      out << json.dump() << "\n";
    }
    if (!out.flush())
      return Fail(MakeError(ErrorCode::kIoError, "cannot write '" + out_path + "'"));
  }
  auto ids = store->RecordDeterminations(records);
  std::error_code ec;
  if (!ids.ok()) {
    std::filesystem::remove(temp_path, ec);
    return Fail(ids.error());
  }
  std::filesystem::rename(temp_path, out_path, ec);
  if (ec) {
    return Fail(MakeError(ErrorCode::kIoError, "cannot write '" + out_path + "': " + ec.message()));
  }
  std::map<std::string, int> counts;
  for (const auto& r : results) ++counts[rules::DecisionName(r.decision)];
  std::cout << results.size() << " transaction(s) determined and recorded:";
  for (const auto& [decision, count] : counts) std::cout << " " << decision << " " << count << ";";
  std::cout << " results in " << out_path << "\n";
  if (bad.empty()) return 0;
  std::cout << bad.size() << " line(s) refused (errors on stderr), not determined: line(s)";
  for (const auto& [number, error] : bad) std::cout << " " << number;
  std::cout << "\n";
  return kSomeLinesFailed;
}

}  // namespace tollgate::cli

#include "check_batch.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "check_support.h"
#include "tollgate/rules/engine.h"

namespace tollgate::cli {
namespace {

struct Line {
  std::size_t number = 0;
  rules::Transaction tx;
};

Error At(const std::string& path, std::size_t line, const Error& error) {
  return MakeError(error.code, path + ":" + std::to_string(line) + ": " + error.message);
}

Result<std::vector<Line>> ReadLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIoError, "cannot open '" + path + "'");
  std::vector<Line> lines;
  std::string text;
  std::size_t number = 0;
  while (std::getline(in, text)) {
    ++number;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded()) {
      return MakeError(ErrorCode::kParseError,
                       path + ":" + std::to_string(number) + ": not a JSON object");
    }
    auto tx = rules::TransactionFromJson(json);
    if (!tx.ok()) return At(path, number, tx.error());
    lines.push_back({number, std::move(tx).value()});
  }
  if (lines.empty()) return MakeError(ErrorCode::kInvalidArgument, path + ": no transactions");
  return lines;
}

}  // namespace

int RunCheckBatch(const Context& context, const std::string& in_path, const std::string& out_path,
                  const std::string& rules_dir) {
  auto lines = ReadLines(in_path);
  if (!lines.ok()) return Fail(lines.error());
  auto rules = LoadRulesForCli(rules_dir);
  if (!rules.ok()) return Fail(rules.error());
  for (const auto& line : *lines) {
    if (auto valid = rules::ValidateTransaction(**rules, line.tx); !valid.ok()) {
      return Fail(At(in_path, line.number, valid.error()));
    }
  }
  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  rules::Engine engine(*rules, *store);

  std::vector<rules::Determination> results;
  std::vector<storage::DeterminationRecord> records;
  results.reserve(lines->size());
  for (auto& line : *lines) {
    auto determination = engine.Determine(std::move(line.tx));  // only its number is read again
    if (!determination.ok()) return Fail(At(in_path, line.number, determination.error()));
    records.push_back(RecordOf(*determination, "operator"));
    results.push_back(std::move(determination).value());
  }

  // Written beside the target and renamed once recorded: a failure leaves neither a
  // half-written OUT nor records without their output.
  std::string temp_path = out_path + ".partial";
  {
    std::ofstream out(temp_path, std::ios::binary | std::ios::trunc);
    if (!out) return Fail(MakeError(ErrorCode::kIoError, "cannot write '" + out_path + "'"));
    for (std::size_t i = 0; i < results.size(); ++i) {
      nlohmann::json json = rules::ToJson(results[i]);
      json["line"] = (*lines)[i].number;
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
  return 0;
}

}  // namespace tollgate::cli

#include "screen_batch.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "screen_support.h"
#include "tollgate/common/csv.h"
#include "tollgate/common/csv_writer.h"
#include "tollgate/forms/screening_json.h"
#include "tollgate/history/history.h"
#include "tollgate/screening/batch.h"

namespace tollgate::cli {
namespace {

struct InputRow {
  std::string id;
  std::string name;
};

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// RFC 4180 quoting where needed, and formula-safe: the queries are users' text and the
// file is opened in spreadsheets (common/csv_writer.h).
std::string CsvField(const std::string& value) { return CsvCell(value); }

Result<std::vector<screening::Query>> ReadInput(const std::string& path, double threshold,
                                                Date as_of, std::vector<InputRow>& rows) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIoError, "cannot open '" + path + "'");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // Excel's UTF-8 BOM

  CsvReader reader(text, path);
  auto header = reader.Next();
  if (!header.ok()) return header.error();
  if (!*header) return MakeError(ErrorCode::kParseError, path + ": empty file, expected a header");
  int name_col = -1, id_col = -1, country_col = -1, dob_col = -1, nationality_col = -1,
      identifier_col = -1;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < reader.size(); ++i) {
    auto column = Lower(reader.field(i));
    names.push_back(reader.field(i));
    if (column == "name") name_col = static_cast<int>(i);
    if (column == "id") id_col = static_cast<int>(i);
    if (column == "country") country_col = static_cast<int>(i);
    if (column == "date_of_birth") dob_col = static_cast<int>(i);
    if (column == "nationality") nationality_col = static_cast<int>(i);
    if (column == "identifier") identifier_col = static_cast<int>(i);
  }
  if (name_col < 0) {
    return MakeError(ErrorCode::kParseError,
                     path + ":1: the header has no 'name' column (optional: id, country)");
  }
  reader.SetColumnNames(names);
  reader.SetExpectedFields(names.size());

  std::vector<screening::Query> queries;
  for (;;) {
    auto more = reader.Next();
    if (!more.ok()) return more.error();
    if (!*more) break;
    InputRow row;
    row.name = reader.field(static_cast<std::size_t>(name_col));
    if (row.name.find_first_not_of(" \t") == std::string::npos) {
      return reader.FieldError(static_cast<std::size_t>(name_col), "empty name");
    }
    if (!history::CheckRecordable(row.name, "name").ok()) {
      return reader.FieldError(static_cast<std::size_t>(name_col), "not valid UTF-8");
    }
    row.id = id_col >= 0 ? reader.field(static_cast<std::size_t>(id_col))
                         : std::to_string(rows.size() + 1);
    screening::Query query;
    query.name = row.name;
    query.as_of = as_of;
    query.threshold = threshold;
    query.limit = screening::kDefaultLimit;
    query.explain = false;  // the output has scores and names only
    if (country_col >= 0 && !reader.field(static_cast<std::size_t>(country_col)).empty()) {
      auto country = ValidateCountryFlag(reader.field(static_cast<std::size_t>(country_col)));
      if (!country.ok()) {
        return reader.FieldError(static_cast<std::size_t>(country_col),
                                 "not an ISO 3166 alpha-2 code or country name");
      }
      query.country = *country;
    }
    // The secondary facts (screening/facts.h), each optional; several identifiers are
    // separated by ";" as in the party file. A bad one names its line and column.
    auto field = [&](int column) {
      return column >= 0 ? reader.field(static_cast<std::size_t>(column)) : std::string();
    };
    if (Status s = SetQueryFacts(field(dob_col), "", {}, query); !s.ok()) {
      return reader.FieldError(static_cast<std::size_t>(dob_col), s.error().message);
    }
    if (Status s = SetQueryFacts("", field(nationality_col), {}, query); !s.ok()) {
      return reader.FieldError(static_cast<std::size_t>(nationality_col), s.error().message);
    }
    std::vector<std::string> ids;
    std::stringstream identifiers(field(identifier_col));
    for (std::string id; std::getline(identifiers, id, ';');) {
      if (id.find_first_not_of(" \t") != std::string::npos) ids.push_back(id);
    }
    if (Status s = SetQueryFacts("", "", ids, query); !s.ok()) {
      return reader.FieldError(static_cast<std::size_t>(identifier_col), s.error().message);
    }
    rows.push_back(std::move(row));
    queries.push_back(std::move(query));
  }
  return queries;
}

}  // namespace

int RunScreenBatch(const Context& context, const BatchOptions& options) {
  auto as_of = DateFlag("--as-of", options.as_of);
  if (!as_of.ok()) return Fail(as_of.error());
  if (options.threshold < 0 || options.threshold > 1) {
    return Fail(MakeError(ErrorCode::kInvalidArgument, "--threshold must be between 0 and 1"));
  }
  std::vector<InputRow> rows;
  auto queries = ReadInput(options.in_path, options.threshold, *as_of, rows);
  if (!queries.ok()) return Fail(queries.error());

  int code = 0;
  auto store = OpenStoreOrReport(context, code);
  if (!store) return code;
  auto in_force = BuildIndexInForce(*store, *as_of);
  if (!in_force.ok()) return Fail(in_force.error());
  const bool none_in_force = in_force->versions.empty();
  const std::string searched = CsvField(forms::ListsSearchedText(in_force->versions));

  const bool terminal = isatty(STDERR_FILENO) != 0;
  screening::BatchOptions batch;
  batch.threads = options.threads;
  if (terminal) {
    batch.on_progress = [](const screening::BatchProgress& p) {
      std::fprintf(stderr, "\rscreened %zu/%zu names (%.0f names/s)   ", p.done, p.total,
                   p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0.0);
    };
  }
  double seconds = 0;
  auto user_progress = batch.on_progress;
  batch.on_progress = [&](const screening::BatchProgress& p) {
    seconds = p.seconds;
    if (user_progress) user_progress(p);
  };
  auto results = screening::ScreenBatch(*in_force->index, *queries, batch);
  if (terminal) std::fprintf(stderr, "\n");

  // Every row on record (15 CFR 762.2(a)) before the file says what was found, in one
  // transaction: all or none.
  {
    std::vector<storage::ScreeningRecord> records;
    records.reserve(results.size());
    const history::Asker asker{"operator", "", "batch"};
    for (std::size_t i = 0; i < results.size(); ++i) {
      records.push_back(
          history::ScreeningRecordOf((*queries)[i], *as_of, in_force->versions, results[i], asker));
    }
    auto ids = history::RecordScreenings(*store, records);
    if (!ids.ok()) return Fail(ids.error());
  }

  // Written beside the target and renamed into place: a failure never leaves a
  // half-written OUT behind.
  const std::filesystem::path out_path(options.out_path);
  auto tmp_path = out_path;
  tmp_path += ".partial";
  std::size_t match_rows = 0;
  {
    std::ofstream out(tmp_path, std::ios::binary | std::ios::trunc);
    if (!out)
      return Fail(MakeError(ErrorCode::kIoError, "cannot write '" + tmp_path.string() + "'"));
    // Every name has a row, a name without a match one with an empty match and its
    // outcome, so the file shows what was screened and against which list versions
    // (an auditor reads from it that a name was screened, not only that some matched).
    out << "id,query,score,list,entry_id,name,matched_name,outcome,lists_searched\n";
    char score[16];
    for (std::size_t i = 0; i < results.size(); ++i) {
      for (const auto& m : results[i]) {
        std::snprintf(score, sizeof score, "%.4f", m.score);
        out << CsvField(rows[i].id) << ',' << CsvField(rows[i].name) << ',' << score << ','
            << CsvField(m.entry->list) << ',' << CsvField(m.entry->entry_id) << ','
            << CsvField(m.entry->name) << ',' << CsvField(m.matched_name) << ",match," << searched
            << '\n';
        ++match_rows;
      }
      if (results[i].empty()) {
        out << CsvField(rows[i].id) << ',' << CsvField(rows[i].name) << ",,,,,,"
            << (none_in_force ? "no_list_in_force" : "no_match") << ',' << searched << '\n';
      }
    }
    out.flush();
    if (!out)
      return Fail(MakeError(ErrorCode::kIoError, "error writing '" + tmp_path.string() + "'"));
  }
  std::error_code ec;
  std::filesystem::rename(tmp_path, out_path, ec);
  if (ec)
    return Fail(MakeError(ErrorCode::kIoError,
                          "cannot write '" + out_path.string() + "': " + ec.message()));

  const double rate = seconds > 0 ? static_cast<double>(queries->size()) / seconds : 0;
  std::fprintf(
      stderr,
      "screened %zu names in %.3f s (%.0f names/s): %zu matches at or above %.2f written to %s\n",
      queries->size(), seconds, rate, match_rows, options.threshold, options.out_path.c_str());
  if (none_in_force) {
    std::fprintf(stderr, "tollgate: warning: %s\n", forms::NoListInForceMessage(*as_of).c_str());
    return kExitNoListInForce;
  }
  return 0;
}

}  // namespace tollgate::cli

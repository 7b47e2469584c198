#include "tollgate/history/history.h"

#include <charconv>
#include <cstdio>
#include <limits>
#include <sstream>

#include "tollgate/common/csv_writer.h"
#include "tollgate/forms/lists_json.h"
#include "tollgate/forms/screening_json.h"
#include "tollgate/history/answer_text.h"
#include "tollgate/licensing/license.h"

namespace tollgate::history {
namespace {

constexpr const char* kScreeningOutcomes[] = {"hit", "review", "no_hit", "nothing_screened"};
constexpr const char* kDecisions[] = {"NO_LICENSE_REQUIRED", "AUTHORIZED", "LICENSE_REQUIRED",
                                      "REVIEW", "PROHIBITED"};

Error Bad(const std::string& flag, const std::string& field, const std::string& message,
          std::string* bad_field) {
  if (bad_field) *bad_field = field;
  return MakeError(ErrorCode::kInvalidArgument, flag + field + ": " + message);
}

// Midnight UTC of a YYYY-MM-DD date, as recorded_at is written.
std::string Midnight(Date date) { return date.ToString() + "T00:00:00Z"; }

Result<std::int64_t> Count(const std::string& text, std::int64_t low, std::int64_t high) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "expected a whole number from " + std::to_string(low) + " to " +
                         std::to_string(high) + ", got '" + text + "'");
  }
  return value;
}

std::string Upper(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string ScoreText(double score) {
  char text[16];
  std::snprintf(text, sizeof text, "%.4f", score);
  return text;
}

// "csl version 1 of 2019-05-16 (2 entries); ..." from the recorded versions, or "none".
std::string ListsText(const nlohmann::json& lists) {
  if (!lists.is_array() || lists.empty()) return "none";
  std::string out;
  for (const auto& v : lists) {
    out += (out.empty() ? "" : "; ") + v.value("feed", "") + " version " +
           std::to_string(v.value("id", std::int64_t{0})) + " of " + v.value("as_of", "") + " (" +
           std::to_string(v.value("entries", std::int64_t{0})) + " entries)";
  }
  return out;
}

// "EL 123 Huawei Technologies Co., Ltd. (0.9531); ..." (a party's hit, recorded by
// continuous screening, names the entry as entry_name).
std::string MatchesText(const nlohmann::json& matches) {
  std::string out;
  if (!matches.is_array()) return out;
  for (const auto& m : matches) {
    out += (out.empty() ? "" : "; ") + m.value("list", "") + " " + m.value("entry_id", "") + " " +
           m.value("name", m.value("entry_name", "")) + " (" + ScoreText(m.value("score", 0.0)) +
           ")";
  }
  return out;
}

void AddPage(nlohmann::json& out, std::size_t count, const storage::HistoryFilter& filter) {
  out["limit"] = filter.limit;
  out["offset"] = filter.offset;
  if (static_cast<std::int64_t>(count) == filter.limit) {
    out["next_offset"] = filter.offset + filter.limit;
  }
}

}  // namespace

std::string OutcomeOf(bool searched, bool matched, double top_score) {
  if (!searched) return "nothing_screened";
  if (!matched) return "no_hit";
  return top_score + screening::kScoreTolerance >= kHitScore ? "hit" : "review";
}

std::string ScreeningOutcome(const std::vector<storage::ListVersion>& searched,
                             const std::vector<screening::Match>& matches) {
  double top = 0;
  for (const auto& m : matches) top = std::max(top, m.score);
  return OutcomeOf(!searched.empty(), !matches.empty(), top);
}

nlohmann::json VersionsJson(const std::vector<storage::ListVersion>& versions) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : versions) out.push_back(forms::VersionJson(v));
  return out;
}

storage::ScreeningRecord RecordBy(const Asker& asker) {
  storage::ScreeningRecord r;
  r.requested_by = asker.requested_by;
  r.organization = asker.organization;
  r.channel = asker.channel;
  return r;
}

namespace {

// A screening's record without the lists searched and the matches.
storage::ScreeningRecord QueryRecord(const screening::Query& query, Date as_of,
                                     const std::vector<storage::ListVersion>& searched,
                                     const std::vector<screening::Match>& matches,
                                     const Asker& asker) {
  storage::ScreeningRecord r = RecordBy(asker);
  r.name = query.name;
  r.country = query.country.value_or("");
  r.type = query.type ? lists::EntryTypeName(*query.type) : "";
  r.as_of = as_of.ToString();
  r.threshold = query.threshold;
  r.outcome = ScreeningOutcome(searched, matches);
  for (const auto& m : matches) r.top_score = std::max(r.top_score, m.score);
  return r;
}

}  // namespace

storage::ScreeningRecord ScreeningRecordOf(const screening::Query& query, Date as_of,
                                           const std::vector<storage::ListVersion>& searched,
                                           const std::vector<screening::Match>& matches,
                                           const Asker& asker) {
  storage::ScreeningRecord r = QueryRecord(query, as_of, searched, matches, asker);
  r.lists = VersionsJson(searched);
  r.matches = forms::MatchesJson(matches);
  return r;
}

storage::ScreeningRecord ScreeningRecordOf(const screening::Query& query, Date as_of,
                                           const std::vector<storage::ListVersion>& searched,
                                           const std::vector<screening::Match>& matches,
                                           ScreeningAnswer& answer, const Asker& asker) {
  storage::ScreeningRecord r = QueryRecord(query, as_of, searched, matches, asker);
  // The record's "lists" is the answer's "lists_searched" (each version as
  // forms::VersionJson writes it, as VersionsJson does), and its matches the answer's.
  r.lists = std::move(answer.lists_searched);
  r.matches = std::move(answer.matches);
  return r;
}

Status CheckRecordable(const std::string& name, const std::string& field) {
  try {
    (void)nlohmann::json(name).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  } catch (const nlohmann::json::type_error&) {
    return MakeError(ErrorCode::kInvalidArgument, field + ": not valid UTF-8");
  }
  return {};
}

Result<std::vector<std::int64_t>> RecordScreenings(
    storage::Store& store, const std::vector<storage::ScreeningRecord>& records) {
  if (records.empty()) return std::vector<std::int64_t>{};
  return store.RecordScreenings(records);
}

Result<storage::HistoryFilter> ParseHistoryFilter(const HistoryQuery& query, Kind kind,
                                                  std::int64_t default_limit,
                                                  std::int64_t max_limit, const std::string& flag,
                                                  std::string* bad_field) {
  storage::HistoryFilter filter;
  if (!query.organization.empty()) {
    if (!licensing::IsWellFormedKey(query.organization)) {
      return Bad(flag, "org", "'" + query.organization + "' is not an organization id", bad_field);
    }
    filter.organization = query.organization;
  }
  if (!query.party.empty()) {
    filter.party = licensing::FoldPartyName(query.party);
    if (filter.party.empty()) {
      return Bad(flag, "party", "'" + query.party + "' has no letters or digits", bad_field);
    }
  }
  std::optional<Date> from, to;
  if (!query.from.empty()) {
    auto date = Date::Parse(query.from);
    if (!date.ok()) return Bad(flag, "from", date.error().message, bad_field);
    from = *date;
    filter.from = Midnight(*date);
  }
  if (!query.to.empty()) {
    auto date = Date::Parse(query.to);
    if (!date.ok()) return Bad(flag, "to", date.error().message, bad_field);
    to = *date;
    filter.before = Midnight(date->AddDays(1));  // the whole day `to` included
  }
  if (from && to && *from > *to) {
    return Bad(flag, "from", from->ToString() + " is after to " + to->ToString(), bad_field);
  }
  if (!query.outcome.empty()) {
    if (kind == Kind::kScreenings) {
      for (const char* o : kScreeningOutcomes) {
        if (query.outcome == o) filter.outcome = o;
      }
      if (filter.outcome.empty()) {
        return Bad(flag, "outcome",
                   "'" + query.outcome + "': expected hit, review, no_hit or nothing_screened",
                   bad_field);
      }
    } else {
      const std::string upper = Upper(query.outcome);
      for (const char* d : kDecisions) {
        if (upper == d) filter.outcome = d;
      }
      if (filter.outcome.empty()) {
        return Bad(flag, "outcome",
                   "'" + query.outcome +
                       "': expected NO_LICENSE_REQUIRED, AUTHORIZED, LICENSE_REQUIRED, REVIEW or "
                       "PROHIBITED",
                   bad_field);
      }
    }
  }
  if (!query.channel.empty()) {
    if (kind != Kind::kScreenings) {
      return Bad(flag, "channel", "only screenings are recorded by channel", bad_field);
    }
    for (const char* c : kChannels) {
      if (query.channel == c) filter.channel = c;
    }
    if (filter.channel.empty()) {
      return Bad(flag, "channel",
                 "'" + query.channel + "': expected cli, api, batch, continuous or party_import",
                 bad_field);
    }
  }
  filter.limit = default_limit;
  if (!query.limit.empty()) {
    auto limit = Count(query.limit, 1, max_limit);
    if (!limit.ok()) return Bad(flag, "limit", limit.error().message, bad_field);
    filter.limit = *limit;
  }
  if (!query.offset.empty()) {
    auto offset = Count(query.offset, 0, std::numeric_limits<std::int64_t>::max());
    if (!offset.ok()) return Bad(flag, "offset", offset.error().message, bad_field);
    filter.offset = *offset;
  }
  return filter;
}

Status RestrictToViewer(const licensing::User* viewer, storage::HistoryFilter& filter) {
  if (viewer == nullptr) return {};
  switch (viewer->role) {
    case licensing::Role::kApplicant:
      if (viewer->organization.empty()) {
        return MakeError(ErrorCode::kPermissionDenied, "the caller belongs to no organization");
      }
      if (filter.organization && *filter.organization != viewer->organization) {
        return MakeError(
            ErrorCode::kPermissionDenied,
            "an applicant sees only its own organization's records (" + viewer->organization + ")");
      }
      filter.organization = viewer->organization;
      return {};
    case licensing::Role::kAgency:
      return MakeError(ErrorCode::kPermissionDenied,
                       "agency users see the applications referred to them, not the history of "
                       "screenings and determinations");
    default:
      return {};
  }
}

nlohmann::json ScreeningsJson(const std::vector<storage::ScreeningRecord>& records,
                              const storage::HistoryFilter& filter) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : records) {
    nlohmann::json query = {{"name", r.name}, {"as_of", r.as_of}, {"threshold", r.threshold}};
    if (!r.country.empty()) query["country"] = r.country;
    if (!r.type.empty()) query["type"] = r.type;
    list.push_back({{"id", r.id},
                    {"recorded_at", r.recorded_at},
                    {"requested_by", r.requested_by},
                    {"organization", r.organization},
                    {"channel", r.channel},
                    {"query", std::move(query)},
                    {"outcome", r.outcome},
                    {"top_score", r.top_score},
                    {"lists_searched", r.lists},
                    {"matches", r.matches}});
  }
  nlohmann::json out = {{"screenings", std::move(list)}};
  AddPage(out, records.size(), filter);
  return out;
}

nlohmann::json DeterminationsJson(const std::vector<storage::DeterminationRecord>& records,
                                  const storage::HistoryFilter& filter) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : records) {
    list.push_back({{"id", r.id},
                    {"recorded_at", r.recorded_at},
                    {"requested_by", r.requested_by},
                    {"organization", r.organization},
                    {"transaction_date", r.transaction_date.ToString()},
                    {"decision", r.decision},
                    {"request", nlohmann::json::parse(r.request_json, nullptr, false)},
                    {"result", nlohmann::json::parse(r.result_json, nullptr, false)}});
  }
  nlohmann::json out = {{"determinations", std::move(list)}};
  AddPage(out, records.size(), filter);
  return out;
}

std::string ScreeningsCsv(const std::vector<storage::ScreeningRecord>& records) {
  std::ostringstream out;
  out << "id,recorded_at,requested_by,organization,channel,name,country,type,as_of,threshold,"
         "outcome,top_score,lists_searched,matches\n";
  for (const auto& r : records) {
    out << r.id << ',' << r.recorded_at << ',' << CsvCell(r.requested_by) << ','
        << CsvCell(r.organization) << ',' << r.channel << ',' << CsvCell(r.name) << ',' << r.country
        << ',' << r.type << ',' << r.as_of << ',' << ScoreText(r.threshold) << ',' << r.outcome
        << ',' << ScoreText(r.top_score) << ',' << CsvCell(ListsText(r.lists)) << ','
        << CsvCell(MatchesText(r.matches)) << '\n';
  }
  return out.str();
}

std::string DeterminationsCsv(const std::vector<storage::DeterminationRecord>& records) {
  std::ostringstream out;
  out << "id,recorded_at,requested_by,organization,transaction_date,decision,request,result\n";
  for (const auto& r : records) {
    out << r.id << ',' << r.recorded_at << ',' << CsvCell(r.requested_by) << ','
        << CsvCell(r.organization) << ',' << r.transaction_date.ToString() << ',' << r.decision
        << ',' << CsvCell(r.request_json) << ',' << CsvCell(r.result_json) << '\n';
  }
  return out.str();
}

Result<std::string> RetentionCutoff(Date today, int years) {
  if (years < kDefaultRetentionYears) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "retention: records are kept at least five years (15 CFR 762.6), not " +
                         std::to_string(years));
  }
  const std::string text = today.ToString();
  const int year = today.year() - years;
  const int month = std::stoi(text.substr(5, 2));
  const int day = std::stoi(text.substr(8, 2));
  auto cutoff = Date::FromYmd(year, month, day);
  if (!cutoff.ok()) cutoff = Date::FromYmd(year, month, day - 1);  // 29 February
  if (!cutoff.ok()) return cutoff.error();
  return Midnight(*cutoff);
}

Result<storage::PruneCount> Prune(storage::Store& store, const std::string& cutoff,
                                  const std::string& reason, const storage::ChangeStamp& stamp) {
  return store.PruneHistory(cutoff, reason, stamp);
}

Result<std::optional<storage::PruneCount>> PruneExpired(storage::Store& store, Date today,
                                                        int years,
                                                        const storage::ChangeStamp& stamp) {
  auto cutoff = RetentionCutoff(today, years);
  if (!cutoff.ok()) return cutoff.error();
  storage::HistoryFilter older;
  older.before = *cutoff;
  older.limit = 1;
  auto screenings = store.FindScreenings(older);
  if (!screenings.ok()) return screenings.error();
  auto determinations = store.FindDeterminations(older);
  if (!determinations.ok()) return determinations.error();
  // Nothing expired: no prune, so a server start adds nothing to the audit log.
  if (screenings->empty() && determinations->empty()) return std::optional<storage::PruneCount>();
  auto pruned = Prune(store, *cutoff, "retention of " + std::to_string(years) + " years", stamp);
  if (!pruned.ok()) return pruned.error();
  return std::optional<storage::PruneCount>(*pruned);
}

}  // namespace tollgate::history

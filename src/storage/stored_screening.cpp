#include "storage/stored_screening.h"

namespace tollgate::storage {

std::string MatchKey(const ScreeningMatchRecord& match) {
  return match.role + '\x1f' + match.party + '\x1f' + match.list + '\x1f' + match.entry_id;
}

nlohmann::json ScreeningMatchJson(const ScreeningMatchRecord& match) {
  nlohmann::json out = {{"role", match.role},
                        {"party", match.party},
                        {"list", match.list},
                        {"entry_id", match.entry_id},
                        {"detail", match.detail}};
  if (match.seq != 0) out["seq"] = match.seq;
  if (!match.reason.empty()) out["reason"] = match.reason;
  out["screened_on"] = match.screened_on.ToString();
  return out;
}

std::string ScreeningBody(const ScreeningMatchRecord& match) {
  return nlohmann::json{{"role", match.role},
                        {"party", match.party},
                        {"list", match.list},
                        {"entry_id", match.entry_id},
                        {"detail", match.detail}}
      .dump();
}

Result<ScreeningMatchRecord> DecodeScreeningMatch(std::int64_t application_id, std::int64_t seq,
                                                  const std::string& screened_on,
                                                  std::string reason, const std::string& body) {
  auto damaged = [&] {
    return MakeError(ErrorCode::kStorageError, "application #" + std::to_string(application_id) +
                                                   ": stored screening match " +
                                                   std::to_string(seq) + " is damaged");
  };
  auto json = nlohmann::json::parse(body, nullptr, false);
  auto date = Date::Parse(screened_on);
  if (json.is_discarded() || !json.is_object() || !date.ok()) return damaged();
  ScreeningMatchRecord match;
  match.seq = seq;
  match.screened_on = *date;
  match.reason = std::move(reason);
  try {
    match.role = json.at("role").get<std::string>();
    match.party = json.at("party").get<std::string>();
    match.list = json.at("list").get<std::string>();
    match.entry_id = json.at("entry_id").get<std::string>();
    match.detail = json.at("detail");
  } catch (const nlohmann::json::exception&) {
    return damaged();
  }
  return match;
}

audit::Entry ScreeningMatchRecorded(const licensing::Application& application,
                                    const ScreeningMatchRecord& match, const ChangeStamp& stamp) {
  return audit::Entry{stamp.timestamp,
                      stamp.actor,
                      "application.screening_match",
                      licensing::Subject(application),
                      nullptr,
                      ScreeningMatchJson(match)};
}

}  // namespace tollgate::storage

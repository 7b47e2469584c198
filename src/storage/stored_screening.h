// The stored form of an application's screening matches, shared by the backends so
// that SQLite and PostgreSQL write the same text and fail the same way on a damaged
// row; and the audit entry of a recorded match.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "tollgate/audit/record.h"
#include "tollgate/common/result.h"
#include "tollgate/licensing/application.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {

// What makes a match the same as one recorded before: role, party, list and entry.
std::string MatchKey(const ScreeningMatchRecord& match);
std::string ScreeningBody(const ScreeningMatchRecord& match);
Result<ScreeningMatchRecord> DecodeScreeningMatch(std::int64_t application_id, std::int64_t seq,
                                                  const std::string& screened_on,
                                                  std::string reason, const std::string& body);
audit::Entry ScreeningMatchRecorded(const licensing::Application& application,
                                    const ScreeningMatchRecord& match, const ChangeStamp& stamp);
nlohmann::json ScreeningMatchJson(const ScreeningMatchRecord& match);

}  // namespace tollgate::storage

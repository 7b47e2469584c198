// Answers written once, for the asker and for the record (issue 15, item 6: "storing
// never slows the answer path by more than 10%"). GET /api/screen answers
// forms::ScreenJson with the record's id, and the record keeps the versions searched and
// the matches as that answer shows them; POST /api/check answers forms::CheckJson, whose
// "transaction" is the request its record keeps (15 CFR 762.2(a): what the asker was
// told, and about what). Building that JSON a second time for the record and dumping
// it again for the store cost about as much CPU as the rest of a request (BENCHMARKS.md,
// "Recording every answer ... (h18r)"). Here each answer is built once and the
// members the record shares are handed to it: a screening's as JSON (the store dumps
// them), a determination's request as the text the answer holds.
//
// Thread-safety: plain values and pure functions. Failure: none; text that is not
// UTF-8 is replaced in the answer, as the server's Json() does. A screened name is
// checked before (CheckRecordable) and a request body is parsed as JSON, so neither
// meets such text, and a determination's request reads as RecordOf would write it.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tollgate/common/date.h"
#include "tollgate/history/history.h"
#include "tollgate/rules/determination.h"
#include "tollgate/screening/screening.h"
#include "tollgate/storage/store.h"

namespace tollgate::history {

struct ScreeningAnswer {
  nlohmann::json rest;  // forms::ScreenJson without "lists_searched" and "matches"
  // Those two, and their JSON text, written once for the answer.
  nlohmann::json lists_searched;
  nlohmann::json matches;
  std::string lists_searched_text;
  std::string matches_text;
  // The whole answer with "record_id": byte for byte what forms::ScreenJson, with the
  // id added, dumps as.
  std::string Text(std::int64_t record_id) const;
};

ScreeningAnswer AnswerScreening(Date as_of, const std::vector<storage::ListVersion>& searched,
                                const std::vector<screening::Match>& matches);

// The record of one screening, as ScreeningRecordOf makes it, with `answer`'s lists
// searched and matches moved into it rather than built again (the answer's text of
// them stays, for Text).
storage::ScreeningRecord ScreeningRecordOf(const screening::Query& query, Date as_of,
                                           const std::vector<storage::ListVersion>& searched,
                                           const std::vector<screening::Match>& matches,
                                           ScreeningAnswer& answer, const Asker& asker);

struct CheckAnswer {
  nlohmann::json rest;      // forms::CheckJson without "transaction" and "record_id"
  std::string transaction;  // the JSON text of its "transaction": the record's request
  // The whole answer: byte for byte what forms::CheckJson(determination, record_id)
  // dumps as.
  std::string Text(std::int64_t record_id) const;
};

CheckAnswer AnswerCheck(const rules::Determination& determination);

// `object` dumped with the members `written` (key and JSON text, sorted by key, none
// of them in `object`) placed where nlohmann::json sorts their keys: what dumping
// `object` with them as values gives, without parsing or building them.
std::string DumpWithWritten(
    const nlohmann::json& object,
    const std::vector<std::pair<std::string_view, std::string_view>>& written);

}  // namespace tollgate::history

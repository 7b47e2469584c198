#include "tollgate/history/answer_text.h"

#include "tollgate/forms/check_json.h"
#include "tollgate/forms/screening_json.h"

namespace tollgate::history {
namespace {

std::string Dumped(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Moves `key`'s value out of `object`.
nlohmann::json Take(nlohmann::json& object, const char* key) {
  auto found = object.find(key);
  if (found == object.end()) return nullptr;
  nlohmann::json value = std::move(*found);
  object.erase(found);
  return value;
}

}  // namespace

std::string DumpWithWritten(
    const nlohmann::json& object,
    const std::vector<std::pair<std::string_view, std::string_view>>& written) {
  std::string out = "{";
  const auto add = [&out](std::string_view key, std::string_view text) {
    if (out.size() > 1) out += ',';
    out += Dumped(std::string(key));
    out += ':';
    out += text;
  };
  auto next = written.begin();
  // nlohmann::json's objects are ordered by key (std::less), and dump in that order.
  for (auto member = object.begin(); member != object.end(); ++member) {
    for (; next != written.end() && next->first < member.key(); ++next) {
      add(next->first, next->second);
    }
    add(member.key(), Dumped(member.value()));
  }
  for (; next != written.end(); ++next) add(next->first, next->second);
  out += '}';
  return out;
}

std::string ScreeningAnswer::Text(std::int64_t record_id) const {
  const std::string id = std::to_string(record_id);
  return DumpWithWritten(
      rest,
      {{"lists_searched", lists_searched_text}, {"matches", matches_text}, {"record_id", id}});
}

ScreeningAnswer AnswerScreening(Date as_of, const std::vector<storage::ListVersion>& searched,
                                const std::vector<screening::Match>& matches) {
  ScreeningAnswer answer;
  answer.rest = forms::ScreenJson(as_of, searched, matches);
  answer.lists_searched = Take(answer.rest, "lists_searched");
  answer.matches = Take(answer.rest, "matches");
  answer.lists_searched_text = Dumped(answer.lists_searched);
  answer.matches_text = Dumped(answer.matches);
  return answer;
}

std::string CheckAnswer::Text(std::int64_t record_id) const {
  const std::string id = std::to_string(record_id);
  return DumpWithWritten(rest, {{"record_id", id}, {"transaction", transaction}});
}

CheckAnswer AnswerCheck(const rules::Determination& determination) {
  CheckAnswer answer;
  answer.rest = forms::CheckJson(determination, 0);
  answer.rest.erase("record_id");
  answer.transaction = Dumped(Take(answer.rest, "transaction"));
  return answer;
}

}  // namespace tollgate::history

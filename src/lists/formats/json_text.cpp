#include "lists/formats/json_text.h"

#include <cstdio>

#include "lists/formats/reader_util.h"

namespace tollgate::lists::formats {
namespace {

using nlohmann::json;

// The DOM builder of nlohmann::json, without exceptions, remembering the last key and
// where the parser stopped. json::parse(text) would throw out_of_range (not parse_error)
// for a number that overflows a double, and gives no key for any error.
class LocatingSax : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  explicit LocatingSax(json& result) : json_sax_dom_parser(result, false) {}

  bool key(std::string& k) {
    last_key_ = k;
    return json_sax_dom_parser::key(k);
  }

  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& ex) {
    position_ = position;
    detail_ = ex.what();
    return json_sax_dom_parser::parse_error(position, token, ex);
  }

  std::size_t position_ = 0;
  std::string detail_;
  std::string last_key_;
};

}  // namespace

std::string QuotableText(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    const std::size_t bad = FirstInvalidUtf8(text);
    out.append(text.substr(0, bad));
    if (bad == std::string_view::npos) break;
    char hex[8];
    std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(text[bad]));
    out += hex;
    text.remove_prefix(bad + 1);
  }
  return out;
}

Result<json> ParseJsonText(std::string_view text, const std::string& source) {
  json doc;
  LocatingSax sax(doc);
  bool ok = false;
  try {
    ok = json::sax_parse(text, &sax);
  } catch (const std::exception& e) {  // allocation failure: the only thing left to throw
    return MakeError(ErrorCode::kParseError, source + ": JSON not read: " + e.what());
  }
  if (ok && !sax.is_errored()) return doc;
  std::string detail = sax.detail_;
  // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
  if (std::size_t at = detail.find("] "); at != std::string::npos) detail.erase(0, at + 2);
  if (std::size_t at = detail.find(": ");
      detail.rfind("parse error", 0) == 0 && at != std::string::npos) {
    detail.erase(0, at + 2);
  }
  const std::size_t offset = sax.position_ > 0 ? sax.position_ - 1 : 0;
  std::string where = source + ":" + std::to_string(LineAt(text, offset)) + ": ";
  if (!sax.last_key_.empty()) where += "field " + QuotableText(sax.last_key_) + ": ";
  // 1e400 is legal JSON, only beyond what a double holds: say so rather than "invalid".
  const bool overflow = detail.rfind("number overflow", 0) == 0;
  return MakeError(ErrorCode::kParseError, where + (overflow ? "" : "invalid JSON: ") +
                                               QuotableText(detail) +
                                               (overflow ? " (beyond the range of a double)" : ""));
}

}  // namespace tollgate::lists::formats

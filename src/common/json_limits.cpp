#include "tollgate/common/json_limits.h"

#include <exception>
#include <string>

namespace tollgate {
namespace {

// nlohmann's own DOM builder behind a depth check: one pass, and the parse stops at
// the first level over the limit (the SAX interface stops when a handler returns
// false), so an attack costs no more than the limit's worth of work.
class DepthLimitedDom {
 public:
  using json = nlohmann::json;
  DepthLimitedDom(json& out, std::size_t max_depth) : dom_(out, false), max_depth_(max_depth) {}

  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const json::string_t& s) {
    return dom_.number_float(v, s);
  }
  bool string(json::string_t& v) { return dom_.string(v); }
  bool binary(json::binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) { return Enter() && dom_.start_object(n); }
  bool key(json::string_t& v) { return dom_.key(v); }
  bool end_object() {
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t n) { return Enter() && dom_.start_array(n); }
  bool end_array() {
    --depth_;
    return dom_.end_array();
  }
  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& e) {
    syntax_ = e.what();
    return dom_.parse_error(position, token, e);
  }

  bool too_deep() const { return too_deep_; }
  const std::string& syntax() const { return syntax_; }

 private:
  bool Enter() {
    if (++depth_ <= max_depth_) return true;
    too_deep_ = true;
    return false;
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::size_t max_depth_;
  std::size_t depth_ = 0;
  bool too_deep_ = false;
  std::string syntax_;
};

}  // namespace

Result<nlohmann::json> ParseJsonLimited(std::string_view text, std::string_view what,
                                        const JsonLimits& limits) {
  nlohmann::json out;
  DepthLimitedDom sax(out, limits.max_depth);
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(text.begin(), text.end(), &sax);
  } catch (const std::exception& e) {
    // The DOM builder is told not to throw; this is the library boundary all the same.
    return MakeError(ErrorCode::kParseError, std::string(what) + ": not valid JSON: " + e.what());
  }
  if (sax.too_deep()) {
    return MakeError(ErrorCode::kParseError, std::string(what) + ": nested deeper than " +
                                                 std::to_string(limits.max_depth) + " levels");
  }
  if (!ok) {
    // Where, from nlohmann's message ("[...] parse error at line 1, column 3: syntax
    // error while parsing object key - invalid literal; ..."), and what it found.
    const std::string& detail = sax.syntax();
    std::string where, found = "unexpected text";
    if (auto line = detail.find("line "); line != std::string::npos) {
      where = " at " + detail.substr(line, detail.find(':', line) - line);
    }
    if (auto dash = detail.find(" - "); dash != std::string::npos) found = detail.substr(dash + 3);
    return MakeError(ErrorCode::kParseError,
                     std::string(what) + ": not valid JSON" + where + ": " + found);
  }
  return out;
}

}  // namespace tollgate

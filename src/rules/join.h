// Building a trace step's text (private to src/rules): Join for the parts of a list
// ("NS1, RS1"), Concat for a sentence made of pieces. Both size the result first and
// allocate once: the trace is most of what a determination allocates.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace tollgate::rules::internal {

// `parts`: any range of std::string or std::string_view. The separator goes between
// parts once the text is non-empty, as if appending (leading empty parts add nothing).
template <typename Parts>
std::string Join(const Parts& parts, std::string_view separator) {
  std::size_t size = 0;
  for (std::string_view part : parts) size += part.size() + separator.size();
  std::string out;
  out.reserve(size);
  for (std::string_view part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

inline std::string Concat(std::initializer_list<std::string_view> pieces) {
  std::size_t size = 0;
  for (std::string_view piece : pieces) size += piece.size();
  std::string out;
  out.reserve(size);
  for (std::string_view piece : pieces) out += piece;
  return out;
}

}  // namespace tollgate::rules::internal

// Building a trace step's text (private to src/rules): Join for the parts of a list
// ("NS1, RS1"), Concat for a sentence made of pieces. Both size the result first and
// allocate once: the trace is most of what a determination allocates.
#pragma once

#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace tollgate::rules::internal {

// `parts`: any range of std::string or std::string_view.
template <typename Parts>
std::string Join(const Parts& parts, std::string_view separator) {
  std::size_t size = 0;
  bool first = true;
  for (std::string_view part : parts) {
    // As if appending: the separator goes before a part once the text is non-empty.
    if (!first) size += separator.size();
    size += part.size();
    first = first && part.empty();
  }
  std::string out(size, '\0');
  char* at = out.data();
  first = true;
  for (std::string_view part : parts) {
    if (!first) {
      std::memcpy(at, separator.data(), separator.size());
      at += separator.size();
    }
    if (!part.empty()) std::memcpy(at, part.data(), part.size());
    at += part.size();
    first = first && part.empty();
  }
  return out;
}

inline std::string Concat(std::initializer_list<std::string_view> pieces) {
  std::size_t size = 0;
  for (std::string_view piece : pieces) size += piece.size();
  std::string out(size, '\0');
  char* at = out.data();
  for (std::string_view piece : pieces) {
    if (!piece.empty()) std::memcpy(at, piece.data(), piece.size());
    at += piece.size();
  }
  return out;
}

}  // namespace tollgate::rules::internal

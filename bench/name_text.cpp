#include "name_text.h"

#include <algorithm>

namespace tollgate::bench {

std::string FoldAscii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool keep = byte >= 0x80 || (byte >= '0' && byte <= '9') ||
                      (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
    if (!keep) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte - 'A' + 'a') : c);
  }
  return out;
}

std::vector<std::string_view> SplitTokens(std::string_view folded) {
  std::vector<std::string_view> tokens;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    if (end > start) tokens.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return tokens;
}

std::string TokenSortKey(std::string_view text) {
  const std::string folded = FoldAscii(text);
  std::vector<std::string_view> tokens = SplitTokens(folded);
  std::sort(tokens.begin(), tokens.end());
  std::string key;
  key.reserve(folded.size());
  for (std::string_view token : tokens) {
    if (!key.empty()) key.push_back(' ');
    key.append(token);
  }
  return key;
}

}  // namespace tollgate::bench

#include "lists/formats/reader_util.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <unordered_map>

#include "tollgate/common/country.h"

namespace tollgate::lists::formats {
namespace {

// Windows-1252 bytes 0x80-0x9F as Unicode code points; 0 where cp1252 defines none.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Length of the well-formed UTF-8 sequence at `s[i]` (RFC 3629: no overlong forms,
// no surrogates, nothing above U+10FFFF), or 0; its code point in `cp`.
std::size_t Utf8Sequence(std::string_view s, std::size_t i, char32_t& cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    unsigned char b = byte(i + k);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  return len;
}

bool IsSpaceAt(std::string_view s, std::size_t i, std::size_t& width) {
  char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    width = 1;
    return true;
  }
  if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // U+00A0 no-break space
    width = 2;
    return true;
  }
  return false;
}

std::string HexByte(unsigned char b) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", b);
  return hex;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Matches "<volume> F.R. <page>" (also "FR", "F. R.", "83F.R.") at `i`; on success
// sets the normalized citation and the end of the match.
bool MatchCitation(std::string_view s, std::size_t i, std::string& citation, std::size_t& end) {
  if (!IsDigit(s[i]) || (i > 0 && IsAlnum(s[i - 1]))) return false;
  std::size_t p = i;
  while (p < s.size() && IsDigit(s[p])) ++p;
  std::string_view volume = s.substr(i, p - i);
  if (volume.size() > 3) return false;
  auto skip_spaces = [&] {
    while (p < s.size() && s[p] == ' ') ++p;
  };
  skip_spaces();
  if (p >= s.size() || s[p] != 'F') return false;
  ++p;
  if (p < s.size() && s[p] == '.') ++p;
  skip_spaces();
  if (p >= s.size() || s[p] != 'R') return false;
  ++p;
  if (p < s.size() && s[p] == '.') ++p;
  std::size_t before_page = p;
  skip_spaces();
  if (p == before_page || p >= s.size() || !IsDigit(s[p])) return false;
  std::size_t page_start = p;
  while (p < s.size() && IsDigit(s[p])) ++p;
  citation = std::string(volume) + " FR " + std::string(s.substr(page_start, p - page_start));
  end = p;
  return true;
}

}  // namespace

Result<std::string> ReadFileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    return MakeError(ErrorCode::kIoError, path.string() + ": cannot open the file for reading");
  }
  std::streamoff size = in.tellg();
  if (size < 0) return MakeError(ErrorCode::kIoError, path.string() + ": cannot tell its size");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  in.read(bytes.data(), size);
  if (in.gcount() != size) return MakeError(ErrorCode::kIoError, path.string() + ": read failed");
  return bytes;
}

int LineAt(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

Result<std::string> DecodeText(std::string_view bytes, const std::string& source,
                               TextEncoding encoding) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    return MakeError(ErrorCode::kParseError,
                     source +
                         ":1: the file is UTF-16 text (it starts with a UTF-16 byte order "
                         "mark); list files are read as UTF-8");
  }
  auto fail = [&](std::size_t i, const std::string& what) {
    return MakeError(ErrorCode::kParseError,
                     source + ":" + std::to_string(LineAt(bytes, i)) + ": " + what);
  };
  auto line_start = [&](std::size_t i) {
    const std::size_t nl = bytes.rfind('\n', i == 0 ? 0 : i - 1);
    return i == 0 || nl == std::string_view::npos ? 0 : nl + 1;
  };
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 64);
  std::size_t i = 0;
  while (i < bytes.size()) {
    // Copy the run of plain ASCII text in one go: most of every file.
    std::size_t run = i;
    while (run < bytes.size()) {
      unsigned char b = static_cast<unsigned char>(bytes[run]);
      if (b >= 0x80 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) break;
      ++run;
    }
    out.append(bytes.data() + i, run - i);
    i = run;
    if (i >= bytes.size()) break;
    unsigned char b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      return fail(i, "byte " + HexByte(b) +
                         " is a control character, not text (binary or corrupted file?)");
    }
    char32_t cp = 0;
    if (std::size_t len = Utf8Sequence(bytes, i, cp)) {
      if (cp >= 0x80 && cp <= 0x9F && kCp1252High[cp - 0x80] != 0) {
        AppendUtf8(out, kCp1252High[cp - 0x80]);
      } else {
        out.append(bytes.data() + i, len);
      }
      i += len;
      continue;
    }
    if (encoding == TextEncoding::kUtf8) {
      const std::size_t start = line_start(i);
      return fail(i, InvalidUtf8What(bytes.substr(start), i - start) +
                         " (list files of this format are read as UTF-8)");
    }
    if (b <= 0x9F) {
      if (kCp1252High[b - 0x80] == 0) {
        return fail(i, "byte " + HexByte(b) + " is neither UTF-8 nor Windows-1252 text");
      }
      AppendUtf8(out, kCp1252High[b - 0x80]);
    } else {
      AppendUtf8(out, b);  // Windows-1252 0xA0-0xFF are U+00A0-U+00FF
    }
    ++i;
  }
  return out;
}

std::size_t FirstInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = Utf8Sequence(text, i, cp);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string InvalidUtf8What(std::string_view field, std::size_t invalid) {
  // Characters, not bytes, so the position is where an editor shows it (1-based).
  std::size_t character = 1;
  for (std::size_t k = 0; k < invalid && k < field.size(); ++k) {
    if ((static_cast<unsigned char>(field[k]) & 0xC0) != 0x80) ++character;
  }
  return "byte " + HexByte(static_cast<unsigned char>(field[invalid])) + " at character " +
         std::to_string(character) + " is not UTF-8";
}

std::string CleanText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t width = 0;
    if (IsSpaceAt(text, i, width)) {
      i += width;
      continue;
    }
    // A run of text up to the next white space is copied in one go.
    std::size_t end = i + 1;
    while (end < text.size() && !IsSpaceAt(text, end, width)) ++end;
    if (!out.empty()) out.push_back(' ');
    out.append(text.data() + i, end - i);
    i = end;
  }
  return out;
}

std::vector<std::string> SplitClean(std::string_view text, std::string_view separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    std::string part = CleanText(text.substr(start, end - start));
    if (!part.empty()) parts.push_back(std::move(part));
    start = end + separator.size();
  }
  return parts;
}

std::vector<std::string> SplitFederalRegister(std::string_view text) {
  std::vector<std::string> citations;
  std::string citation;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = 0;
    if (MatchCitation(text, i, citation, end)) {
      AddUnique(citations, citation);
      i = end;
    } else {
      ++i;
    }
  }
  if (citations.empty()) AddUnique(citations, CleanText(text));
  return citations;
}

std::string DigestId(std::initializer_list<std::string_view> parts) {
  std::string joined;
  for (std::string_view part : parts) {
    joined.append(part);
    joined.push_back('\x1F');  // unit separator: "AB"+"C" differs from "A"+"BC"
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(joined.data(), joined.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (int k = 0; k < 8; ++k) {
    id.push_back(kHex[digest[k] >> 4]);
    id.push_back(kHex[digest[k] & 0xF]);
  }
  return id;
}

void MakeIdsUnique(std::vector<ListEntry>& entries) {
  std::unordered_map<std::string, int> seen;
  for (ListEntry& e : entries) {
    int n = ++seen[e.list + '\x1F' + e.entry_id];
    if (n > 1) e.entry_id += "-" + std::to_string(n);
  }
}

void SetCountry(Address& address, std::string_view written, bool code_first) {
  address.country_name = CleanText(written);
  std::optional<Country> country =
      code_first ? FindCountry(address.country_name) : CountryByName(address.country_name);
  address.country = country ? std::string(country->code) : "";
}

std::string NationalityCode(std::string_view written) {
  std::string text = CleanText(written);
  if (auto country = CountryByName(text)) return std::string(country->code);
  return text;
}

void AddUnique(std::vector<std::string>& values, std::string value) {
  if (value.empty()) return;
  if (std::find(values.begin(), values.end(), value) != values.end()) return;
  values.push_back(std::move(value));
}

Error FieldParseError(const std::string& source, int line, std::string_view field,
                      std::string_view what) {
  return MakeError(ErrorCode::kParseError, source + ":" + std::to_string(line) + ": field " +
                                               std::string(field) + ": " + std::string(what));
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && StartsWithNoCase(a, b);
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(text[i]) != Lower(prefix[i])) return false;
  }
  return true;
}

std::size_t FindNoCase(std::string_view text, std::string_view needle, std::size_t from) {
  if (needle.empty()) return from <= text.size() ? from : std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
    if (StartsWithNoCase(text.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

}  // namespace tollgate::lists::formats

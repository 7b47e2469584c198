#include "storage/stored_entry_reader.h"

#include <array>
#include <cstdint>
#include <string>

namespace tollgate::storage {
namespace {

using lists::ListEntry;

// True for a whole, valid UTF-8 sequence starting at `p` (RFC 3629: no overlong forms,
// no surrogates, nothing above U+10FFFF), the bytes nlohmann's lexer accepts; `length`
// is set to its size.
bool Utf8Sequence(const unsigned char* p, const unsigned char* end, std::size_t& length) {
  auto continuation = [&](std::size_t i, unsigned char low, unsigned char high) {
    return p + i < end && p[i] >= low && p[i] <= high;
  };
  unsigned char lead = p[0];
  bool ok = false;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    ok = continuation(1, 0x80, 0xBF);
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    unsigned char high = lead == 0xED ? 0x9F : 0xBF;
    ok = continuation(1, low, high) && continuation(2, 0x80, 0xBF);
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
    unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
    ok = continuation(1, low, high) && continuation(2, 0x80, 0xBF) && continuation(3, 0x80, 0xBF);
  }
  return ok;
}

// The bytes a string's run copies as they are: printable ASCII but the quote and the
// backslash (one table look-up a byte instead of four comparisons).
constexpr std::array<bool, 256> kPlainByte = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();

// A position in the body; each read returns false on anything outside the plain form.
class Cursor {
 public:
  explicit Cursor(std::string_view text)
      : p_(reinterpret_cast<const unsigned char*>(text.data())), end_(p_ + text.size()) {}

  bool Consume(char c) {
    SkipSpace();
    if (p_ == end_ || *p_ != static_cast<unsigned char>(c)) return false;
    ++p_;
    return true;
  }

  bool AtEnd() {
    SkipSpace();
    return p_ == end_;
  }

  bool Null() {
    SkipSpace();
    if (end_ - p_ < 4 || std::string_view(reinterpret_cast<const char*>(p_), 4) != "null") {
      return false;
    }
    p_ += 4;
    return true;
  }

  bool String(std::string& out) {
    out.clear();
    if (!Consume('"')) return false;
    while (p_ != end_) {
      const unsigned char* run = p_;
      while (p_ != end_ && kPlainByte[*p_]) ++p_;
      out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p_ - run));
      if (p_ == end_) return false;
      unsigned char c = *p_;
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;  // a raw control character is not JSON
      if (c == '\\') {
        if (!Escape(out)) return false;
        continue;
      }
      std::size_t length = 0;
      if (!Utf8Sequence(p_, end_, length)) return false;
      out.append(reinterpret_cast<const char*>(p_), length);
      p_ += length;
    }
    return false;
  }

 private:
  void SkipSpace() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  // The short escapes; \u (which jsonb writes for control characters) is left to the
  // full path.
  bool Escape(std::string& out) {
    if (end_ - p_ < 2) return false;
    char decoded = 0;
    switch (p_[1]) {
      case '"':
        decoded = '"';
        break;
      case '\\':
        decoded = '\\';
        break;
      case '/':
        decoded = '/';
        break;
      case 'b':
        decoded = '\b';
        break;
      case 'f':
        decoded = '\f';
        break;
      case 'n':
        decoded = '\n';
        break;
      case 'r':
        decoded = '\r';
        break;
      case 't':
        decoded = '\t';
        break;
      default:
        return false;
    }
    out.push_back(decoded);
    p_ += 2;
    return true;
  }

  const unsigned char* p_;
  const unsigned char* end_;
};

// Reads an object's members, calling `member(index of the key in keys)` for each; an
// unknown or repeated key gives false (the full path refuses the one and the other is
// not the canonical form).
template <std::size_t N, typename Member>
bool Members(Cursor& c, const std::array<std::string_view, N>& keys, Member member) {
  static_assert(N <= 32);
  if (!c.Consume('{')) return false;
  if (c.Consume('}')) return true;
  std::uint32_t seen = 0;
  std::string key;
  do {
    if (!c.String(key) || !c.Consume(':')) return false;
    std::size_t index = 0;
    while (index < N && keys[index] != key) ++index;
    if (index == N || (seen & (1u << index)) != 0) return false;
    seen |= 1u << index;
    if (!member(index)) return false;
  } while (c.Consume(','));
  return c.Consume('}');
}

template <typename Item>
bool Elements(Cursor& c, Item item) {
  if (!c.Consume('[')) return false;
  if (c.Consume(']')) return true;
  do {
    if (!item()) return false;
  } while (c.Consume(','));
  return c.Consume(']');
}

bool Strings(Cursor& c, std::vector<std::string>& out) {
  return Elements(c, [&] {
    std::string& s = out.emplace_back();
    return c.String(s);
  });
}

bool OptionalDate(Cursor& c, std::optional<Date>& out) {
  if (c.Null()) return true;
  std::string text;
  if (!c.String(text)) return false;
  Result<Date> date = Date::Parse(text);
  if (!date.ok()) return false;
  out = *date;
  return true;
}

bool ReadAlias(Cursor& c, lists::Alias& alias) {
  static constexpr std::array<std::string_view, 2> kKeys = {"name", "kind"};
  std::string kind = "aka";
  bool read =
      Members(c, kKeys, [&](std::size_t key) { return c.String(key == 0 ? alias.name : kind); });
  if (!read || alias.name.empty()) return false;
  auto parsed = lists::ParseAliasKind(kind);
  if (!parsed) return false;
  alias.kind = *parsed;
  return true;
}

bool ReadAddress(Cursor& c, lists::Address& address) {
  static constexpr std::array<std::string_view, 6> kKeys = {
      "street", "city", "state", "postal_code", "country", "country_name"};
  std::string* fields[] = {&address.street,      &address.city,    &address.state,
                           &address.postal_code, &address.country, &address.country_name};
  return Members(c, kKeys, [&](std::size_t key) { return c.String(*fields[key]); });
}

bool ReadIdentifier(Cursor& c, lists::Identifier& id) {
  static constexpr std::array<std::string_view, 3> kKeys = {"type", "value", "country"};
  std::string* fields[] = {&id.type, &id.value, &id.country};
  bool read = Members(c, kKeys, [&](std::size_t key) { return c.String(*fields[key]); });
  return read && !id.value.empty();
}

template <typename T, typename ReadOne>
bool Objects(Cursor& c, std::vector<T>& out, ReadOne read_one) {
  return Elements(c, [&] { return read_one(c, out.emplace_back()); });
}

enum Key : std::size_t {
  kList,
  kEntryId,
  kType,
  kName,
  kAliases,
  kAddresses,
  kPrograms,
  kFederalRegister,
  kStartDate,
  kEndDate,
  kLicenseRequirement,
  kLicensePolicy,
  kIds,
  kNationalities,
  kDatesOfBirth,
  kTitle,
  kRemarks,
  kSourceUrl,
  kKeyCount
};

constexpr std::array<std::string_view, kKeyCount> kEntryKeys = {"list",
                                                                "entry_id",
                                                                "type",
                                                                "name",
                                                                "aliases",
                                                                "addresses",
                                                                "programs",
                                                                "federal_register",
                                                                "start_date",
                                                                "end_date",
                                                                "license_requirement",
                                                                "license_policy",
                                                                "ids",
                                                                "nationalities",
                                                                "dates_of_birth",
                                                                "title",
                                                                "remarks",
                                                                "source_url"};

bool ReadMember(Cursor& c, std::size_t key, ListEntry& entry, std::string& type) {
  switch (key) {
    case kList:
      return c.String(entry.list);
    case kEntryId:
      return c.String(entry.entry_id);
    case kType:
      return c.String(type);
    case kName:
      return c.String(entry.name);
    case kAliases:
      return Objects(c, entry.aliases, ReadAlias);
    case kAddresses:
      return Objects(c, entry.addresses, ReadAddress);
    case kPrograms:
      return Strings(c, entry.programs);
    case kFederalRegister:
      return Strings(c, entry.federal_register);
    case kStartDate:
      return OptionalDate(c, entry.start_date);
    case kEndDate:
      return OptionalDate(c, entry.end_date);
    case kLicenseRequirement:
      return c.String(entry.license_requirement);
    case kLicensePolicy:
      return c.String(entry.license_policy);
    case kIds:
      return Objects(c, entry.ids, ReadIdentifier);
    case kNationalities:
      return Strings(c, entry.nationalities);
    case kDatesOfBirth:
      return Strings(c, entry.dates_of_birth);
    case kTitle:
      return c.String(entry.title);
    case kRemarks:
      return c.String(entry.remarks);
    case kSourceUrl:
      return c.String(entry.source_url);
    default:
      return false;
  }
}

}  // namespace

std::optional<ListEntry> ReadCanonicalEntry(std::string_view body) {
  Cursor c(body);
  ListEntry entry;
  std::string type = "entity";
  bool read =
      Members(c, kEntryKeys, [&](std::size_t key) { return ReadMember(c, key, entry, type); });
  if (!read || !c.AtEnd()) return std::nullopt;
  if (entry.list.empty() || entry.entry_id.empty() || entry.name.empty()) return std::nullopt;
  auto parsed_type = lists::ParseEntryType(type);
  if (!parsed_type) return std::nullopt;
  entry.type = *parsed_type;
  return entry;
}

}  // namespace tollgate::storage

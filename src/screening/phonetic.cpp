#include "screening/phonetic.h"

namespace tollgate::screening {
namespace {

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool StartsWith(std::string_view s, std::size_t i, std::string_view prefix) {
  return s.substr(i, prefix.size()) == prefix;
}

}  // namespace

std::string PhoneticKey(std::string_view token) {
  if (token.size() < kMinPhoneticLength) return "";
  // First pass: letters to sound classes. Upper-case letters are classes, lower-case
  // ones vowels (y and a vowel-like j read i).
  std::string sounds;
  sounds.reserve(token.size() + 2);
  for (std::size_t i = 0; i < token.size();) {
    const char c = token[i];
    const char next = i + 1 < token.size() ? token[i + 1] : '\0';
    const bool at_start = i == 0;
    auto emit = [&](char sound, std::size_t consumed) {
      sounds.push_back(sound);
      i += consumed;
    };
    // Sibilants and affricates of Slavic, German and Chinese romanizations
    // (sh, sch, ch, zh, tch, tsch, cz, sz) are one class.
    if (StartsWith(token, i, "tsch")) {
      emit('S', 4);
    } else if (StartsWith(token, i, "sch") || StartsWith(token, i, "tch") ||
               StartsWith(token, i, "dzh")) {
      emit(token[i] == 'd' ? 'J' : 'S', 3);
    } else if ((c == 's' || c == 'c' || c == 'z') && next == 'h') {
      emit(c == 'z' ? 'Z' : 'S', 2);  // zh (Zhang, Zhukov) is neither j nor sh
    } else if ((c == 'c' || c == 's') && next == 'z') {
      emit('S', 2);
    } else if (c == 'd' && next == 'j') {
      emit('J', 2);
    } else if (c == 'p' && next == 'h') {
      emit('F', 2);
    } else if ((c == 'k' || c == 'g' || c == 't' || c == 'd') && next == 'h') {
      emit(c == 'k' ? 'H' : static_cast<char>(c - 'a' + 'A'), 2);  // kh ~ h, th ~ t
    } else if ((c == 't' && (next == 's' || next == 'z')) || (c == 'c' && next == 'k')) {
      emit(c == 't' ? 'S' : 'K', 2);
    } else if (c == 'x') {
      sounds += "KS";
      ++i;
    } else if (c == 'c') {
      emit((next == 'e' || next == 'i' || next == 'y') ? 'S' : 'K', 1);
    } else if (c == 'q') {
      emit('K', 1);
    } else if (c == 'z') {
      emit('S', 1);
    } else if (c == 'w') {
      emit('V', 1);
    } else if (c == 'f' && next == 'f' && i + 2 == token.size()) {
      emit('V', 2);  // Ivanoff ~ Ivanov
    } else if (c == 'j') {
      // j after a vowel and not before one is the vowel of "aj", "ej" (Huavej).
      const bool vowel_like = !at_start && IsVowel(token[i - 1]) && !IsVowel(next);
      emit(vowel_like ? 'i' : 'J', 1);
    } else if (c == 'y') {
      emit(at_start && next != '\0' && IsVowel(next) ? 'J' : 'i', 1);
    } else if (IsVowel(c)) {
      emit(c, 1);
    } else if (c >= 'a' && c <= 'z') {
      emit(static_cast<char>(c - 'a' + 'A'), 1);
    } else {
      ++i;  // digits never reach here (numbers are not keyed); skip anything else
    }
  }
  // Second pass. A three-letter word keeps its vowels: without them Kim, Kam and Kum
  // would share a key. Longer words: a leading vowel becomes 'A', later vowels vanish,
  // and a class repeated without a vowel between counts once (Mohammed ~ Muhamad).
  auto is_vowel_sound = [](char s) { return s >= 'a' && s <= 'z'; };
  std::string key;
  key.reserve(sounds.size());
  if (token.size() < kMinVowellessLength) {
    for (char s : sounds) {
      if (key.empty() || s != key.back()) key.push_back(s);
    }
    return key.size() >= 2 ? key : "";
  }
  char last = '\0';
  for (std::size_t i = 0; i < sounds.size(); ++i) {
    const char s = sounds[i];
    if (is_vowel_sound(s)) {
      if (i == 0) key.push_back('A');
      last = '.';
      continue;
    }
    if (s == last) continue;
    key.push_back(s);
    last = s;
  }
  // A trailing 'H' after a vowel is silent in most romanizations (Abdullah ~ Abdulla).
  if (key.size() > 1 && key.back() == 'H' && sounds.size() > 1 &&
      is_vowel_sound(sounds[sounds.size() - 2])) {
    key.pop_back();
  }
  return key.size() >= 2 ? key : "";
}

}  // namespace tollgate::screening

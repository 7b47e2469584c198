#include "screening/edit_distance.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace tollgate::screening {
namespace {

// True when `bits` has more than `limit` bits set; clears the lowest set bit at most
// limit + 1 times (no popcnt instruction is assumed of the target).
bool MoreBitsThan(std::uint64_t bits, int limit) {
  for (int k = 0; k <= limit; ++k) {
    if (bits == 0) return false;
    bits &= bits - 1;
  }
  return true;
}

// Optimal string alignment distance of a (1..64 letters) and b by Hyyro's bit-parallel
// recurrence (H. Hyyro, "A bit-vector algorithm for computing Levenshtein and Damerau
// edit distances", Nordic Journal of Computing 10, 2003): one column of the table per
// letter of b, in a handful of word operations, instead of a row of cells.
int BitParallelOsa(std::string_view a, std::string_view b) {
  // Per byte, the positions of a holding it; only a's bytes are set and then cleared,
  // so the table stays zero between calls.
  thread_local std::uint64_t positions[256] = {};
  const std::size_t m = a.size();
  for (std::size_t j = 0; j < m; ++j) {
    positions[static_cast<unsigned char>(a[j])] |= std::uint64_t{1} << j;
  }
  std::uint64_t vp = m == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << m) - 1;
  std::uint64_t vn = 0;
  std::uint64_t d0 = 0;
  std::uint64_t previous_match = 0;
  const std::uint64_t last = std::uint64_t{1} << (m - 1);
  int distance = static_cast<int>(m);
  for (const char c : b) {
    const std::uint64_t match = positions[static_cast<unsigned char>(c)];
    const std::uint64_t transposed = (((~d0) & match) << 1) & previous_match;
    d0 = (((match & vp) + vp) ^ vp) | match | vn | transposed;
    std::uint64_t hp = vn | ~(d0 | vp);
    std::uint64_t hn = d0 & vp;
    distance += (hp & last) != 0;
    distance -= (hn & last) != 0;
    hp = (hp << 1) | 1;
    hn <<= 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    previous_match = match;
  }
  for (std::size_t j = 0; j < m; ++j) positions[static_cast<unsigned char>(a[j])] = 0;
  return distance;
}

}  // namespace

int BoundedOsaDistance(std::string_view a, std::string_view b, int max_distance) {
  // Stripping shared letters below keeps the difference in length.
  const std::ptrdiff_t length_difference =
      static_cast<std::ptrdiff_t>(a.size()) - static_cast<std::ptrdiff_t>(b.size());
  if (std::abs(length_difference) > max_distance) return max_distance + 1;
  // A shared prefix or suffix never takes part in a cheapest alignment (rapidfuzz
  // strips it for OSA as well); most typo candidates differ in a letter or two, so
  // this leaves the table below a few cells instead of the whole word.
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (std::abs(n - m) > max_distance) return max_distance + 1;
  // Every letter of one word that the other lacks needs its own substitution or
  // deletion (a transposition only moves letters both words have), so the distinct
  // missing letters bound the distance from below. Most scored pairs are unrelated
  // words; this rejects them without the table. Letters share a bit by their low six
  // bits, which can only hide a missing letter, never invent one.
  std::uint64_t a_letters = 0;
  std::uint64_t b_letters = 0;
  for (const char c : a) a_letters |= std::uint64_t{1} << (static_cast<unsigned char>(c) & 63);
  for (const char c : b) b_letters |= std::uint64_t{1} << (static_cast<unsigned char>(c) & 63);
  if (MoreBitsThan(a_letters & ~b_letters, max_distance) ||
      MoreBitsThan(b_letters & ~a_letters, max_distance)) {
    return max_distance + 1;
  }
  if (n == 0 || m == 0) return std::min(std::max(n, m), max_distance + 1);
  if (n <= 64) return std::min(BitParallelOsa(a, b), max_distance + 1);
  return OsaDistanceTable(a, b, max_distance);
}

// The same distance by the table, row by row, for words longer than 64 letters (the
// tests compare the two).
int OsaDistanceTable(std::string_view a, std::string_view b, int max_distance) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (n == 0 || m == 0) return std::min(std::max(n, m), max_distance + 1);
  // Three rolling rows; tokens are short, so small stack buffers cover nearly all.
  constexpr int kStackColumns = 64;
  int stack_rows[3][kStackColumns + 1];
  std::vector<int> heap_rows;
  int* rows[3];
  if (m < kStackColumns) {
    for (int r = 0; r < 3; ++r) rows[r] = stack_rows[r];
  } else {
    heap_rows.resize(3 * static_cast<std::size_t>(m + 1));
    for (int r = 0; r < 3; ++r) rows[r] = heap_rows.data() + r * (m + 1);
  }
  int* before_prev = rows[0];
  int* prev = rows[1];
  int* cur = rows[2];
  for (int j = 0; j <= m; ++j) prev[j] = j;
  int prev_row_min = 0;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before_prev[j - 2] + 1);
      }
      cur[j] = d;
      row_min = std::min(row_min, d);
    }
    // A transposition reaches back two rows, so only two hopeless rows in a row end it.
    if (row_min > max_distance && prev_row_min > max_distance) return max_distance + 1;
    prev_row_min = row_min;
    int* recycled = before_prev;
    before_prev = prev;
    prev = cur;
    cur = recycled;
  }
  return std::min(prev[m], max_distance + 1);
}

}  // namespace tollgate::screening

#include "tollgate/lists/diff.h"

#include <map>
#include <nlohmann/json.hpp>
#include <utility>

namespace tollgate::lists {
namespace {

using Key = std::pair<std::string, std::string>;  // (list, entry_id)

std::map<Key, const ListEntry*> ByKey(const std::vector<ListEntry>& entries) {
  std::map<Key, const ListEntry*> out;
  for (const auto& e : entries) out.emplace(Key{e.list, e.entry_id}, &e);
  return out;
}

std::vector<std::string> ChangedFields(const ListEntry& a, const ListEntry& b) {
  auto ja = ToJson(a);
  auto jb = ToJson(b);
  std::vector<std::string> fields;
  for (auto it = ja.begin(); it != ja.end(); ++it) {
    if (!jb.contains(it.key()) || jb[it.key()] != it.value()) fields.push_back(it.key());
  }
  for (auto it = jb.begin(); it != jb.end(); ++it) {
    if (!ja.contains(it.key())) fields.push_back(it.key());
  }
  return fields;
}

}  // namespace

ListDiff DiffEntries(const std::vector<ListEntry>& from, const std::vector<ListEntry>& to) {
  auto old_entries = ByKey(from);
  auto new_entries = ByKey(to);
  ListDiff diff;
  for (const auto& [key, entry] : new_entries) {
    auto it = old_entries.find(key);
    if (it == old_entries.end()) {
      diff.added.push_back(*entry);
    } else if (!(*it->second == *entry)) {
      diff.changed.push_back({*it->second, *entry, ChangedFields(*it->second, *entry)});
    }
  }
  for (const auto& [key, entry] : old_entries) {
    if (!new_entries.contains(key)) diff.removed.push_back(*entry);
  }
  return diff;
}

}  // namespace tollgate::lists

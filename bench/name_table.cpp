#include "name_table.h"

namespace tollgate::bench {

std::string EntryKey(const lists::ListEntry& entry) {
  std::string key = entry.list;
  key.push_back('|');
  key.append(entry.entry_id);
  return key;
}

NameTable MakeNameTable(const std::vector<lists::ListEntry>& entries) {
  NameTable table;
  table.entry_keys.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const lists::ListEntry& entry = entries[i];
    table.entry_keys.push_back(EntryKey(entry));
    table.names.push_back(entry.name);
    table.entry_of.push_back(static_cast<std::uint32_t>(i));
    for (const lists::Alias& alias : entry.aliases) {
      table.names.push_back(alias.name);
      table.entry_of.push_back(static_cast<std::uint32_t>(i));
    }
  }
  return table;
}

}  // namespace tollgate::bench

#include "tollgate/audit/party_digest.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "tollgate/common/sha256.h"

namespace tollgate::audit {
namespace {

using Key = std::pair<std::string, std::string>;  // organization, external id

std::string Named(const std::string& organization, const std::string& external_id) {
  return "party " + organization + "/" + external_id;
}

bool IsSingleChange(const Record& record) {
  return record.action == "party.add" || record.action == "party.change" ||
         record.action == "party.remove";
}

std::int64_t Count(const nlohmann::json& after, const char* field) {
  const auto it = after.find(field);
  return it != after.end() && it->is_number_integer() ? it->get<std::int64_t>() : -1;
}

std::string Text(const nlohmann::json& after, std::string_view field) {
  const auto it = after.find(field);
  return it != after.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The problems of one import record with the versions that name it.
void CheckImport(const Record& record, std::span<const PartyVersion> group,
                 std::vector<Problem>& problems) {
  const std::string organization =
      record.after.is_object() ? Text(record.after, "organization") : std::string();
  const std::string where = "party import of " + organization + ": ";
  for (const auto& v : group) {
    if (v.organization != organization) {
      problems.push_back(
          {record.sequence,
           where + "a version of " + Named(v.organization, v.external_id) + " names this record"});
      return;
    }
  }
  const std::int64_t written = Count(record.after, "added") + Count(record.after, "changed");
  if (written != static_cast<std::int64_t>(group.size())) {
    problems.push_back({record.sequence, where + "the record says " + std::to_string(written) +
                                             " parties written, " + std::to_string(group.size()) +
                                             " versions name it"});
    return;
  }
  if (ImportDigest(group) != Text(record.after, kImportDigestField)) {
    problems.push_back(
        {record.sequence, where + "its party versions do not match the record's digest"});
  }
}

// The problems of a single change's record ("party.add", "party.change",
// "party.remove") with the versions that name it.
void CheckSingle(const Record& record, std::span<const PartyVersion> group,
                 std::vector<Problem>& problems) {
  if (group.size() != 1 ||
      record.subject != PartySubject(group[0].organization, group[0].external_id)) {
    problems.push_back({record.sequence, record.subject + ": " + std::to_string(group.size()) +
                                             " party versions name this record, not its own"});
    return;
  }
  const bool removal = record.action == "party.remove";
  const std::string expected =
      removal || !record.after.is_object() ? std::string() : Text(record.after, kContentHashField);
  if (group[0].content_hash != expected || (group[0].revision == 0) != removal) {
    problems.push_back(
        {record.sequence, record.subject + ": its party version does not match the record"});
  }
}

}  // namespace

std::string PartyMasterSubject(const std::string& organization) {
  return "party master " + organization;
}

std::string PartySubject(const std::string& organization, const std::string& external_id) {
  return Named(organization, external_id);
}

void AppendField(std::string& out, std::string_view text) {
  out += std::to_string(text.size());
  out += ':';
  out += text;
  out += ',';
}

std::string ImportDigest(std::span<const PartyVersion> versions) {
  std::vector<const PartyVersion*> ordered;
  ordered.reserve(versions.size());
  for (const auto& v : versions) ordered.push_back(&v);
  std::sort(ordered.begin(), ordered.end(),
            [](const auto* a, const auto* b) { return a->external_id < b->external_id; });
  Sha256Stream digest;
  std::string line;
  for (const auto* v : ordered) {
    line.clear();
    AppendField(line, v->external_id);
    AppendField(line, std::to_string(v->revision));
    AppendField(line, v->content_hash);
    digest.Update(line);
  }
  return digest.FinishHex();
}

std::vector<Problem> VerifyPartyRows(std::span<const Record> log,
                                     std::span<const PartyVersion> versions,
                                     std::span<const PartyVersion> rows) {
  std::vector<Problem> problems;
  std::map<std::int64_t, std::vector<PartyVersion>> by_record;
  for (const auto& v : versions) by_record[v.audit_sequence].push_back(v);
  std::map<std::int64_t, const Record*> party_records;
  std::set<std::string> legacy_subjects;  // parties with a record of their own
  for (const auto& record : log) {
    const bool import = record.action == kPartyImportAction;
    if (!import && !IsSingleChange(record)) continue;
    party_records[record.sequence] = &record;
    if (record.action != "party.remove") legacy_subjects.insert(record.subject);
    if (by_record.contains(record.sequence)) continue;
    // Records of this design name their versions; versions deleted leave them alone.
    const bool names_versions =
        record.after.is_object() && (import ? record.after.contains(kImportDigestField)
                                            : record.after.contains(kContentHashField));
    if (names_versions &&
        !(import && Count(record.after, "added") + Count(record.after, "changed") == 0)) {
      problems.push_back({record.sequence, record.subject + ": its party versions are missing"});
    }
  }
  for (const auto& [sequence, group] : by_record) {
    const auto it = party_records.find(sequence);
    if (it == party_records.end()) {
      problems.push_back({sequence, std::to_string(group.size()) +
                                        " party version(s) name this record, which is not a "
                                        "party record"});
    } else if (it->second->action == kPartyImportAction) {
      CheckImport(*it->second, group, problems);
    } else {
      CheckSingle(*it->second, group, problems);
    }
  }
  // The latest version of each party (by_record runs by sequence) vouches for its row.
  std::map<Key, const PartyVersion*> latest;
  for (const auto& [sequence, group] : by_record) {
    for (const auto& v : group) latest[{v.organization, v.external_id}] = &v;
  }
  std::set<Key> with_row;
  for (const auto& row : rows) {
    Key key{row.organization, row.external_id};
    const std::string name = Named(row.organization, row.external_id);
    const auto it = latest.find(key);
    with_row.insert(std::move(key));
    if (it == latest.end()) {
      if (!legacy_subjects.contains(name)) {
        problems.push_back({0, name + ": no audit record vouches for its row"});
      }
      continue;
    }
    const PartyVersion& v = *it->second;
    if (v.revision == 0) {
      problems.push_back({v.audit_sequence, name + ": its row is there, but audit record " +
                                                std::to_string(v.audit_sequence) +
                                                " records its removal"});
    } else if (v.revision != row.revision || v.content_hash != row.content_hash) {
      problems.push_back(
          {v.audit_sequence, name + ": its row (revision " + std::to_string(row.revision) +
                                 ") does not match what audit record " +
                                 std::to_string(v.audit_sequence) + " vouches for (revision " +
                                 std::to_string(v.revision) + ", content " + v.content_hash + ")"});
    }
  }
  for (const auto& [key, v] : latest) {
    if (v->revision != 0 && !with_row.contains(key)) {
      problems.push_back({v->audit_sequence, Named(key.first, key.second) + " revision " +
                                                 std::to_string(v->revision) + ": audit record " +
                                                 std::to_string(v->audit_sequence) +
                                                 " vouches for it, but its row is missing"});
    }
  }
  return problems;
}

}  // namespace tollgate::audit

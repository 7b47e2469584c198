#include "tollgate/lists/upload.h"

#include <fstream>

#include "lists/formats/readers.h"

namespace tollgate::lists {
namespace {

namespace fs = std::filesystem;

enum class Role { kPrimary, kAlt, kAdd };

// The client's name reduced to one plain path component: no folder, no leading dot,
// only letters, digits, '.', '_' and '-' ("../../etc/passwd" -> "passwd").
std::string SafeName(const std::string& name) {
  std::string base =
      name.substr(name.find_last_of("/\\") == std::string::npos ? 0 : name.find_last_of("/\\") + 1);
  std::string out;
  for (char c : base) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '_' || c == '-';
    out += plain ? c : '_';
  }
  out.erase(0, out.find_first_not_of('.'));
  if (out.size() > 128) out.erase(0, out.size() - 128);
  return out;
}

bool HasWord(const std::string& name, std::string_view word) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::size_t at = 0; (at = lower.find(word, at)) != std::string::npos; ++at) {
    const bool starts =
        at == 0 || lower[at - 1] == '_' || lower[at - 1] == '-' || lower[at - 1] == '.';
    const std::size_t end = at + word.size();
    const bool ends =
        end == lower.size() || lower[end] == '_' || lower[end] == '-' || lower[end] == '.';
    if (starts && ends) return true;
  }
  return false;
}

Role RoleOf(const UploadedFile& file) {
  if (file.field == "alt") return Role::kAlt;
  if (file.field == "add") return Role::kAdd;
  if (HasWord(file.name, "alt")) return Role::kAlt;
  if (HasWord(file.name, "add")) return Role::kAdd;
  return Role::kPrimary;
}

std::string Shown(const UploadedFile& file, std::size_t i) {
  if (!file.name.empty()) return SafeName(file.name);
  return file.field.empty() ? "the body"
                            : "part " + std::to_string(i + 1) + " (" + file.field + ")";
}

Status Write(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out.flush()) {
    return MakeError(ErrorCode::kIoError, "cannot write the upload " + path.filename().string());
  }
  return {};
}

}  // namespace

Result<StagedUpload> StageUpload(const fs::path& dir, const std::vector<UploadedFile>& files,
                                 std::optional<Format> format) {
  const UploadedFile* primary = nullptr;
  const UploadedFile* companion[2] = {nullptr, nullptr};
  std::string primaries;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const UploadedFile& file = files[i];
    if (file.bytes.empty()) {
      return MakeError(ErrorCode::kInvalidArgument, Shown(file, i) + " is empty");
    }
    const Role role = RoleOf(file);
    if (role == Role::kPrimary) {
      primaries += (primaries.empty() ? "" : ", ") + Shown(file, i);
      if (primary != nullptr) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "several list files (" + primaries +
                             "): import one list at a time; only an OFAC set has more files, its "
                             "alias (alt) and address (add) files");
      }
      primary = &file;
      continue;
    }
    const UploadedFile*& slot = companion[role == Role::kAlt ? 0 : 1];
    if (slot != nullptr) {
      return MakeError(ErrorCode::kInvalidArgument,
                       std::string("two ") +
                           (role == Role::kAlt ? "alias (alt)" : "address (add)") +
                           " files: " + Shown(*slot, 0) + " and " + Shown(file, i));
    }
    slot = &file;
  }
  if (primary == nullptr) {
    return MakeError(ErrorCode::kInvalidArgument,
                     files.empty() ? std::string("no list file: send it as the body, or as a "
                                                 "multipart part named file")
                                   : "no primary list file beside the alias and address files "
                                     "(an OFAC set is sdn.csv or cons_prim.csv with its alt and "
                                     "add files)");
  }
  StagedUpload staged;
  staged.file_name = SafeName(primary->name);
  if (staged.file_name.empty()) staged.file_name = "upload";
  const bool set = companion[0] != nullptr || companion[1] != nullptr;
  if (!set) {
    staged.primary = dir / staged.file_name;
    if (auto s = Write(staged.primary, primary->bytes); !s.ok()) return s.error();
    staged.names.emplace_back(staged.primary.string(), staged.file_name);
    return staged;
  }
  if (!format) {
    auto detected = formats::DetectFormatOfBytes(staged.file_name, primary->bytes);
    if (!detected.ok()) return detected.error();
    format = *detected;
  }
  if (*format != Format::kOfacSdn && *format != Format::kOfacCons) {
    return MakeError(ErrorCode::kInvalidArgument,
                     staged.file_name + " is " + FormatName(*format) +
                         ": alias (alt) and address (add) files go with an OFAC sdn.csv or "
                         "cons_prim.csv only");
  }
  // Staged under OFAC's own names, which the reader pairs whatever the client's were.
  const bool cons = *format == Format::kOfacCons;
  const char* names[3] = {cons ? "cons_prim.csv" : "sdn.csv", cons ? "cons_alt.csv" : "alt.csv",
                          cons ? "cons_add.csv" : "add.csv"};
  const UploadedFile* parts[3] = {primary, companion[0], companion[1]};
  for (std::size_t i = 0; i < 3; ++i) {
    if (parts[i] == nullptr) continue;
    const fs::path path = dir / names[i];
    if (auto s = Write(path, parts[i]->bytes); !s.ok()) return s.error();
    std::string shown = SafeName(parts[i]->name);
    if (shown.empty()) shown = names[i];
    staged.names.emplace_back(path.string(), shown);
  }
  staged.primary = dir / names[0];
  return staged;
}

std::string ClientText(const StagedUpload& staged, const fs::path& dir, std::string text) {
  auto replace = [&text](const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
      text.replace(at, from.size(), to);
    }
  };
  for (const auto& [path, name] : staged.names) replace(path, name);
  replace((dir / "").string(), "");
  replace(dir.string(), "the upload");
  return text;
}

}  // namespace tollgate::lists

// Loading and validating the sources configuration (lists/update.h documents the
// format). Every message starts with where the problem is, so a user can fix the file
// without guessing.
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "tollgate/common/data_dir.h"
#include "tollgate/lists/update.h"

namespace tollgate::lists {
namespace {

Error Invalid(std::string_view where, const std::string& what) {
  return MakeError(ErrorCode::kInvalidArgument, std::string(where) + ": " + what);
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

// A plain file name: no directory part, nothing hidden, nothing a shell mangles.
bool IsPlainFileName(std::string_view name) {
  if (name.empty() || name.front() == '.') return false;
  for (char c : name) {
    if (!IsNameChar(c) && c != '.') return false;
  }
  return true;
}

bool HasSupportedScheme(std::string_view url) {
  for (std::string_view scheme : {"http://", "https://", "file://"}) {
    if (url.substr(0, scheme.size()) == scheme && url.size() > scheme.size()) return true;
  }
  return false;
}

// The last segment of the URL's path, without query or fragment: "SDN.CSV".
std::string LastPathSegment(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  std::size_t scheme_end = url.find("://");
  std::size_t path_start = url.find('/', scheme_end == std::string_view::npos ? 0 : scheme_end + 3);
  if (path_start == std::string_view::npos) return "";
  std::string_view path = url.substr(path_start);
  return std::string(path.substr(path.rfind('/') + 1));
}

bool EqualsNoCase(char a, char b) {
  return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
}

// The alias and address file names the OFAC reader looks for beside `primary`. This
// mirrors the reader's rule (lists/formats/ofac_legacy_reader.cpp): the last "sdn" (SDN
// set) or "prim" (non-SDN set) in the name, any case, becomes "alt" / "add" in the
// case of its first letter. The end-to-end test fails if the two drift apart.
std::vector<std::string> OfacCompanionNames(Format format, const std::string& primary) {
  const std::string_view token = format == Format::kOfacSdn ? "sdn" : "prim";
  std::size_t at = std::string::npos;
  for (std::size_t i = 0; i + token.size() <= primary.size(); ++i) {
    bool match = true;
    for (std::size_t k = 0; k < token.size() && match; ++k) {
      match = EqualsNoCase(primary[i + k], token[k]);
    }
    if (match) at = i;
  }
  if (at == std::string::npos) return {};
  const bool upper = std::isupper(static_cast<unsigned char>(primary[at])) != 0;
  std::vector<std::string> names;
  for (std::string replacement : {"alt", "add"}) {
    if (upper) {
      for (char& c : replacement)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    std::string name = primary;
    name.replace(at, token.size(), replacement);
    names.push_back(std::move(name));
  }
  return names;
}

Status ValidateFiles(const Source& source, std::string_view where) {
  if (source.files.empty()) return Invalid(where, "no files: give \"url\" or \"files\"");
  std::set<std::string> names;
  for (std::size_t i = 0; i < source.files.size(); ++i) {
    const SourceFile& file = source.files[i];
    std::string file_where = std::string(where) + ": files[" + std::to_string(i) + "]";
    if (file.url.empty()) return Invalid(file_where, "missing \"url\"");
    if (!HasSupportedScheme(file.url)) {
      return Invalid(file_where, "URL \"" + file.url + "\" is not http://, https:// or file://");
    }
    if (!IsPlainFileName(file.save_as)) {
      return Invalid(file_where, "\"save_as\" \"" + file.save_as +
                                     "\" is not a plain file name (letters, digits, '.', '-', "
                                     "'_'; not starting with '.')");
    }
    if (!names.insert(file.save_as).second) {
      return Invalid(file_where, "two files are saved as \"" + file.save_as + "\"");
    }
  }
  const bool ofac = source.format == Format::kOfacSdn || source.format == Format::kOfacCons;
  if (!ofac) {
    if (source.files.size() != 1) {
      return Invalid(where, std::string("format ") + FormatName(source.format) +
                                " reads one file, but " + std::to_string(source.files.size()) +
                                " are configured");
    }
    return {};
  }
  const std::string& primary = source.files.front().save_as;
  std::vector<std::string> companions = OfacCompanionNames(source.format, primary);
  if (companions.empty()) {
    return Invalid(where, std::string("the primary file \"") + primary + "\" must contain \"" +
                              (source.format == Format::kOfacSdn ? "sdn" : "prim") +
                              "\" so that the reader finds its companions");
  }
  for (std::size_t i = 1; i < source.files.size(); ++i) {
    const std::string& name = source.files[i].save_as;
    if (name != companions[0] && name != companions[1]) {
      return Invalid(std::string(where) + ": files[" + std::to_string(i) + "]",
                     "saved as \"" + name + "\", but the OFAC reader looks for \"" + companions[0] +
                         "\" and \"" + companions[1] + "\" beside \"" + primary + "\"");
    }
  }
  return {};
}

Status ValidateSource(const Source& source, std::string_view where) {
  if (source.name.empty()) return Invalid(where, "missing \"name\"");
  for (char c : source.name) {
    if (!IsNameChar(c)) {
      return Invalid(where,
                     "name \"" + source.name + "\" may only contain letters, digits, '-' and '_'");
    }
  }
  return ValidateFiles(source, where);
}

Status CheckKnownKeys(const nlohmann::json& object, std::initializer_list<std::string_view> keys,
                      std::string_view where) {
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (std::string_view k : keys) known = known || key == k;
    if (!known) return Invalid(where, "unknown field \"" + key + "\"");
  }
  return {};
}

Result<std::string> StringField(const nlohmann::json& object, const char* key,
                                std::string_view where, bool required) {
  auto it = object.find(key);
  if (it == object.end()) {
    if (required) return Invalid(where, std::string("missing \"") + key + "\"");
    return std::string();
  }
  if (!it->is_string()) return Invalid(where, std::string("\"") + key + "\" must be a string");
  return it->get<std::string>();
}

Result<SourceFile> ParseFile(const nlohmann::json& json, std::string_view where) {
  if (!json.is_object()) return Invalid(where, "must be an object {\"url\", \"save_as\"}");
  if (Status known = CheckKnownKeys(json, {"url", "save_as"}, where); !known) return known.error();
  Result<std::string> url = StringField(json, "url", where, true);
  if (!url) return url.error();
  Result<std::string> save_as = StringField(json, "save_as", where, false);
  if (!save_as) return save_as.error();
  SourceFile file{*url, *save_as};
  if (file.save_as.empty()) {
    file.save_as = LastPathSegment(file.url);
    if (!IsPlainFileName(file.save_as)) {
      return Invalid(where,
                     "cannot take a file name from URL \"" + file.url + "\"; add \"save_as\"");
    }
  }
  return file;
}

Result<Source> ParseSource(const nlohmann::json& json, std::string_view where) {
  if (!json.is_object()) return Invalid(where, "must be an object");
  Result<std::string> name = StringField(json, "name", where, true);
  if (!name) return name.error();
  std::string named_where = std::string(where) + " (\"" + *name + "\")";
  if (Status known =
          CheckKnownKeys(json, {"name", "format", "url", "files", "description"}, named_where);
      !known) {
    return known.error();
  }
  Result<std::string> format_name = StringField(json, "format", named_where, true);
  if (!format_name) return format_name.error();
  Result<Format> format = ParseFormat(*format_name);
  if (!format) return Invalid(named_where, format.error().message);
  Result<std::string> description = StringField(json, "description", named_where, false);
  if (!description) return description.error();
  Source source{*name, *format, {}, *description};

  const bool has_url = json.contains("url");
  const bool has_files = json.contains("files");
  if (has_url == has_files) {
    return Invalid(named_where, has_url ? "give either \"url\" or \"files\", not both"
                                        : "missing \"url\" (or \"files\")");
  }
  if (has_url) {
    Result<SourceFile> file = ParseFile(nlohmann::json{{"url", json["url"]}}, named_where);
    if (!file) return file.error();
    source.files.push_back(*file);
  } else {
    const nlohmann::json& files = json["files"];
    if (!files.is_array()) return Invalid(named_where, "\"files\" must be an array");
    for (std::size_t i = 0; i < files.size(); ++i) {
      Result<SourceFile> file =
          ParseFile(files[i], named_where + ": files[" + std::to_string(i) + "]");
      if (!file) return file.error();
      source.files.push_back(*file);
    }
  }
  return source;
}

}  // namespace

Status ValidateSources(const std::vector<Source>& sources) {
  if (sources.empty()) return Invalid("sources", "no sources configured");
  std::set<std::string> names;
  for (const Source& source : sources) {
    std::string where = "source \"" + source.name + "\"";
    if (Status valid = ValidateSource(source, where); !valid) return valid;
    if (!names.insert(source.name).second) return Invalid(where, "the name is used twice");
  }
  return {};
}

Result<std::vector<Source>> ParseSources(std::string_view json_text, std::string_view origin) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    return MakeError(ErrorCode::kParseError,
                     std::string(origin) + ": not valid JSON: " + std::string(e.what()));
  }
  if (!json.is_object() || !json.contains("sources") || !json["sources"].is_array()) {
    return Invalid(origin, "expected an object {\"sources\": [...]}");
  }
  if (Status known = CheckKnownKeys(json, {"sources"}, origin); !known) return known.error();

  std::vector<Source> sources;
  std::set<std::string> names;
  const nlohmann::json& list = json["sources"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string where = std::string(origin) + ": sources[" + std::to_string(i) + "]";
    Result<Source> source = ParseSource(list[i], where);
    if (!source) return source.error();
    where += " (\"" + source->name + "\")";
    if (Status valid = ValidateSource(*source, where); !valid) return valid.error();
    if (!names.insert(source->name).second) {
      return Invalid(where, "the name \"" + source->name + "\" is used by an earlier source");
    }
    sources.push_back(std::move(*source));
  }
  if (sources.empty()) return Invalid(origin, "\"sources\" is empty");
  return sources;
}

Result<std::vector<Source>> LoadSources(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return MakeError(ErrorCode::kNotFound, "sources file " + path.string() + " does not exist");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIoError, "cannot open sources file " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) return MakeError(ErrorCode::kIoError, "cannot read sources file " + path.string());
  return ParseSources(text.str(), path.string());
}

Result<std::filesystem::path> ResolveSourcesPath(const std::optional<std::filesystem::path>& flag) {
  if (flag && !flag->empty()) return *flag;
  if (const char* env = std::getenv(kSourcesEnvVar); env != nullptr && *env != '\0') {
    return std::filesystem::path(env);
  }
  const std::filesystem::path relative = std::filesystem::path("data") / "sources.json";
  std::error_code ec;
  if (std::filesystem::exists(relative, ec)) return relative;
  auto shipped = ShippedPath(relative.string());
  if (shipped.ok()) return shipped;
  return MakeError(ErrorCode::kNotFound,
                   std::string("no sources file: --sources not given, ") + kSourcesEnvVar +
                       " not set, no ./" + relative.string() + ", and " + shipped.error().message);
}

}  // namespace tollgate::lists

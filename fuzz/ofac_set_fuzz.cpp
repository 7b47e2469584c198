// The OFAC legacy set with its companion files: the input is a selector byte ('C' for
// cons_prim.csv, anything else for sdn.csv) and the primary, alias and address files
// separated by a form-feed line. They are written beside each other in a folder of
// this process, as the reader finds them on disk.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "fuzz_support.h"
#include "lists/formats/readers.h"

namespace {

const std::filesystem::path& Folder() {
  static const std::filesystem::path folder = [] {
    auto path = std::filesystem::temp_directory_path() /
                ("tollgate-ofac-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path);
    return path;
  }();
  return folder;
}

void Write(const std::filesystem::path& path, std::string_view text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tollgate;
  std::string_view input = fuzz::Text(data, size);
  if (input.empty()) return 0;
  const bool cons = input.front() == 'C';
  input.remove_prefix(1);
  const char* names[3] = {"sdn.csv", "alt.csv", "add.csv"};
  const char* cons_names[3] = {"cons_prim.csv", "cons_alt.csv", "cons_add.csv"};
  for (int k = 0; k < 3; ++k) std::filesystem::remove(Folder() / names[k]);
  for (int k = 0; k < 3; ++k) std::filesystem::remove(Folder() / cons_names[k]);
  std::string_view parts[3];
  int count = 0;
  for (; count < 3 && !input.empty(); ++count) {
    const std::size_t cut = count < 2 ? input.find("\n\f\n") : std::string_view::npos;
    parts[count] = input.substr(0, cut);
    input = cut == std::string_view::npos ? std::string_view() : input.substr(cut + 3);
    Write(Folder() / (cons ? cons_names : names)[count], parts[count]);
  }
  const auto primary = Folder() / (cons ? cons_names : names)[0];
  for (auto format : {std::optional<lists::Format>(),
                      std::optional(cons ? lists::Format::kOfacCons : lists::Format::kOfacSdn)}) {
    Result<lists::ParsedList> parsed = lists::formats::ReadListBytes(primary, parts[0], format);
    if (!parsed.ok()) {
      fuzz::MustBeInputError(parsed.error());
      continue;
    }
    for (const lists::ListEntry& e : parsed->entries) fuzz::MustSerialize(lists::ToJson(e));
  }
  return 0;
}

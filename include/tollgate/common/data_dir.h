// Where Tollgate finds what it ships: the rules (data/rules), the criteria catalog
// (data/criteria.json), the list extract (data/lists), the download locations
// (data/sources.json), the web UI (web/) and the API document (openapi.json). One
// folder holds them all, laid out as in the source tree. It is found from the running
// executable, never from a path compiled into it, so a moved clone or an installed
// tree (`make install PREFIX=...`) keeps working:
//   1. $TOLLGATE_DATA_DIR, when set (it must hold data/rules: no silent fallback);
//   2. <executable's folder>/../share/tollgate: an installed tree (PREFIX/bin/tollgate);
//   3. <executable's folder>/.. and /../..: the source tree, for build/tollgate and
//      build/bench/<benchmark> (a build folder inside the clone).
// A folder counts when it holds data/rules. Failure: kIoError naming every folder
// looked at and the variable that chooses another.
#pragma once

#include <filesystem>
#include <string_view>

#include "tollgate/common/result.h"

namespace tollgate {

inline constexpr const char* kDataDirEnvVar = "TOLLGATE_DATA_DIR";

// The folder described above.
// The running executable, symbolic links resolved (/proc/self/exe).
Result<std::filesystem::path> ExecutablePath();

Result<std::filesystem::path> DataDir();

// DataDir() / relative (e.g. "data/criteria.json", "web"), when it exists; else
// kIoError naming the file and the folder it was looked for in.
Result<std::filesystem::path> ShippedPath(std::string_view relative);

}  // namespace tollgate

// What every libcurl user in the library needs: the process-wide initialization, done
// once, and a handle that cleans itself up. Private to the library (src/).
//
// Thread-safety: CurlGlobalInit may be called from any thread; a handle belongs to one.
#pragma once

#include <curl/curl.h>

#include <memory>

namespace tollgate {

struct CurlEasyCleanup {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyCleanup>;

// curl_global_init must run once before any handle exists and is not thread-safe in
// every libcurl build; the process keeps it until exit. Its result, every call.
CURLcode CurlGlobalInit();

}  // namespace tollgate

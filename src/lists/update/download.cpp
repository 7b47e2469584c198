#include "lists/update/download.h"

#include <curl/curl.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>

#include "common/curl_handle.h"

namespace tollgate::lists {
namespace {

struct Transfer {
  std::ofstream* out = nullptr;
  std::int64_t saved = 0;
  bool write_failed = false;
  const ByteProgress* progress = nullptr;
  curl_off_t last_reported = -1;
  curl_off_t last_total = -1;
};

std::size_t WriteBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  transfer->out->write(data, static_cast<std::streamsize>(bytes));
  if (!*transfer->out) {
    transfer->write_failed = true;
    return 0;  // anything but `bytes` makes libcurl abort with CURLE_WRITE_ERROR
  }
  transfer->saved += static_cast<std::int64_t>(bytes);
  return bytes;
}

void Report(Transfer& transfer, curl_off_t now, curl_off_t total) {
  transfer.last_reported = now;
  transfer.last_total = total;
  std::optional<std::int64_t> known_total;
  if (total > 0) known_total = total;
  (*transfer.progress)(now, known_total);
}

// libcurl calls this many times a second even when nothing moves; pass on only changes.
int OnTransferInfo(void* user, curl_off_t download_total, curl_off_t download_now, curl_off_t,
                   curl_off_t) {
  auto* transfer = static_cast<Transfer*>(user);
  if (download_now != transfer->last_reported || download_total != transfer->last_total) {
    Report(*transfer, download_now, download_total);
  }
  return 0;
}

Error Failed(const std::string& url, const std::string& cause) {
  return MakeError(ErrorCode::kIoError, "download of " + url + " failed: " + cause);
}

}  // namespace

Result<std::int64_t> DownloadFile(const std::string& url, const std::filesystem::path& destination,
                                  const DownloadLimits& limits, const ByteProgress& progress) {
  if (CURLcode init = CurlGlobalInit(); init != CURLE_OK) {
    return Failed(url, std::string("libcurl did not initialize: ") + curl_easy_strerror(init));
  }
  CurlEasy curl(curl_easy_init());
  if (!curl) return Failed(url, "libcurl could not create a handle");

  std::ofstream out(destination, std::ios::binary | std::ios::trunc);
  if (!out) {
    return Failed(url, "cannot write " + destination.string() + ": " + std::strerror(errno));
  }
  Transfer transfer;
  transfer.out = &out;
  transfer.progress = progress ? &progress : nullptr;

  char curl_message[CURL_ERROR_SIZE] = {};
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, curl_message);
  // file:// serves local mirrors; a redirect must never lead from the network to a
  // local file, so redirects are limited to http(s).
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https,file");
  curl_easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(handle, CURLOPT_MAXREDIRS, 10L);
  curl_easy_setopt(handle, CURLOPT_FAILONERROR, 1L);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(limits.connect_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(limits.total_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
  curl_easy_setopt(handle, CURLOPT_USERAGENT, "tollgate-lists-update/1");
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: thread-safe
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, &WriteBody);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
  if (transfer.progress != nullptr) {
    curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, &OnTransferInfo);
    curl_easy_setopt(handle, CURLOPT_XFERINFODATA, &transfer);
  }

  const CURLcode code = curl_easy_perform(handle);
  if (transfer.write_failed) {
    return Failed(url, "cannot write " + destination.string() + ": " + std::strerror(errno));
  }
  if (code != CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    if (code == CURLE_HTTP_RETURNED_ERROR && status >= 400) {
      std::string cause = "HTTP " + std::to_string(status);
      char* effective = nullptr;
      curl_easy_getinfo(handle, CURLINFO_EFFECTIVE_URL, &effective);
      if (effective != nullptr && url != effective) cause += " from " + std::string(effective);
      return Failed(url, cause);
    }
    // curl's buffer says what happened in detail ("Operation timed out after 100
    // milliseconds with 0 bytes received"); the generic text is the fallback.
    return Failed(url, curl_message[0] != '\0' ? curl_message : curl_easy_strerror(code));
  }
  out.close();
  if (!out) {
    return Failed(url, "cannot write " + destination.string() + ": " + std::strerror(errno));
  }
  if (transfer.progress != nullptr) {
    // A last report with the final count as the total, so a progress display ends at
    // 100% even when the server sent no length.
    curl_off_t received = 0;
    curl_easy_getinfo(handle, CURLINFO_SIZE_DOWNLOAD_T, &received);
    Report(transfer, received, received);
  }
  return transfer.saved;
}

}  // namespace tollgate::lists

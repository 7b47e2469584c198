// A token bucket per client address: `rate` requests a second on average, bursts of
// twice that. Over the limit a request is answered 429 without being handled. Buckets
// idle for a minute are forgotten so the table does not grow without bound.
//
// Thread-safety: Allow may be called from any thread (one mutex).
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace tollgate::server {

class RateLimiter {
 public:
  explicit RateLimiter(double rate) : rate_(rate), burst_(rate * 2) {}

  bool Allow(const std::string& client) {
    if (rate_ <= 0) return true;
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mu_);
    if (now - last_sweep_ > std::chrono::minutes(1)) {
      for (auto it = buckets_.begin(); it != buckets_.end();) {
        it = now - it->second.last > std::chrono::minutes(1) ? buckets_.erase(it) : std::next(it);
      }
      last_sweep_ = now;
    }
    auto [it, fresh] = buckets_.try_emplace(client, Bucket{burst_, now});
    auto& bucket = it->second;
    if (!fresh) {
      const std::chrono::duration<double> elapsed = now - bucket.last;
      bucket.tokens = std::min(burst_, bucket.tokens + elapsed.count() * rate_);
      bucket.last = now;
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point last;
  };
  double rate_;
  double burst_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::chrono::steady_clock::time_point last_sweep_ = std::chrono::steady_clock::now();
};

}  // namespace tollgate::server

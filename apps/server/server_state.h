// What the server's handlers share for the life of the process: the options, a pool
// of store connections (one Store per thread, reused), the screening indexes of the
// lists in force (lists::InForceIndexes: built once per version set, swapped when the
// lists change; the one cache both /api/screen and the determination engine of
// /api/check read), the rules and the engine, the criteria catalog and the clock.
//
// Thread-safety: every member may be used from any request thread: the pool hands a
// Store to one thread at a time, the indexes and the engine are thread-safe, and the
// rest is immutable after start.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "metrics.h"
#include "tollgate/alerts/decisions.h"
#include "tollgate/alerts/rescreen.h"
#include "tollgate/history/group_commit.h"
#include "tollgate/licensing/clock.h"
#include "tollgate/licensing/criteria.h"
#include "tollgate/licensing/list_change.h"
#include "tollgate/lists/in_force_index.h"
#include "tollgate/rules/determination_record.h"
#include "tollgate/rules/engine.h"
#include "tollgate/rules/rule_set.h"
#include "tollgate/storage/store.h"

namespace tollgate::server {

struct ServerOptions {
  std::string db_url;
  std::string host = "127.0.0.1";
  int port = 8080;
  unsigned threads = 0;                   // 0: 32 (one per kept-alive connection)
  std::string web_dir;                    // static files served at /
  std::size_t max_body = 1 << 20;         // JSON request bodies
  std::size_t max_upload = 64u << 20;     // list files (POST /api/lists/import)
  double rate_limit = 200;                // requests per second per client address; 0: off
  int timeout_seconds = 10;               // any one read or write
  int header_timeout_seconds = 10;        // a request's line and headers, in all
  int body_timeout_seconds = 60;          // a request's body, in all
  std::size_t client_connections = 0;     // threads one client address may keep waiting;
                                          // 0: threads less a quarter kept for others
  rules::TransactionLimits check_limits;  // items and parties per /api/check
  std::size_t index_cache_mb =
      256;                   // screening indexes kept for /api/screen and /api/check (LRU), in all
  std::string rules_dir;     // "" : as the CLI finds them
  std::string openapi_path;  // the OpenAPI document served at /openapi.json
  std::string audit_key;     // checkpoint key; "": beside a SQLite file
  // Screenings and determinations recorded longer ago are pruned at start (15 CFR
  // 762.6: at least 5); 0: not at start (`tollgate history prune` does it then).
  int history_retention_years = 5;
  int webhook_interval_seconds = 5;  // how often due webhook deliveries are sent; 0: never
  // How often the server downloads the official lists itself (list_update.h); 0: never
  // (the default: an operator chooses whether the server reaches the internet).
  int list_update_interval_seconds = 0;
  std::string sources_file;  // the sources file; "" as lists::ResolveSourcesPath finds it
  bool list_routes = false;  // print the routes and exit (the OpenAPI test)
};

// Stores for request threads: Acquire hands out an idle one or opens a new one.
class StorePool {
 public:
  explicit StorePool(std::string url) : url_(std::move(url)) {}

  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<storage::Store> store)
        : pool_(&pool), store_(std::move(store)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    storage::Store& operator*() const { return *store_; }
    storage::Store* operator->() const { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<storage::Store> store_;
  };

  Result<Lease> Acquire();
  // Opens `count` stores ahead of the first requests, so that a burst of load does not
  // open them while it is served (BENCHMARKS.md, issue 14).
  Status Open(std::size_t count);

 private:
  std::string url_;
  std::mutex mu_;
  std::vector<std::unique_ptr<storage::Store>> idle_;
};

class ServerState {
 public:
  ServerState(ServerOptions options, std::shared_ptr<const rules::RuleSet> rules,
              licensing::CriteriaCatalog catalog, std::unique_ptr<storage::Store> engine_store);

  const ServerOptions& options() const { return options_; }
  StorePool& stores() { return stores_; }
  lists::InForceIndexes& indexes() { return indexes_; }
  const rules::RuleSet& rules() const { return *rules_; }
  // The rules for the re-screening a list import causes (licensing/list_change.h).
  licensing::RulesLoader rules_loader() const {
    return [loaded = rules_]() -> Result<std::shared_ptr<const rules::RuleSet>> { return loaded; };
  }
  rules::Engine& engine() { return engine_; }
  const licensing::CriteriaCatalog& catalog() const { return catalog_; }
  const licensing::Clock& clock() const { return clock_; }
  history::DeterminationRecorder& recorder() { return recorder_; }
  history::ScreeningRecorder& screening_recorder() { return screening_recorder_; }
  RequestMetrics& metrics() { return metrics_; }
  // Each organization's dispositions of its parties, for its determinations.
  alerts::DecisionCache& decisions() { return decisions_; }
  // The parties' index for the re-screening of each list import (alerts/rescreen.h),
  // kept between imports and built again when any process changed a party master.
  alerts::PartyIndexCache& party_index() { return party_index_; }

  // Opens the request threads' stores before the first request (StorePool::Open).
  Status OpenStoresAhead();

  // After the lists or licenses changed (here or in another process sharing the
  // database): re-reads the version list and drops the engine's caches when needed.
  Status ListsChanged(storage::Store& store);
  void LicensesChanged() { engine_.Refresh(); }

 private:
  ServerOptions options_;
  StorePool stores_;
  lists::InForceIndexes indexes_;
  std::shared_ptr<const rules::RuleSet> rules_;
  std::unique_ptr<storage::Store> engine_store_;  // used by the engine alone
  rules::Engine engine_;
  licensing::CriteriaCatalog catalog_;
  licensing::SystemClock clock_;
  history::DeterminationRecorder recorder_;
  history::ScreeningRecorder screening_recorder_;
  RequestMetrics metrics_;
  alerts::DecisionCache decisions_;
  alerts::PartyIndexCache party_index_;
};

}  // namespace tollgate::server

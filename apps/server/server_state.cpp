#include "server_state.h"

#include <algorithm>

namespace tollgate::server {
namespace {

// What differs by backend in how the server uses its connections. PostgreSQL's are
// counted by its max_connections (100 by default) across every server of the
// database: a few stores are opened at start and the rest on demand. And it commits
// concurrent transactions with one flush of its log, so several group commits of
// determinations and of screenings may run at once (history/group_commit.h); SQLite
// admits one writer.
constexpr std::size_t kPostgresStoresAtStart = 8;
constexpr int kPostgresWriters = 4;

}  // namespace

StorePool::Lease::~Lease() {
  if (!store_) return;
  std::lock_guard lock(pool_->mu_);
  pool_->idle_.push_back(std::move(store_));
}

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      auto store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(store));
    }
  }
  auto opened = storage::OpenStore(url_);
  if (!opened.ok()) return opened.error();
  return Lease(*this, std::move(opened).value());
}

Status StorePool::Open(std::size_t count) {
  std::vector<std::unique_ptr<storage::Store>> opened;
  for (std::size_t i = 0; i < count; ++i) {
    auto store = storage::OpenStore(url_);
    if (!store.ok()) return store.error();
    opened.push_back(std::move(store).value());
  }
  std::lock_guard lock(mu_);
  for (auto& store : opened) idle_.push_back(std::move(store));
  return {};
}

ServerState::ServerState(ServerOptions options, std::shared_ptr<const rules::RuleSet> rules,
                         licensing::CriteriaCatalog catalog,
                         std::unique_ptr<storage::Store> engine_store)
    : options_(std::move(options)),
      stores_(options_.db_url),
      indexes_(options_.index_cache_mb << 20),
      rules_(std::move(rules)),
      engine_store_(std::move(engine_store)),
      engine_(rules_, *engine_store_),
      catalog_(std::move(catalog)),
      recorder_(storage::IsPostgresUrl(options_.db_url) ? kPostgresWriters : 1),
      screening_recorder_(storage::IsPostgresUrl(options_.db_url) ? kPostgresWriters : 1) {
  // One index cache for /api/screen and /api/check (issue 14): the engine screens
  // parties with the indexes screening uses, under the one --index-cache-mb budget,
  // instead of building a second index of the same lists.
  engine_.ShareIndexes(indexes_);
}

// Opened under load, each open would queue behind the requests' work on 2 cores; a
// SQLite connection costs little, so every thread gets one now.
Status ServerState::OpenStoresAhead() {
  const std::size_t threads = options_.threads;
  return stores_.Open(storage::IsPostgresUrl(options_.db_url)
                          ? std::min(threads, kPostgresStoresAtStart)
                          : threads);
}

Status ServerState::ListsChanged(storage::Store& store) {
  auto changed = indexes_.Refresh(store);
  if (!changed.ok()) return changed.error();
  if (*changed) engine_.Refresh();
  return {};
}

}  // namespace tollgate::server

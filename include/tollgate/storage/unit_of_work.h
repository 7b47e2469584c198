// UnitOfWork: one use case, one transaction. A use case made of several store calls
// (a submission: the draft, its control number, the submit step and the screening
// matches; a list import and the re-screening of the open applications) begins a unit,
// makes its calls (each joins the unit) and commits; an early return, or a process
// killed before the commit, leaves the store exactly as it was (issue 11, item 10).
//
// Thread-safety: as the Store (one thread). Failure: Begin and Commit return the
// store's error; a unit never committed rolls back when it goes away.
#pragma once

#include "tollgate/common/result.h"
#include "tollgate/storage/store.h"

namespace tollgate::storage {

class UnitOfWork {
 public:
  static Result<UnitOfWork> Begin(Store& store) {
    if (auto s = store.BeginUnit(); !s.ok()) return s.error();
    return UnitOfWork(store);
  }
  Status Commit() {
    store_ = nullptr;
    return committing_->CommitUnit();
  }
  ~UnitOfWork() {
    if (store_ != nullptr) store_->RollbackUnit();
  }
  UnitOfWork(UnitOfWork&& other) noexcept : store_(other.store_), committing_(other.committing_) {
    other.store_ = nullptr;
  }
  UnitOfWork& operator=(UnitOfWork&&) = delete;

 private:
  explicit UnitOfWork(Store& store) : store_(&store), committing_(&store) {}
  Store* store_;       // null once committed or moved from: nothing to roll back
  Store* committing_;  // the store, for Commit
};

}  // namespace tollgate::storage

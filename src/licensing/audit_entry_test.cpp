#include "tollgate/licensing/audit_entry.h"

#include <gtest/gtest.h>

#include "licensing/test_application.h"
#include "tollgate/audit/verify.h"

namespace tollgate::licensing {
namespace {

using namespace testing;  // NOLINT: test helpers

TEST(AuditEntryTest, ATransitionIsRecordedWithActorActionAndBothStates) {
  Application draft = CompleteDraft();
  draft.id = 5;
  auto created = CreationEntry(draft, Applicant(), "2019-06-01T09:00:00Z");
  EXPECT_EQ(created.action, "application.create");
  EXPECT_EQ(created.subject, "application #5");
  EXPECT_TRUE(created.before.is_null());

  auto submitted = Apply(draft, Submit("D000042"), D("2019-06-01"), Catalog());
  ASSERT_TRUE(submitted.ok()) << submitted.error().message;
  auto entry = TransitionEntry(draft, *submitted, Submit("D000042"), "2019-06-01T09:05:00Z");
  EXPECT_EQ(entry.actor, "applicant msft-exports");
  EXPECT_EQ(entry.action, "application.submit");
  EXPECT_EQ(entry.subject, "application D000042");
  EXPECT_EQ(entry.before["state"], "draft");
  EXPECT_EQ(entry.after["state"], "submitted");
  EXPECT_EQ(entry.after["control_number"], "D000042");

  // Both chain into a log that verifies.
  auto first = audit::Chain(nullptr, created);
  ASSERT_TRUE(first.ok());
  auto second = audit::Chain(&*first, entry);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(audit::Verify(std::vector<audit::Record>{*first, *second}).ok());
}

}  // namespace
}  // namespace tollgate::licensing

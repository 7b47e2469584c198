#include "tollgate/licensing/audit_entry.h"

#include "tollgate/licensing/application_json.h"

namespace tollgate::licensing {

audit::Entry TransitionEntry(const Application& before, const Application& after,
                             const Event& event, std::string timestamp) {
  return audit::Entry{std::move(timestamp),
                      Describe(event.actor),
                      std::string("application.") + EventName(event.kind),
                      Subject(after),
                      ToJson(before),
                      ToJson(after)};
}

audit::Entry CreationEntry(const Application& draft, const Actor& actor, std::string timestamp) {
  return audit::Entry{std::move(timestamp), Describe(actor), "application.create",
                      Subject(draft),       nullptr,         ToJson(draft)};
}

}  // namespace tollgate::licensing

// Issue 11, items 4 and 5, over the real server on both backends: a license added over
// the API, a list imported over the API and a recorded determination each say who did
// it, in the audit log or with the record; and a list imported over the API re-screens
// the open applications, as `tollgate lists import` does.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "server_fixture.h"
#include "test_paths.h"
#include "tollgate/storage/store.h"

namespace tollgate::testing {
namespace {

// A party the shipped Entity List extract does not name and the State ISN list of 2019
// does (INKSNA, 81 FR 43706).
constexpr const char* kIsnParty = "150th Aircraft Repair Plant (ARZ) (Kaliningrad)";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class AuditedChangesApiTest : public ServerFixture {
 protected:
  std::vector<audit::Record> AuditLog() {
    auto store = storage::OpenStore(db_.url());
    EXPECT_TRUE(store.ok()) << store.error().message;
    if (!store.ok()) return {};
    auto log = (*store)->AuditLog();
    EXPECT_TRUE(log.ok()) << log.error().message;
    return log.ok() ? *log : std::vector<audit::Record>{};
  }
};

TEST_P(AuditedChangesApiTest, ALicenseAddedOverTheApiHasOneAuditRecordAndKeepsItsCreator) {
  const auto before = AuditLog();
  nlohmann::json license = nlohmann::json::parse(kServerLicense);
  license["number"] = "D000901";
  auto added = Call("officer", "POST", "/api/licenses", license.dump());
  ASSERT_EQ(added.status, 201) << added.text;
  EXPECT_EQ(added.body["created_by"], "reviewer officer");
  const auto after = AuditLog();
  ASSERT_EQ(after.size(), before.size() + 1);
  EXPECT_EQ(after.back().action, "license.add");
  EXPECT_EQ(after.back().actor, "reviewer officer");
  EXPECT_EQ(after.back().subject, "license D000901");
  auto verify = cli_.Run("audit verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

TEST_P(AuditedChangesApiTest, ADeterminationOverTheApiRecordsWhoAskedForIt) {
  // Two users ask; each record names its own (part 762 keeps who made the inquiry).
  std::vector<std::pair<std::string, std::int64_t>> asked;
  for (const char* user : {"officer", "msft"}) {
    auto answer = Call(user, "POST", "/api/check",
                       R"({"items": [{"eccn": "EAR99"}], "destination": "DE",
                           "date": "2020-01-06",
                           "parties": [{"role": "end_user", "name": "Contoso GmbH"}]})");
    ASSERT_EQ(answer.status, 200) << answer.text;
    asked.emplace_back(user, answer.body["record_id"].get<std::int64_t>());
  }
  auto store = storage::OpenStore(db_.url());
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto records = (*store)->ListDeterminations();
  ASSERT_TRUE(records.ok()) << records.error().message;
  std::map<std::int64_t, std::string> by_id;
  for (const auto& r : *records) by_id[r.id] = r.requested_by;
  EXPECT_EQ(by_id[asked[0].second], "reviewer officer");
  EXPECT_EQ(by_id[asked[1].second], "applicant msft");
}

TEST_P(AuditedChangesApiTest, AListImportedOverTheApiRescreensTheOpenApplications) {
  nlohmann::json form = nlohmann::json::parse(kMicrosoftForm);
  form["end_user"] = {{"name", kIsnParty}, {"country", "RU"}};
  auto filed = Call("msft", "POST", "/api/applications", form.dump());
  ASSERT_EQ(filed.status, 201) << filed.text;
  const std::string acn = filed.body["application"]["control_number"];
  auto shown = Call("msft", "GET", "/api/applications/" + acn);
  ASSERT_EQ(shown.status, 200) << shown.text;
  for (const auto& match : shown.body["screening"]) {
    ASSERT_NE(match["party"], kIsnParty) << "not on the shipped extract";
  }
  const std::size_t matches_before = shown.body["screening"].size();
  const auto audit_before = AuditLog();

  const std::string isn =
      ReadFile(std::filesystem::path(TOLLGATE_SHARED_DATA) / "lists" / "state_isn_2019.csv");
  auto imported = Call("root", "POST", "/api/lists/import?as_of=2019-01-01&name=isn.csv", isn);
  ASSERT_EQ(imported.status, 201) << imported.text;
  EXPECT_GE(imported.body["new_matches"].get<int>(), 1);

  shown = Call("msft", "GET", "/api/applications/" + acn);
  ASSERT_EQ(shown.status, 200) << shown.text;
  ASSERT_GT(shown.body["screening"].size(), matches_before) << shown.body["screening"].dump(2);
  const auto& added = shown.body["screening"].back();
  EXPECT_EQ(added["party"], kIsnParty);
  EXPECT_EQ(added["role"], "end_user");
  EXPECT_EQ(added["reason"], "lists import state-isn as of 2019-01-01");

  // The import is an audit record by its admin, and so is each match it recorded.
  const auto audit_after = AuditLog();
  ASSERT_GT(audit_after.size(), audit_before.size());
  const audit::Record& import = audit_after[audit_before.size()];
  EXPECT_EQ(import.action, "list.import");
  EXPECT_EQ(import.actor, "admin root");
  EXPECT_EQ(import.after["feed"], "state-isn");
  EXPECT_EQ(audit_after.size(), audit_before.size() + 1 + imported.body["new_matches"].get<int>());
  auto verify = cli_.Run("audit verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;

  // The same file again is identical: nothing stored, nothing re-screened.
  auto again = Call("root", "POST", "/api/lists/import?as_of=2019-01-01&name=isn.csv", isn);
  ASSERT_EQ(again.status, 200) << again.text;
  EXPECT_TRUE(again.body["unchanged"].get<bool>());
  EXPECT_EQ(AuditLog().size(), audit_after.size());
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditedChangesApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tollgate::testing

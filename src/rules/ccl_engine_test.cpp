// The engine over the whole CCL, Country Chart and Country Groups (issue 12), on the
// shipped rules: paragraph-level and special controls, the anti-terrorism and Russia/
// Belarus rules, LVS and GBS, editions; and full coverage: every ECCN of the Commerce
// Control List x every destination of the Country Chart through the determination
// library: no refusal, no crash, every answer with a trace and citations, and none of
// the answers that must never be a pass.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

#include "rules/cross_product.h"
#include "rules/shipped_rules_for_tests.h"

namespace tollgate::rules::internal {
namespace {

const RuleSet& Rules() { return ShippedRules(); }

const OneEntryLists& TestLists() {
  static const OneEntryLists lists = MakeOneEntryLists();
  return lists;
}

bool HasStep(const ItemDetermination& item, const std::string& step) {
  for (const auto& s : item.trace) {
    if (s.step == step) return true;
  }
  return false;
}

void WalkAllPairs(const char* date_text, std::size_t& walked) {
  const RuleSet& rules = Rules();
  CrossProduct pairs = AllPairs(rules);
  ASSERT_EQ(pairs.eccns.size(), 639u);         // 638 CCL entries and EAR99
  ASSERT_EQ(pairs.destinations.size(), 201u);  // 200 chart rows and Hong Kong
  Date date = *Date::Parse(date_text);
  std::size_t failures = 0;
  for (const auto& eccn : pairs.eccns) {
    for (const auto& destination : pairs.destinations) {
      ++walked;
      auto d = Determine(rules, PairTransaction(eccn, destination, date), *TestLists().index,
                         TestLists().versions, {});
      auto fail = [&](const std::string& why) {
        if (++failures <= 20)
          ADD_FAILURE() << eccn << " to " << destination << " on " << date_text << ": " << why;
      };
      if (!d.ok()) {
        fail("refused: " + d.error().message);
        continue;
      }
      ASSERT_EQ(d->items.size(), 1u);
      const ItemDetermination& item = d->items[0];
      if (item.trace.size() < 2 || item.trace.front().step != "classify") fail("no classify step");
      for (const auto& step : item.trace) {
        if (step.step != "decision" && step.citation.empty())
          fail("step " + step.step + " cites nothing");
      }
      for (const auto& r : item.requirements) {
        if (r.citation.empty()) fail("requirement " + r.basis + " cites nothing");
      }
      if (item.decision == Decision::kNoLicenseRequired) {
        // Russia and Belarus (15 CFR 746.8) and the embargoes never give a pass.
        if (destination == "RU" || destination == "BY" || destination == "CU" ||
            destination == "IR" || destination == "KP" || destination == "SY") {
          fail("NO_LICENSE_REQUIRED to a sanctioned destination");
        }
        // A special control the engine could not read never gives a pass.
        for (const auto& step : item.trace) {
          for (const auto& fact : step.facts) {
            if (step.step == "special_control" && fact.name == "decided" && fact.value == "no") {
              fail("NO_LICENSE_REQUIRED with an undecided special control");
            }
          }
        }
      }
      if (item.decision == Decision::kReview && item.review_reasons.empty()) {
        fail("REVIEW without a reason");
      }
      if (date_text < std::string("2026-09-24") && eccn != "EAR99" && !HasStep(item, "edition")) {
        fail("a date before the 2026 edition without the edition step");
      }
    }
  }
  EXPECT_EQ(failures, 0u);
}

Result<Determination> Check(const std::string& eccn, const std::string& to, const char* date,
                            std::optional<std::int64_t> value = std::nullopt) {
  Transaction tx = PairTransaction(eccn, to, *Date::Parse(date));
  tx.items[0].value_usd = value;
  return Determine(Rules(), tx, *TestLists().index, TestLists().versions, {});
}

const TraceStep* FindStep(const ItemDetermination& item, const std::string& step) {
  for (const auto& s : item.trace) {
    if (s.step == step) return &s;
  }
  return nullptr;
}

std::string Fact(const TraceStep& step, const std::string& name) {
  for (const auto& f : step.facts) {
    if (f.name == name) return f.value;
  }
  return "<none>";
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CclEngineTest, AParagraphGetsExactlyTheControlsWhoseParagraphsCoverIt) {
  // 15 CFR 774 Supp. 1, 3A001: NS1 and RS1 only for b.2 and b.3; NS2 and AT1 entire.
  auto d = Check("3A001.b.2", "FR", "2026-10-01");
  ASSERT_TRUE(d.ok()) << d.error().message;
  const ItemDetermination& item = d->items[0];
  const TraceStep* classify = FindStep(item, "classify");
  ASSERT_NE(classify, nullptr);
  EXPECT_EQ(Fact(*classify, "entry"), "3A001");
  EXPECT_EQ(Fact(*classify, "paragraph"), "b.2");
  EXPECT_EQ(Fact(*classify, "controls"), "NS1, NS2, RS1, AT1");
  EXPECT_EQ(classify->citation, "15 CFR 774 Supp. 1, ECCN 3A001 (eCFR 2026-09-24)");
  // France's 2026 row marks NS1 and RS1, not NS2 or AT1.
  EXPECT_EQ(item.decision, Decision::kLicenseRequired);
  ASSERT_EQ(item.requirements.size(), 2u);
  EXPECT_EQ(item.requirements[0].basis, "NS1");
  EXPECT_EQ(item.requirements[1].basis, "RS1");
  EXPECT_EQ(FindStep(item, "paragraph_control"), nullptr);
}

TEST(CclEngineTest, AnEntryAloneIsReviewWhenOnlyAParagraphControlWouldRequireALicense) {
  auto d = Check("3A001", "FR", "2026-10-01");
  ASSERT_TRUE(d.ok()) << d.error().message;
  const ItemDetermination& item = d->items[0];
  EXPECT_EQ(Fact(*FindStep(item, "classify"), "controls"), "NS2, AT1");
  EXPECT_TRUE(item.requirements.empty());
  const TraceStep* conditional = FindStep(item, "paragraph_control");
  ASSERT_NE(conditional, nullptr);
  EXPECT_EQ(conditional->finding.rfind("if the item is 3A001.b.2 or b.3: NS1", 0), 0u)
      << conditional->finding;
  EXPECT_EQ(Fact(*conditional, "paragraphs"), "b.2, b.3");
  EXPECT_EQ(Fact(*conditional, "required"), "yes");
  EXPECT_EQ(item.decision, Decision::kReview);
  ASSERT_FALSE(item.review_reasons.empty());
  EXPECT_TRUE(Contains(item.review_reasons[0], "3A001.b.2")) << item.review_reasons[0];
  // To China NS2 (entire entry) requires a license anyway: no REVIEW for the paragraphs.
  auto china = Check("3A001", "CN", "2026-10-01");
  ASSERT_TRUE(china.ok());
  EXPECT_EQ(china->items[0].decision, Decision::kLicenseRequired);
}

TEST(CclEngineTest, AParagraphTheEntryDoesNotHaveIsAnErrorNamingIt) {
  auto d = Check("3A001.q", "FR", "2026-10-01");
  ASSERT_FALSE(d.ok());
  EXPECT_TRUE(Contains(d.error().message, "3A001.q")) << d.error().message;
  EXPECT_TRUE(Contains(d.error().message, "paragraph")) << d.error().message;
  // The letters before the highest one named exist (the CFR letters them in order).
  EXPECT_TRUE(Check("3A001.c", "FR", "2026-10-01").ok());
  auto unknown = Check("3A998", "FR", "2026-10-01");
  ASSERT_FALSE(unknown.ok());
  EXPECT_TRUE(Contains(unknown.error().message, "3A998")) << unknown.error().message;
}

TEST(CclEngineTest, SpecialControlsDecidedByTheirTextAndReviewWhenUnread) {
  // 5A002.z.1.a: RS "To or within any destination worldwide" (15 CFR 742.6(a)(6)(iii)(A)).
  auto d = Check("5A002.z.1.a", "FR", "2026-10-01");
  ASSERT_TRUE(d.ok()) << d.error().message;
  bool found = false;
  for (const auto& r : d->items[0].requirements) {
    found = found || (r.source == "special_control" && r.basis == "RS 5A002");
  }
  EXPECT_TRUE(found);
  // z.1.b: UAE or D:1, D:4, D:5 except A:5/A:6: China (D:1) yes, France no.
  auto china = Check("5A002.z.1.b", "CN", "2026-10-01");
  auto france = Check("5A002.z.1.b", "FR", "2026-10-01");
  auto uae = Check("5A002.z.1.b", "AE", "2026-10-01");
  ASSERT_TRUE(china.ok() && france.ok() && uae.ok());
  auto special_required = [](const Determination& x) {
    for (const auto& r : x.items[0].requirements) {
      if (r.source == "special_control" && r.basis == "RS 5A002") return true;
    }
    return false;
  };
  EXPECT_TRUE(special_required(*china));
  EXPECT_FALSE(special_required(*france));
  EXPECT_TRUE(special_required(*uae));  // named, though in A:5
  // 1C980: short supply (part 754), which the engine does not read: REVIEW quoting it.
  auto ss = Check("1C980", "FR", "2026-10-01");
  ASSERT_TRUE(ss.ok());
  EXPECT_EQ(ss->items[0].decision, Decision::kReview);
  const TraceStep* step = FindStep(ss->items[0], "special_control");
  ASSERT_NE(step, nullptr);
  EXPECT_EQ(Fact(*step, "decided"), "no");
  EXPECT_TRUE(Contains(ss->items[0].review_reasons.back(), "part 754"));
}

TEST(CclEngineTest, AntiTerrorismForTheCountriesTheRegulationNames) {
  struct Case {
    const char* to;
    const char* citation;
  };
  for (const Case& c :
       {Case{"IR", "15 CFR 742.8"}, Case{"SY", "15 CFR 742.9"}, Case{"KP", "15 CFR 742.19"}}) {
    auto d = Check("4A994", c.to, "2026-10-01");
    ASSERT_TRUE(d.ok()) << d.error().message;
    bool found = false;
    for (const auto& r : d->items[0].requirements) {
      found =
          found || (r.source == "anti_terrorism" && r.basis == "AT1" && r.citation == c.citation);
    }
    EXPECT_TRUE(found) << c.to;
  }
  auto france = Check("4A994", "FR", "2026-10-01");
  ASSERT_TRUE(france.ok());
  EXPECT_EQ(france->items[0].decision, Decision::kNoLicenseRequired);
}

TEST(CclEngineTest, RussiaAndBelarusAreNeverNoLicenseRequired) {
  for (const char* to : {"RU", "BY"}) {
    auto d = Check("EAR99", to, "2026-10-01");
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_EQ(d->items[0].decision, Decision::kReview) << to;
    ASSERT_NE(FindStep(d->items[0], "russia_belarus"), nullptr);
    EXPECT_EQ(FindStep(d->items[0], "russia_belarus")->citation, "15 CFR 746.8");
    EXPECT_TRUE(Contains(d->items[0].review_reasons.back(), "746.8"));
  }
  // Before the sanctions (2022-02-24) EAR99 needed no license to Russia.
  auto before = Check("EAR99", "RU", "2021-06-01");
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->items[0].decision, Decision::kNoLicenseRequired);
}

TEST(CclEngineTest, LvsAppliesOnlyWithinTheEntrysValueLimitToGroupB) {
  // 1A001: NS2 entire, LVS $5000, GBS no; Brazil is in B and its row marks NS2.
  auto within = Check("1A001", "BR", "2026-10-01", 4000);
  ASSERT_TRUE(within.ok()) << within.error().message;
  EXPECT_EQ(within->items[0].decision, Decision::kAuthorized);
  ASSERT_EQ(within->items[0].authorized_by.size(), 1u);
  EXPECT_EQ(within->items[0].authorized_by[0].id, "LVS");
  EXPECT_EQ(within->items[0].authorized_by[0].citation, "15 CFR 740.3");
  const TraceStep* step = FindStep(within->items[0], "license_exceptions");
  ASSERT_NE(step, nullptr);
  EXPECT_TRUE(Contains(Fact(*step, "available"), "LVS ($5000)")) << Fact(*step, "available");
  auto over = Check("1A001", "BR", "2026-10-01", 6000);
  ASSERT_TRUE(over.ok());
  EXPECT_EQ(over->items[0].decision, Decision::kLicenseRequired);
  EXPECT_TRUE(Contains(Fact(*FindStep(over->items[0], "license_exceptions"), "LVS"), "exceeds"));
  auto no_value = Check("1A001", "BR", "2026-10-01");
  ASSERT_TRUE(no_value.ok());
  EXPECT_EQ(no_value->items[0].decision, Decision::kLicenseRequired);
  // China is not in Country Group B.
  auto china = Check("1A001", "CN", "2026-10-01", 100);
  ASSERT_TRUE(china.ok());
  EXPECT_EQ(china->items[0].decision, Decision::kLicenseRequired);
}

TEST(CclEngineTest, GbsAppliesWhereTheEntrySaysYes) {
  // 3C005: NS2 entire, GBS yes (15 CFR 740.4); no value needed.
  auto d = Check("3C005", "BR", "2026-10-01");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->items[0].decision, Decision::kAuthorized);
  ASSERT_EQ(d->items[0].authorized_by.size(), 1u);
  EXPECT_EQ(d->items[0].authorized_by[0].id, "GBS");
  EXPECT_EQ(d->items[0].authorized_by[0].citation, "15 CFR 740.4");
}

TEST(CclEngineTest, ADateBeforeTheEditionIsAnsweredFromItAndSaysSo) {
  auto d = Check("3A001", "FR", "2019-06-01");
  ASSERT_TRUE(d.ok()) << d.error().message;
  const TraceStep* edition = FindStep(d->items[0], "edition");
  ASSERT_NE(edition, nullptr);
  EXPECT_TRUE(Contains(edition->finding, "earliest edition held")) << edition->finding;
  EXPECT_TRUE(Contains(edition->finding, "not held")) << edition->finding;
  EXPECT_EQ(Fact(*edition, "edition"), "eCFR 2026-09-24");
  EXPECT_EQ(Fact(*edition, "date"), "2019-06-01");
  // China's 2019 row is in force then: no edition step for the chart, but the CCL's.
  auto china = Check("3A001", "CN", "2019-06-01");
  ASSERT_TRUE(china.ok());
  const TraceStep* chart = FindStep(china->items[0], "country_chart");
  ASSERT_NE(chart, nullptr);
  EXPECT_EQ(chart->citation.find("(eCFR"), std::string::npos) << chart->citation;
}

TEST(CclEngineTest, HongKongKeepsIts2019RowThenIsTreatedAsChina) {
  auto d2019 = Check("3A001", "HK", "2019-06-01");
  auto d2021 = Check("3A001", "HK", "2021-06-01");
  auto d2026 = Check("3A001", "HK", "2026-10-01");
  ASSERT_TRUE(d2019.ok() && d2021.ok() && d2026.ok());
  auto chart = [](const Determination& d) {
    return FindStep(d.items[0], "country_chart")->citation;
  };
  EXPECT_TRUE(Contains(chart(*d2019), "(Hong Kong)")) << chart(*d2019);
  EXPECT_TRUE(Contains(chart(*d2021), "85 FR 83765")) << chart(*d2021);
  EXPECT_TRUE(Contains(chart(*d2026), "85 FR 83765")) << chart(*d2026);
}

TEST(CrossProductTest, EveryEccnToEveryDestinationIsAnsweredWithTraceAndCitations) {
  std::size_t walked = 0;
  WalkAllPairs("2026-10-01", walked);
  EXPECT_EQ(walked, 639u * 201u);
}

}  // namespace
}  // namespace tollgate::rules::internal

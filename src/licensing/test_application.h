// Test helpers for licensing: a complete draft as an applicant would write it (the
// Microsoft mass-market software request of 2019, with an invented contact), the
// shipped criteria catalog, actors of each role, and events.
#pragma once

#include <gtest/gtest.h>

#include "tollgate/licensing/application.h"
#include "tollgate/licensing/criteria.h"
#include "tollgate/licensing/state_machine.h"

namespace tollgate::licensing::testing {

inline Date D(const char* iso) { return Date::Parse(iso).value(); }

inline Application CompleteDraft() {
  Application a;
  a.organization = "microsoft";
  a.applicant = {"Microsoft Corporation", "One Microsoft Way, Redmond, WA 98052", "US"};
  a.contact = {"Export Compliance Desk", "+1 425 555 0100", "exports@example.com"};
  a.purchaser =
      Party{"Huawei Technologies Co., Ltd.", "Bantian, Longgang District, Shenzhen 518129", "CN"};
  a.ultimate_consignee = *a.purchaser;
  a.end_use = "Operating systems and office software installed on laptops sold to the public";
  a.destination = "CN";
  a.items = {
      {"5D992.c", "Windows operating system licenses (mass-market)", 1000, "ea", 9950, 99500},
      {"5D992.c", "Office suite licenses (mass-market)", 500, "ea", 12000, 60000}};
  a.documents = {"letter of explanation LOE-2019-07"};
  return a;
}

inline const CriteriaCatalog& Catalog() {
  static const CriteriaCatalog catalog = [] {
    auto loaded = LoadCriteria(ShippedCriteriaPath().value());
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    return loaded.ok() ? std::move(loaded).value() : CriteriaCatalog();
  }();
  return catalog;
}

inline Actor Applicant() { return {Role::kApplicant, "msft-exports", std::nullopt}; }
inline Actor Reviewer() { return {Role::kReviewer, "licensing-officer-1", std::nullopt}; }
inline Actor AgencyActor(Agency agency) { return {Role::kAgency, "liaison", agency}; }
inline Actor System() { return {Role::kSystem, "", std::nullopt}; }

inline Event MakeEvent(EventKind kind, Actor actor) {
  Event e;
  e.kind = kind;
  e.actor = std::move(actor);
  return e;
}

inline Event Submit(std::string acn = "D000042") {
  Event e = MakeEvent(EventKind::kSubmit, Applicant());
  e.control_number = std::move(acn);
  return e;
}

inline Event Refer(std::vector<Agency> agencies) {
  Event e = MakeEvent(EventKind::kRefer, Reviewer());
  e.agencies = std::move(agencies);
  return e;
}

inline Event Recommend(Agency agency, Recommendation recommendation, std::string reasoning,
                       std::vector<std::string> conditions = {}) {
  Event e = MakeEvent(EventKind::kRecommend, AgencyActor(agency));
  e.recommendation = recommendation;
  e.text = std::move(reasoning);
  e.conditions = std::move(conditions);
  return e;
}

inline Event Decide(EventKind kind, std::vector<std::string> criteria, std::string text) {
  Event e = MakeEvent(kind, Reviewer());
  e.criteria = std::move(criteria);
  e.text = std::move(text);
  return e;
}

}  // namespace tollgate::licensing::testing

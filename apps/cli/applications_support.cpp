#include "applications_support.h"

#include <iostream>

#include "json_file.h"
#include "tollgate/licensing/application_json.h"
#include "tollgate/rules/locate.h"

namespace tollgate::cli {
namespace {

std::string Money(std::int64_t cents) {
  std::string text = std::to_string(cents / 100) + ".";
  const auto rest = cents % 100;
  return text + (rest < 10 ? "0" : "") + std::to_string(rest);
}

std::string PartyText(const licensing::Party& p) {
  return p.name + (p.address.empty() ? "" : ", " + p.address) + " (" + p.country + ")";
}

std::string DeadlineText(const licensing::Deadline& d) {
  std::string when = d.days_left < 0    ? std::to_string(-d.days_left) + " day(s) overdue"
                     : d.days_left == 0 ? "due today"
                                        : std::to_string(d.days_left) + " day(s) left";
  return d.due.ToString() + "  " + when + "  " + d.what + " (" + d.citation +
         (d.check ? " [check]" : "") + ")";
}

}  // namespace

void AddActingFlags(CLI::App& command, ActingFlags& flags, bool with_date) {
  command.add_option("--as", flags.as, "the user acting (see `users add`)")->required();
  if (with_date) {
    command.add_option("--date", flags.date,
                       "the day the step is taken, YYYY-MM-DD (default today; for replays)");
  }
  command.add_option("--criteria", flags.criteria,
                     "criteria catalog JSON (default: the shipped data/criteria.json)");
}

std::unique_ptr<Session> Session::Open(const Context& context, const ActingFlags& flags,
                                       int& exit_code) {
  auto session = std::make_unique<Session>();
  session->store_ = OpenStoreOrReport(context, exit_code);
  if (!session->store_) return nullptr;
  auto user = session->store_->GetUser(flags.as);
  if (!user.ok()) {
    exit_code = Fail(MakeError(user.error().code, "--as: " + user.error().message));
    return nullptr;
  }
  session->user_ = *user;
  if (flags.date.empty()) {
    session->clock_ = std::make_unique<licensing::SystemClock>();
  } else {
    auto date = DateFlag("--date", flags.date);
    if (!date.ok()) {
      exit_code = Fail(date.error());
      return nullptr;
    }
    session->clock_ = std::make_unique<licensing::FixedClock>(*date);
  }
  auto criteria_path = flags.criteria.empty() ? licensing::ShippedCriteriaPath()
                                              : Result<std::filesystem::path>(flags.criteria);
  if (!criteria_path.ok()) {
    exit_code = Fail(criteria_path.error());
    return nullptr;
  }
  auto catalog = licensing::LoadCriteria(*criteria_path);
  if (!catalog.ok()) {
    exit_code = Fail(catalog.error());
    return nullptr;
  }
  session->catalog_ = std::move(catalog).value();
  session->workflow_ =
      std::make_unique<licensing::Workflow>(*session->store_, *session->clock_, session->catalog_);
  auto rules_dir = rules::RulesDir("");
  if (!rules_dir.ok()) {
    exit_code = Fail(rules_dir.error());
    return nullptr;
  }
  auto terms = licensing::LoadLicenseTerms(*rules_dir / "license_terms.json");
  if (!terms.ok()) {
    exit_code = Fail(terms.error());
    return nullptr;
  }
  session->terms_ = *terms;
  session->workflow_->UseLicenseTerms(std::move(terms).value());
  // The items' ECCNs are accepted as `check` accepts them: one catalog behind both.
  auto rules = rules::LoadRulesAt("");
  if (!rules.ok()) {
    exit_code = Fail(rules.error());
    return nullptr;
  }
  session->rules_ = std::move(rules).value();
  session->workflow_->UseEccnCheck(licensing::CatalogEccnCheck(session->rules_->catalog));
  return session;
}

storage::ChangeStamp Session::stamp() const {
  return {licensing::Describe(licensing::ActorFor(user_)), clock_->Timestamp()};
}

Result<licensing::Application> ReadForm(const std::string& path) {
  return FromJsonFile(path, [](const nlohmann::json& json) {
    return licensing::ApplicationFromJson(json, licensing::JsonScope::kForm);
  });
}

void PrintApplication(const licensing::Application& a,
                      const std::vector<storage::TimelineEntry>& timeline,
                      const std::vector<licensing::Deadline>& due,
                      const licensing::License* license) {
  const auto& r = a.review;
  std::cout << licensing::Subject(a) << " (" << licensing::StateName(a.state) << ", version "
            << a.version << ")\n"
            << "  applicant:           " << PartyText(a.applicant) << "; organization "
            << a.organization << "\n"
            << "  contact:             " << a.contact.name
            << (a.contact.email.empty() ? "" : " <" + a.contact.email + ">") << "\n";
  if (a.purchaser) std::cout << "  purchaser:           " << PartyText(*a.purchaser) << "\n";
  if (a.intermediate_consignee) {
    std::cout << "  intermediate:        " << PartyText(*a.intermediate_consignee) << "\n";
  }
  std::cout << "  ultimate consignee:  " << PartyText(a.ultimate_consignee) << "\n";
  if (a.end_user) std::cout << "  end user:            " << PartyText(*a.end_user) << "\n";
  std::cout << "  end use:             " << a.end_use << "\n"
            << "  destination:         " << a.destination << "\n";
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    const auto& item = a.items[i];
    std::cout << "  item " << i << ":              " << item.eccn << " " << item.description << "; "
              << item.quantity << " " << item.units << " at " << Money(item.unit_price_cents)
              << " = " << item.value_usd << " USD\n";
  }
  for (const auto& d : a.documents) std::cout << "  document:            " << d << "\n";
  for (const auto& rec : r.recommendations) {
    std::cout << "  recommendation:      " << licensing::AgencyName(rec.agency) << " "
              << licensing::RecommendationName(rec.recommendation) << " on " << rec.on.ToString()
              << ": " << rec.reasoning << "\n";
  }
  if (r.intent_to_deny) {
    std::cout << "  intent to deny:      " << r.intent_to_deny->issued_on.ToString()
              << ", response due " << r.intent_to_deny->response_due.ToString() << ": "
              << r.intent_to_deny->reasons << "\n";
  }
  if (r.response) {
    std::cout << "  response:            " << r.response->on.ToString() << ": " << r.response->text
              << "\n";
  }
  if (r.decision) {
    std::cout << "  decision:            " << r.decision->on.ToString() << ": "
              << r.decision->reasoning << "\n";
    for (const auto& c : r.decision->criteria) std::cout << "    criterion:         " << c << "\n";
    for (const auto& c : r.decision->conditions) {
      std::cout << "    condition:         " << c << "\n";
    }
    for (const auto& part : r.decision->approved_items) {
      std::cout << "    approved:          item " << part.item << ", quantity " << part.quantity
                << "\n";
    }
  }
  if (license != nullptr) {
    std::cout << "  license:             " << license->number << " ("
              << licensing::LicenseStatusName(license->status) << "), valid "
              << license->valid_from.ToString() << ".." << license->valid_until.ToString() << "\n";
  }
  for (const auto& d : due) std::cout << "  due:                 " << DeadlineText(d) << "\n";
  for (const auto* t : licensing::AllowedFrom(a.state)) {
    std::cout << "  next:                " << licensing::EventName(t->event) << ": " << t->needs
              << "\n";
  }
  if (!timeline.empty()) std::cout << "timeline:\n";
  for (const auto& t : timeline) {
    std::cout << "  " << t.seq << "  " << t.on.ToString() << "  "
              << licensing::EventName(t.event.kind) << "  " << licensing::StateName(t.from)
              << " -> " << licensing::StateName(t.to) << "  by "
              << licensing::Describe(t.event.actor) << "\n";
  }
}

void PrintScreening(const std::vector<storage::ScreeningMatchRecord>& matches) {
  if (matches.empty()) return;
  std::cout << "screening:\n";
  for (const auto& m : matches) {
    std::cout << "  " << m.seq << "  " << m.screened_on.ToString() << "  " << m.role << " '"
              << m.party << "' ~ " << m.list << " " << m.entry_id << " '"
              << m.detail.value("entry_name", "") << "' score " << m.detail.value("score", 0.0)
              << " (" << m.detail.value("effect", "") << "); " << m.reason << "\n";
  }
}

void PrintApplicationLine(const licensing::Application& a) {
  std::cout << (a.control_number.empty() ? "#" + std::to_string(a.id) : a.control_number) << "  "
            << licensing::StateName(a.state) << "  " << a.applicant.name << " -> " << a.destination
            << "  " << a.items.size() << " item(s)  " << licensing::TotalValueUsd(a) << " USD\n";
}

void PrintDueLine(const licensing::DueLine& line) {
  std::cout << line.subject << "  " << licensing::StateName(line.state) << "  "
            << licensing::DeadlineKindName(line.deadline.kind) << "  "
            << DeadlineText(line.deadline) << "\n";
}

}  // namespace tollgate::cli

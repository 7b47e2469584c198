#include "check_support.h"

#include <cstdio>
#include <string>

namespace tollgate::cli {
namespace {

std::string Score(double score) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", score);
  return buf;
}

}  // namespace

void PrintDetermination(std::ostream& out, const rules::Determination& d) {
  const auto& tx = d.transaction;
  out << rules::DecisionName(d.decision) << "  to " << tx.destination << " on "
      << tx.date.ToString();
  if (!tx.exporter.empty()) out << ", exporter " << tx.exporter;
  if (!tx.activity.empty()) out << ", activity " << tx.activity;
  out << "\n";
  for (const auto& item : d.items) {
    out << "\n  " << item.eccn << ": " << rules::DecisionName(item.decision) << "\n";
    for (const auto& r : item.requirements) {
      out << "    requires a license: " << r.basis << " [" << r.citation << "]\n"
          << "      review policy: " << r.review_policy << "\n";
    }
    for (const auto& a : item.authorized_by) {
      out << "    authorized by: " << a.name << " [" << a.citation << "]\n";
    }
    for (const auto& reason : item.review_reasons) out << "    review: " << reason << "\n";
  }
  if (!d.conditions.empty()) {
    out << "\n  conditions:\n";
    for (const auto& c : d.conditions) out << "    - " << c.text << " [" << c.citation << "]\n";
  }
  if (!d.matches.empty()) {
    out << "\n  screening matches:\n";
    for (const auto& m : d.matches) {
      out << "    " << Score(m.score) << " " << (m.block ? "block " : "review") << "  "
          << rules::PartyRoleName(m.role) << " '" << m.party << "' ~ " << m.list << " "
          << m.entry_id << " '" << m.entry_name << "': " << m.effect << "\n"
          << "          why: " << m.explanation << "\n";
    }
  }
  out << "\n  trace:\n";
  int n = 0;
  auto print_steps = [&](const std::vector<rules::TraceStep>& steps, const std::string& prefix) {
    for (const auto& step : steps) {
      out << "    " << ++n << ". " << prefix << step.step << ": " << step.finding;
      if (!step.citation.empty()) out << " [" << step.citation << "]";
      if (step.check) out << " [check]";
      out << "\n";
    }
  };
  if (d.lists_step) print_steps({*d.lists_step}, "");
  std::vector<rules::TraceStep> head(d.trace.begin(), d.trace.end() - 1);
  print_steps(head, "");
  for (const auto& item : d.items) print_steps(item.trace, item.eccn + " ");
  print_steps({d.trace.back()}, "");
}

}  // namespace tollgate::cli

#include "tollgate/forms/report_render.h"

#include <cstdio>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <vector>

#include "tollgate/common/csv_writer.h"

namespace tollgate::forms {
namespace {

struct Row {
  const char* key;    // JSON and CSV name
  const char* label;  // table and Markdown label
  nlohmann::json value;
};

std::vector<Row> StatsRows(const reports::Stats& s) {
  const auto optional = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
  return {
      {"as_of", "as of", s.as_of.ToString()},
      {"received", "received", s.received},
      {"registered", "registered", s.registered},
      {"referred", "referred to the agencies", s.referred},
      {"processed", "processed", s.processed},
      {"approved", "approved", s.approved},
      {"approved_in_whole", "  in whole", s.approved_in_whole},
      {"approved_in_part", "  in part", s.approved_in_part},
      {"intent_to_deny_pending", "intent to deny pending", s.intent_to_deny_pending},
      {"denied", "denied", s.denied},
      {"returned_without_action", "returned without action", s.returned_without_action},
      {"withdrawn", "withdrawn", s.withdrawn},
      {"in_review", "in review", s.in_review},
      {"decisions_timed", "decisions timed", s.decisions_timed},
      {"median_days_to_decision", "median days to decision", optional(s.median_days_to_decision)},
      {"p90_days_to_decision", "90th percentile days to decision",
       optional(s.p90_days_to_decision)},
      {"overdue", "overdue", s.overdue},
  };
}

std::string Text(const nlohmann::json& value) {
  if (value.is_null()) return "-";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_float()) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value.get<double>());
    return buffer;
  }
  return value.dump();
}

// Formula-safe (common/csv_writer.h): the criteria report carries applicants' text.
std::string Csv(const std::string& value) { return CsvCell(value); }

// Markdown table cells: a pipe would end the cell.
std::string Md(const std::string& value) {
  std::string escaped;
  for (char c : value) {
    if (c == '|') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

std::string Joined(const std::vector<std::string>& parts, const char* separator) {
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) text += (i ? separator : "") + parts[i];
  return text;
}

std::string Period(const reports::CriteriaReport& r) {
  return (r.from ? r.from->ToString() : std::string("the first decision")) + " to " +
         r.to.ToString();
}

nlohmann::json CriteriaJson(const reports::CriteriaReport& r) {
  nlohmann::json out = {{"from", r.from ? nlohmann::json(r.from->ToString()) : nlohmann::json()},
                        {"to", r.to.ToString()},
                        {"decisions", nlohmann::json::array()},
                        {"criteria", nlohmann::json::array()}};
  for (const auto& d : r.decisions) {
    out["decisions"].push_back({{"control_number", d.control_number},
                                {"applicant", d.applicant},
                                {"outcome", reports::OutcomeName(d.outcome)},
                                {"decided_on", d.decided_on.ToString()},
                                {"criteria", d.criteria}});
  }
  for (const auto& t : r.criteria) {
    out["criteria"].push_back({{"id", t.id},
                               {"text", t.text},
                               {"points_to", licensing::DirectionName(t.points_to)},
                               {"approved", t.approved},
                               {"intent_to_deny", t.intent_to_deny},
                               {"denied", t.denied}});
  }
  return out;
}

}  // namespace

std::optional<ReportFormat> ParseReportFormat(const std::string& name) {
  if (name == "table") return ReportFormat::kTable;
  if (name == "json") return ReportFormat::kJson;
  if (name == "csv") return ReportFormat::kCsv;
  if (name == "md") return ReportFormat::kMarkdown;
  return std::nullopt;
}

void RenderStats(const reports::Stats& stats, ReportFormat format, std::ostream& out) {
  const auto rows = StatsRows(stats);
  switch (format) {
    case ReportFormat::kJson: {
      nlohmann::json json = nlohmann::json::object();
      for (const auto& row : rows) json[row.key] = row.value;
      out << json.dump(2) << "\n";
      return;
    }
    case ReportFormat::kCsv:
      out << "measure,value\n";
      for (const auto& row : rows) {
        out << row.key << "," << (row.value.is_null() ? "" : Csv(Text(row.value))) << "\n";
      }
      return;
    case ReportFormat::kMarkdown:
      out << "| measure | value |\n|---|---:|\n";
      for (const auto& row : rows) out << "| " << row.label << " | " << Text(row.value) << " |\n";
      return;
    case ReportFormat::kTable:
      out << "License applications as of " << stats.as_of.ToString()
          << " (aggregates over all applications)\n";
      for (std::size_t i = 1; i < rows.size(); ++i) {
        out << "  " << std::left << std::setw(34) << rows[i].label << Text(rows[i].value) << "\n";
      }
      return;
  }
}

void RenderCriteriaReport(const reports::CriteriaReport& r, ReportFormat format,
                          std::ostream& out) {
  switch (format) {
    case ReportFormat::kJson:
      out << CriteriaJson(r).dump(2) << "\n";
      return;
    case ReportFormat::kCsv:
      // One table: a decision row per application, then a criterion row per criterion.
      out << "kind,decided_on,control_number,applicant,outcome,criteria,approved,"
             "intent_to_deny,denied\n";
      for (const auto& d : r.decisions) {
        out << "decision," << d.decided_on.ToString() << "," << Csv(d.control_number) << ","
            << Csv(d.applicant) << "," << reports::OutcomeName(d.outcome) << ","
            << Csv(Joined(d.criteria, ";")) << ",,,\n";
      }
      for (const auto& t : r.criteria) {
        out << "criterion,,,,," << Csv(t.id) << "," << t.approved << "," << t.intent_to_deny << ","
            << t.denied << "\n";
      }
      return;
    case ReportFormat::kMarkdown:
      out << "## Criteria applied to license decisions, " << Period(r) << "\n\n"
          << "| decided on | application | applicant | outcome | criteria |\n"
          << "|---|---|---|---|---|\n";
      for (const auto& d : r.decisions) {
        out << "| " << d.decided_on.ToString() << " | " << Md(d.control_number) << " | "
            << Md(d.applicant) << " | " << reports::OutcomeName(d.outcome) << " | "
            << Md(Joined(d.criteria, ", ")) << " |\n";
      }
      out << "\n| criterion | points to | approved | intent to deny | denied |\n"
          << "|---|---|---:|---:|---:|\n";
      for (const auto& t : r.criteria) {
        out << "| " << Md(t.id) << ": " << Md(t.text) << " | "
            << licensing::DirectionName(t.points_to) << " | " << t.approved << " | "
            << t.intent_to_deny << " | " << t.denied << " |\n";
      }
      return;
    case ReportFormat::kTable:
      out << "Criteria applied to license decisions, " << Period(r) << ": " << r.decisions.size()
          << " decision(s)\n";
      for (const auto& d : r.decisions) {
        out << "  " << d.decided_on.ToString() << "  " << std::left << std::setw(9)
            << d.control_number << std::setw(17) << reports::OutcomeName(d.outcome) << std::setw(32)
            << d.applicant << Joined(d.criteria, ", ") << "\n";
      }
      out << "per criterion:\n  " << std::left << std::setw(34) << "criterion" << std::setw(10)
          << "approved" << std::setw(16) << "intent_to_deny" << std::setw(8) << "denied"
          << "points to\n";
      for (const auto& t : r.criteria) {
        out << "  " << std::left << std::setw(34) << t.id << std::setw(10) << t.approved
            << std::setw(16) << t.intent_to_deny << std::setw(8) << t.denied
            << licensing::DirectionName(t.points_to) << "\n";
      }
      return;
  }
}

}  // namespace tollgate::forms

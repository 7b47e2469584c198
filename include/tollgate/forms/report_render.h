// Renderers of the reports (reports/stats.h, reports/criteria_report.h): a plain-text
// table, JSON, CSV (RFC 4180, one rectangular table) or Markdown. The reports are data;
// these are the one form of each that `tollgate report` and /api/reports both answer
// with, so the two cannot drift apart.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "tollgate/reports/criteria_report.h"
#include "tollgate/reports/stats.h"

namespace tollgate::forms {

enum class ReportFormat { kTable, kJson, kCsv, kMarkdown };
// "table", "json", "csv", "md"
std::optional<ReportFormat> ParseReportFormat(const std::string& name);

void RenderStats(const reports::Stats& stats, ReportFormat format, std::ostream& out);
void RenderCriteriaReport(const reports::CriteriaReport& report, ReportFormat format,
                          std::ostream& out);

}  // namespace tollgate::forms

// The trade.gov Consolidated Screening List as CSV: a header row of 28 columns (29
// with a leading _id in current exports), list-valued fields joined with "; ".

#include <map>
#include <utility>

#include "lists/formats/csl_common.h"
#include "lists/formats/csv_table.h"
#include "lists/formats/reader_util.h"
#include "lists/formats/readers.h"

namespace tollgate::lists::formats {
namespace {

enum Column : std::size_t {
  kId,
  kSource,
  kEntityNumber,
  kType,
  kPrograms,
  kName,
  kTitle,
  kAddresses,
  kFederalRegister,
  kStartDate,
  kEndDate,
  kLicenseRequirement,
  kLicensePolicy,
  kCallSign,
  kVesselFlag,
  kRemarks,
  kSourceListUrl,
  kAltNames,
  kCitizenships,
  kDatesOfBirth,
  kNationalities,
  kSourceInformationUrl,
  kIds,
};

// Only source and name are needed; the other columns are read when present.
constexpr ColumnSpec kColumns[] = {
    {"_id", false},
    {"source"},
    {"entity_number", false},
    {"type", false},
    {"programs", false},
    {"name"},
    {"title", false},
    {"addresses", false},
    {"federal_register_notice", false},
    {"start_date", false},
    {"end_date", false},
    {"license_requirement", false},
    {"license_policy", false},
    {"call_sign", false},
    {"vessel_flag", false},
    {"remarks", false},
    {"source_list_url", false},
    {"alt_names", false},
    {"citizenships", false},
    {"dates_of_birth", false},
    {"nationalities", false},
    {"source_information_url", false},
    {"ids", false},
};

CslRecord Record(const CsvTable& t) {
  CslRecord r;
  r.source = t.get(kSource);
  r.id = t.get(kId);
  r.entity_number = t.get(kEntityNumber);
  r.type = t.get(kType);
  r.name = t.get(kName);
  r.title = t.get(kTitle);
  r.federal_register_notice = t.get(kFederalRegister);
  r.start_date = t.get(kStartDate);
  r.end_date = t.get(kEndDate);
  r.license_requirement = t.get(kLicenseRequirement);
  r.license_policy = t.get(kLicensePolicy);
  r.call_sign = t.get(kCallSign);
  r.vessel_flag = t.get(kVesselFlag);
  r.remarks = t.get(kRemarks);
  r.source_list_url = t.get(kSourceListUrl);
  r.source_information_url = t.get(kSourceInformationUrl);
  r.programs = SplitClean(t.get(kPrograms), ";");
  r.alt_names = SplitClean(t.get(kAltNames), ";");
  r.citizenships = SplitClean(t.get(kCitizenships), ";");
  r.nationalities = SplitClean(t.get(kNationalities), ";");
  r.dates_of_birth = SplitClean(t.get(kDatesOfBirth), ";");
  for (const std::string& address : SplitClean(t.get(kAddresses), ";")) {
    r.addresses.push_back(ParseCslAddress(address));
  }
  return r;
}

}  // namespace

Result<ParsedList> ReadCslCsv(const std::filesystem::path& path, std::string_view bytes) {
  const std::string source = path.string();
  Result<std::string> text = DecodeCsvText(bytes, source);
  if (!text.ok()) return text.error();
  CsvReader csv(*text, source);
  CsvTable table(csv);
  if (Status s = table.ReadHeader(kColumns); !s.ok()) return s.error();

  ParsedList out;
  out.format = Format::kCslCsv;
  out.files_read.push_back(path);
  std::vector<std::string> joined_ids;  // parsed once the file's id order is known
  std::map<std::pair<std::string, std::string>, int> published_ids;  // -> line
  while (true) {
    Result<bool> next = csv.Next();
    if (!next.ok()) return next.error();
    if (!*next) break;
    CslRecord record = Record(table);
    Result<ListEntry> entry =
        BuildCslEntry(record, [&](std::string_view field, std::string_view what) {
          for (std::size_t k = 0; k < std::size(kColumns); ++k) {
            if (kColumns[k].name == field) return table.FieldError(k, what);
          }
          return csv.RecordError(std::string(field) + ": " + std::string(what));
        });
    if (!entry.ok()) return entry.error();
    bool published = !CleanText(record.entity_number).empty() || !CleanText(record.id).empty();
    if (published) {
      auto [it, inserted] =
          published_ids.emplace(std::pair(entry->list, entry->entry_id), csv.line());
      if (!inserted) {
        return table.FieldError(table.has(kEntityNumber) && !CleanText(record.entity_number).empty()
                                    ? kEntityNumber
                                    : kId,
                                "duplicate id " + entry->entry_id + " in list " + entry->list +
                                    " (first on line " + std::to_string(it->second) + ")");
      }
    }
    joined_ids.push_back(table.get(kIds));
    out.entries.push_back(std::move(*entry));
  }
  IdOrder order = VoteIdOrder(joined_ids);
  for (std::size_t i = 0; i < out.entries.size(); ++i) {
    for (Identifier& id : ParseCslIds(joined_ids[i], order)) {
      out.entries[i].ids.push_back(std::move(id));
    }
  }
  MakeIdsUnique(out.entries);
  return out;
}

}  // namespace tollgate::lists::formats

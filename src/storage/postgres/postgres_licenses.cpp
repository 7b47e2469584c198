#include "storage/postgres/postgres_licenses.h"

#include "storage/postgres/license_sql.h"
#include "storage/postgres/postgres_workflow.h"
#include "storage/postgres/schema.h"
#include "storage/postgres/workflow_sql.h"
#include "storage/stored_applications.h"
#include "storage/stored_licenses.h"

namespace tollgate::storage::postgres {

Status InsertLicense(PgConnection& db, const licensing::License& license) {
  auto count = db.Exec(kCountLicense, {license.number});
  if (!count.ok()) return count.error();
  if (count->Int(0, 0) != 0) return LicenseExists(license.number);
  if (!license.organization.empty()) {
    auto known = db.Exec(kCountOrganization, {license.organization});
    if (!known.ok()) return known.error();
    if (known->Int(0, 0) == 0) return UnknownOrganization(license.organization);
  }
  auto inserted = db.Exec(
      kInsertLicense,
      {license.number, license.holder, licensing::FoldPartyName(license.holder),
       license.destination, license.valid_from.ToString(), license.valid_until.ToString(),
       licensing::LicenseStatusName(license.status), license.issued_on, ConditionsJson(license),
       license.organization, license.application, license.created_by});
  if (!inserted.ok()) return inserted.error();
  std::int64_t seq = 0;
  for (const auto& p : license.parties) {
    auto r = db.Exec(kInsertLicenseParty, {license.number, std::to_string(seq++),
                                           rules::PartyRoleName(p.role), p.name, p.country});
    if (!r.ok()) return r.error();
  }
  seq = 0;
  for (const auto& i : license.items) {
    auto r = db.Exec(kInsertLicenseItem,
                     {license.number, std::to_string(seq++), i.eccn, i.description,
                      AmountText(i.quantity), AmountText(i.value_usd),
                      AmountText(i.remaining_quantity), AmountText(i.remaining_value_usd)});
    if (!r.ok()) return r.error();
  }
  return {};
}

Result<std::vector<licensing::License>> SelectLicenses(PgConnection& db, const std::string& number,
                                                       const std::string& holder_folded,
                                                       const LicenseFilter& filter) {
  auto rows = db.Exec(kSelectLicenses, {number, holder_folded, filter.organization.value_or(""),
                                        filter.application.value_or("")});
  if (!rows.ok()) return rows.error();
  std::vector<licensing::License> licenses;
  for (int i = 0; i < rows->rows(); ++i) {
    StoredLicenseRow row{rows->Text(i, 0), rows->Text(i, 1), rows->Text(i, 2), rows->Text(i, 3),
                         rows->Text(i, 4), rows->Text(i, 5), rows->Text(i, 6), rows->Text(i, 7),
                         rows->Text(i, 8), rows->Text(i, 9), rows->Text(i, 10)};
    auto party_rows = db.Exec(kSelectLicenseParties, {row.number});
    if (!party_rows.ok()) return party_rows.error();
    std::vector<StoredPartyRow> parties;
    for (int p = 0; p < party_rows->rows(); ++p) {
      parties.push_back({party_rows->Text(p, 0), party_rows->Text(p, 1), party_rows->Text(p, 2)});
    }
    auto item_rows = db.Exec(kSelectLicenseItems, {row.number});
    if (!item_rows.ok()) return item_rows.error();
    std::vector<StoredItemRow> items;
    for (int k = 0; k < item_rows->rows(); ++k) {
      items.push_back({item_rows->Text(k, 0), item_rows->Text(k, 1), item_rows->Text(k, 2),
                       item_rows->Text(k, 3), item_rows->Text(k, 4), item_rows->Text(k, 5)});
    }
    auto license = DecodeLicense(row, parties, items);
    if (!license.ok()) return license.error();
    licenses.push_back(std::move(license).value());
  }
  return licenses;
}

Result<Approval> WorkflowTables::RecordApproval(licensing::Application after,
                                                const licensing::Event& event, Date on,
                                                const std::string& timestamp,
                                                licensing::License license) {
  // The audit lock also serializes issuing numbers: one approval at a time.
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto next = WriteTransition(std::move(after), event, on, timestamp);
  if (!next.ok()) return next.error();
  auto last = db_.Exec(kSelectLastIssuedLicense);
  if (!last.ok()) return last.error();
  // A license registered by hand may hold the next number: skip past it.
  for (std::int64_t sequence = last->Int(0, 0) + 1;; ++sequence) {
    license.number = IssuedLicenseNumber(sequence);
    auto count = db_.Exec(kCountLicense, {license.number});
    if (!count.ok()) return count.error();
    if (count->Int(0, 0) == 0) break;
  }
  license.created_by = licensing::Describe(event.actor);
  auto validated = licensing::ValidateLicense(std::move(license));
  if (!validated.ok()) return validated.error();
  if (auto s = InsertLicense(db_, *validated); !s.ok()) return s.error();
  if (auto a = AppendAudit(LicenseIssued(*validated, licensing::Describe(event.actor), timestamp));
      !a.ok()) {
    return a.error();
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return Approval{std::move(next).value(), std::move(validated).value()};
}

Result<licensing::License> WorkflowTables::RecordShipment(licensing::Shipment shipment,
                                                          const ChangeStamp& stamp) {
  if (auto s = licensing::ValidateShipment(shipment); !s.ok()) return s.error();
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto version = db_.Exec(kSelectLicenseVersion, {shipment.license_number});
  if (!version.ok()) return version.error();
  if (version->rows() == 0) return UnknownLicense(shipment.license_number);
  const std::string read_version = version->Text(0, 0);
  auto found = SelectLicenses(db_, shipment.license_number, "", {});
  if (!found.ok()) return found.error();
  if (found->empty()) return UnknownLicense(shipment.license_number);
  const licensing::License& before = found->front();
  auto after = licensing::DrawDown(before, shipment);
  if (!after.ok()) return after.error();

  auto bumped = db_.Exec(kBumpLicenseVersion, {before.number, read_version});
  if (!bumped.ok()) return bumped.error();
  if (bumped->rows() != 1) return LicenseChanged(before.number);
  for (std::size_t i = 0; i < after->items.size(); ++i) {
    const auto& item = after->items[i];
    auto r = db_.Exec(kUpdateLicenseRemaining,
                      {before.number, std::to_string(i), AmountText(item.remaining_quantity),
                       AmountText(item.remaining_value_usd)});
    if (!r.ok()) return r.error();
  }
  auto seq = db_.Exec(kNextShipmentSeq, {before.number});
  if (!seq.ok()) return seq.error();
  shipment.seq = seq->Int(0, 0);
  shipment.recorded_by = stamp.actor;
  shipment.recorded_at = stamp.timestamp;
  auto inserted = db_.Exec(kInsertShipment,
                           {before.number, std::to_string(shipment.seq), shipment.date.ToString(),
                            stamp.timestamp, ShipmentBody(shipment)});
  if (!inserted.ok()) return inserted.error();
  if (auto a = AppendAudit(ShipmentRecorded(before, *after, shipment, stamp)); !a.ok()) {
    return a.error();
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return after;
}

Result<std::vector<licensing::Shipment>> WorkflowTables::Shipments(
    const std::string& license_number) {
  auto known = db_.Exec(kCountLicense, {license_number});
  if (!known.ok()) return known.error();
  if (known->Int(0, 0) == 0) return UnknownLicense(license_number);
  auto rows = db_.Exec(kSelectShipments, {license_number});
  if (!rows.ok()) return rows.error();
  std::vector<licensing::Shipment> shipments;
  for (int i = 0; i < rows->rows(); ++i) {
    auto shipment = DecodeShipment(license_number, rows->Int(i, 0), rows->Text(i, 1));
    if (!shipment.ok()) return shipment.error();
    shipments.push_back(std::move(shipment).value());
  }
  return shipments;
}

}  // namespace tollgate::storage::postgres

// SqlStore's licenses: writing one with its parties and items and reading them back,
// licenses issued on approval, and the shipments drawing them down (tables:
// migrations 2 and 4).
#include "storage/queries.h"
#include "storage/sql_store.h"
#include "storage/stored_applications.h"
#include "storage/stored_licenses.h"

namespace tollgate::storage {

Status SqlStore::InsertLicense(const licensing::License& license) {
  auto exists = Exists(q::kCountLicense, license.number);
  if (!exists.ok()) return exists.error();
  if (*exists) return LicenseExists(license.number);
  if (!license.organization.empty()) {
    auto known = Exists(q::kCountOrganization, license.organization);
    if (!known.ok()) return known.error();
    if (!*known) return UnknownOrganization(license.organization);
  }
  auto inserted = db_->Run(
      q::kInsertLicense,
      {license.number, license.holder, licensing::FoldPartyName(license.holder),
       license.destination, license.valid_from.ToString(), license.valid_until.ToString(),
       licensing::LicenseStatusName(license.status), license.issued_on, ConditionsJson(license),
       license.organization, license.application, license.created_by});
  if (!inserted.ok()) return inserted.error();
  std::int64_t seq = 0;
  for (const auto& p : license.parties) {
    auto r = db_->Run(q::kInsertLicenseParty,
                      {license.number, seq++, rules::PartyRoleName(p.role), p.name, p.country});
    if (!r.ok()) return r.error();
  }
  seq = 0;
  for (const auto& i : license.items) {
    auto r = db_->Run(q::kInsertLicenseItem,
                      {license.number, seq++, i.eccn, i.description, AmountText(i.quantity),
                       AmountText(i.value_usd), AmountText(i.remaining_quantity),
                       AmountText(i.remaining_value_usd)});
    if (!r.ok()) return r.error();
  }
  return {};
}

Result<std::vector<licensing::License>> SqlStore::SelectLicenses(const std::string& number,
                                                                 const std::string& holder_folded,
                                                                 const LicenseFilter& filter) {
  auto rows = db_->Run(q::kSelectLicenses, {number, holder_folded, filter.organization.value_or(""),
                                            filter.application.value_or("")});
  if (!rows.ok()) return rows.error();
  std::vector<licensing::License> licenses;
  for (int i = 0; i < rows->size(); ++i) {
    StoredLicenseRow row{rows->Take(i, 0), rows->Take(i, 1), rows->Take(i, 2), rows->Take(i, 3),
                         rows->Take(i, 4), rows->Take(i, 5), rows->Take(i, 6), rows->Take(i, 7),
                         rows->Take(i, 8), rows->Take(i, 9), rows->Take(i, 10)};
    auto party_rows = db_->Run(q::kSelectLicenseParties, {row.number});
    if (!party_rows.ok()) return party_rows.error();
    std::vector<StoredPartyRow> parties;
    for (int p = 0; p < party_rows->size(); ++p) {
      parties.push_back({party_rows->Take(p, 0), party_rows->Take(p, 1), party_rows->Take(p, 2)});
    }
    auto item_rows = db_->Run(q::kSelectLicenseItems, {row.number});
    if (!item_rows.ok()) return item_rows.error();
    std::vector<StoredItemRow> items;
    for (int k = 0; k < item_rows->size(); ++k) {
      items.push_back({item_rows->Take(k, 0), item_rows->Take(k, 1), item_rows->Take(k, 2),
                       item_rows->Take(k, 3), item_rows->Take(k, 4), item_rows->Take(k, 5)});
    }
    auto license = DecodeLicense(row, parties, items);
    if (!license.ok()) return license.error();
    licenses.push_back(std::move(license).value());
  }
  return licenses;
}

Result<std::vector<licensing::License>> SqlStore::FindLicenses(const LicenseFilter& filter) {
  return SelectLicenses("", "", filter);
}

Result<Approval> SqlStore::RecordApproval(licensing::Application after,
                                          const licensing::Event& event, Date on,
                                          const std::string& timestamp,
                                          licensing::License license) {
  // The audit lock also serializes issuing numbers: one approval at a time.
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto next = WriteTransition(std::move(after), event, on, timestamp);
  if (!next.ok()) return next.error();
  auto last = db_->Run(q::kSelectLastIssuedLicense);
  if (!last.ok()) return last.error();
  // A license registered by hand may hold the next number: skip past it.
  for (std::int64_t sequence = last->Int(0, 0) + 1;; ++sequence) {
    license.number = IssuedLicenseNumber(sequence);
    auto taken = Exists(q::kCountLicense, license.number);
    if (!taken.ok()) return taken.error();
    if (!*taken) break;
  }
  license.created_by = licensing::Describe(event.actor);
  auto validated = licensing::ValidateLicense(std::move(license));
  if (!validated.ok()) return validated.error();
  if (auto s = InsertLicense(*validated); !s.ok()) return s.error();
  if (auto a = AppendAudit(LicenseIssued(*validated, licensing::Describe(event.actor), timestamp));
      !a.ok()) {
    return a.error();
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return Approval{std::move(next).value(), std::move(validated).value()};
}

Result<licensing::License> SqlStore::RecordShipment(licensing::Shipment shipment,
                                                    const ChangeStamp& stamp) {
  if (auto s = licensing::ValidateShipment(shipment); !s.ok()) return s.error();
  // No other writer between the read of what remains and the write: SQLite's write
  // lock, or PostgreSQL's row lock (kSelectLicenseVersion ... FOR UPDATE).
  auto tx = BeginAudited();
  if (!tx.ok()) return tx.error();
  auto version = db_->Run(q::kSelectLicenseVersion, {shipment.license_number});
  if (!version.ok()) return version.error();
  if (version->empty()) return UnknownLicense(shipment.license_number);
  const std::int64_t read_version = version->Int(0, 0);
  auto found = SelectLicenses(shipment.license_number, "", {});
  if (!found.ok()) return found.error();
  if (found->empty()) return UnknownLicense(shipment.license_number);
  const licensing::License& before = found->front();
  auto after = licensing::DrawDown(before, shipment);
  if (!after.ok()) return after.error();

  auto bumped = db_->Run(q::kBumpLicenseVersion, {before.number, read_version});
  if (!bumped.ok()) return bumped.error();
  if (bumped->size() != 1) return LicenseChanged(before.number);
  for (std::size_t i = 0; i < after->items.size(); ++i) {
    const auto& item = after->items[i];
    auto r = db_->Run(q::kUpdateLicenseRemaining,
                      {before.number, static_cast<std::int64_t>(i),
                       AmountText(item.remaining_quantity), AmountText(item.remaining_value_usd)});
    if (!r.ok()) return r.error();
  }
  auto seq = db_->Run(q::kNextShipmentSeq, {before.number});
  if (!seq.ok()) return seq.error();
  shipment.seq = seq->Int(0, 0);
  shipment.recorded_by = stamp.actor;
  shipment.recorded_at = stamp.timestamp;
  auto inserted =
      db_->Run(q::kInsertShipment, {before.number, shipment.seq, shipment.date.ToString(),
                                    stamp.timestamp, ShipmentBody(shipment)});
  if (!inserted.ok()) return inserted.error();
  if (auto a = AppendAudit(ShipmentRecorded(before, *after, shipment, stamp)); !a.ok()) {
    return a.error();
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return after;
}

Result<std::vector<licensing::Shipment>> SqlStore::Shipments(const std::string& license_number) {
  auto known = Exists(q::kCountLicense, license_number);
  if (!known.ok()) return known.error();
  if (!*known) return UnknownLicense(license_number);
  auto rows = db_->Run(q::kSelectShipments, {license_number});
  if (!rows.ok()) return rows.error();
  std::vector<licensing::Shipment> shipments;
  for (int i = 0; i < rows->size(); ++i) {
    auto shipment = DecodeShipment(license_number, rows->Int(i, 0), rows->Text(i, 1));
    if (!shipment.ok()) return shipment.error();
    shipments.push_back(std::move(shipment).value());
  }
  return shipments;
}

}  // namespace tollgate::storage

#include "storage/sqlite/sqlite_licenses.h"

#include "storage/sqlite/license_sql.h"
#include "storage/sqlite/schema.h"
#include "storage/sqlite/sqlite_workflow.h"
#include "storage/sqlite/workflow_sql.h"
#include "storage/stored_applications.h"
#include "storage/stored_licenses.h"

namespace tollgate::storage::sqlite {

Status InsertLicense(Connection& db, const licensing::License& license) {
  auto count = db.Prepare(kCountLicense);
  if (!count.ok()) return count.error();
  if (auto row = count->Bind(1, license.number).Step(); !row.ok()) return row.error();
  if (count->Int(0) != 0) return LicenseExists(license.number);
  if (!license.organization.empty()) {
    auto known = db.Prepare(kCountOrganization);
    if (!known.ok()) return known.error();
    if (auto row = known->Bind(1, license.organization).Step(); !row.ok()) return row.error();
    if (known->Int(0) == 0) return UnknownOrganization(license.organization);
  }
  auto insert = db.Prepare(kInsertLicense);
  if (!insert.ok()) return insert.error();
  auto s = insert->Bind(1, license.number)
               .Bind(2, license.holder)
               .Bind(3, licensing::FoldPartyName(license.holder))
               .Bind(4, license.destination)
               .Bind(5, license.valid_from.ToString())
               .Bind(6, license.valid_until.ToString())
               .Bind(7, licensing::LicenseStatusName(license.status))
               .Bind(8, license.issued_on)
               .Bind(9, ConditionsJson(license))
               .Bind(10, license.organization)
               .Bind(11, license.application)
               .Bind(12, license.created_by)
               .Run();
  if (!s.ok()) return s;
  auto party = db.Prepare(kInsertLicenseParty);
  if (!party.ok()) return party.error();
  std::int64_t seq = 0;
  for (const auto& p : license.parties) {
    auto st = party->Bind(1, license.number)
                  .Bind(2, seq++)
                  .Bind(3, rules::PartyRoleName(p.role))
                  .Bind(4, p.name)
                  .Bind(5, p.country)
                  .Run();
    if (!st.ok()) return st;
    party->Reset();
  }
  auto item = db.Prepare(kInsertLicenseItem);
  if (!item.ok()) return item.error();
  seq = 0;
  for (const auto& i : license.items) {
    auto st = item->Bind(1, license.number)
                  .Bind(2, seq++)
                  .Bind(3, i.eccn)
                  .Bind(4, i.description)
                  .Bind(5, AmountText(i.quantity))
                  .Bind(6, AmountText(i.value_usd))
                  .Bind(7, AmountText(i.remaining_quantity))
                  .Bind(8, AmountText(i.remaining_value_usd))
                  .Run();
    if (!st.ok()) return st;
    item->Reset();
  }
  return {};
}

Result<std::vector<licensing::License>> SelectLicenses(Connection& db, const std::string& number,
                                                       const std::string& holder_folded,
                                                       const LicenseFilter& filter) {
  auto select = db.Prepare(kSelectLicenses);
  if (!select.ok()) return select.error();
  select->Bind(1, number)
      .Bind(2, holder_folded)
      .Bind(3, filter.organization.value_or(""))
      .Bind(4, filter.application.value_or(""));
  std::vector<StoredLicenseRow> rows;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    rows.push_back({select->Text(0), select->Text(1), select->Text(2), select->Text(3),
                    select->Text(4), select->Text(5), select->Text(6), select->Text(7),
                    select->Text(8), select->Text(9), select->Text(10)});
  }
  std::vector<licensing::License> licenses;
  for (const auto& row : rows) {
    auto parties_select = db.Prepare(kSelectLicenseParties);
    if (!parties_select.ok()) return parties_select.error();
    parties_select->Bind(1, row.number);
    std::vector<StoredPartyRow> parties;
    for (;;) {
      auto r = parties_select->Step();
      if (!r.ok()) return r.error();
      if (!*r) break;
      parties.push_back(
          {parties_select->Text(0), parties_select->Text(1), parties_select->Text(2)});
    }
    auto items_select = db.Prepare(kSelectLicenseItems);
    if (!items_select.ok()) return items_select.error();
    items_select->Bind(1, row.number);
    std::vector<StoredItemRow> items;
    for (;;) {
      auto r = items_select->Step();
      if (!r.ok()) return r.error();
      if (!*r) break;
      items.push_back({items_select->Text(0), items_select->Text(1), items_select->Text(2),
                       items_select->Text(3), items_select->Text(4), items_select->Text(5)});
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
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  auto next = WriteTransition(std::move(after), event, on, timestamp);
  if (!next.ok()) return next.error();
  auto last = db_.Prepare(kSelectLastIssuedLicense);
  if (!last.ok()) return last.error();
  if (auto row = last->Step(); !row.ok()) return row.error();
  // A license registered by hand may hold the next number: skip past it.
  for (std::int64_t sequence = last->Int(0) + 1;; ++sequence) {
    license.number = IssuedLicenseNumber(sequence);
    auto found = SelectLicenses(db_, license.number, "", {});
    if (!found.ok()) return found.error();
    if (found->empty()) break;
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
  // BEGIN IMMEDIATE: no other writer between the read of what remains and the write.
  auto tx = Transaction::Begin(db_);
  if (!tx.ok()) return tx.error();
  auto version = db_.Prepare(kSelectLicenseVersion);
  if (!version.ok()) return version.error();
  auto row = version->Bind(1, shipment.license_number).Step();
  if (!row.ok()) return row.error();
  if (!*row) return UnknownLicense(shipment.license_number);
  const std::int64_t read_version = version->Int(0);
  auto found = SelectLicenses(db_, shipment.license_number, "", {});
  if (!found.ok()) return found.error();
  if (found->empty()) return UnknownLicense(shipment.license_number);
  const licensing::License& before = found->front();
  auto after = licensing::DrawDown(before, shipment);
  if (!after.ok()) return after.error();

  auto bump = db_.Prepare(kBumpLicenseVersion);
  if (!bump.ok()) return bump.error();
  if (auto s = bump->Bind(1, before.number).Bind(2, read_version).Run(); !s.ok()) return s.error();
  if (db_.Changes() != 1) return LicenseChanged(before.number);
  auto update = db_.Prepare(kUpdateLicenseRemaining);
  if (!update.ok()) return update.error();
  for (std::size_t i = 0; i < after->items.size(); ++i) {
    const auto& item = after->items[i];
    auto s = update->Bind(1, before.number)
                 .Bind(2, static_cast<std::int64_t>(i))
                 .Bind(3, AmountText(item.remaining_quantity))
                 .Bind(4, AmountText(item.remaining_value_usd))
                 .Run();
    if (!s.ok()) return s.error();
    update->Reset();
  }
  auto seq = db_.Prepare(kNextShipmentSeq);
  if (!seq.ok()) return seq.error();
  if (auto r = seq->Bind(1, before.number).Step(); !r.ok()) return r.error();
  shipment.seq = seq->Int(0);
  shipment.recorded_by = stamp.actor;
  shipment.recorded_at = stamp.timestamp;
  auto insert = db_.Prepare(kInsertShipment);
  if (!insert.ok()) return insert.error();
  auto s = insert->Bind(1, before.number)
               .Bind(2, shipment.seq)
               .Bind(3, shipment.date.ToString())
               .Bind(4, stamp.timestamp)
               .Bind(5, ShipmentBody(shipment))
               .Run();
  if (!s.ok()) return s.error();
  if (auto a = AppendAudit(ShipmentRecorded(before, *after, shipment, stamp)); !a.ok()) {
    return a.error();
  }
  if (auto c = tx->Commit(); !c.ok()) return c.error();
  return after;
}

Result<std::vector<licensing::Shipment>> WorkflowTables::Shipments(
    const std::string& license_number) {
  auto known = SelectLicenses(db_, license_number, "", {});
  if (!known.ok()) return known.error();
  if (known->empty()) return UnknownLicense(license_number);
  auto select = db_.Prepare(kSelectShipments);
  if (!select.ok()) return select.error();
  select->Bind(1, license_number);
  std::vector<licensing::Shipment> shipments;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    auto shipment = DecodeShipment(license_number, select->Int(0), select->Text(1));
    if (!shipment.ok()) return shipment.error();
    shipments.push_back(std::move(shipment).value());
  }
  return shipments;
}

}  // namespace tollgate::storage::sqlite

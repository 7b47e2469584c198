#include "tollgate/licensing/eccn_check.h"

#include <string>

namespace tollgate::licensing {
namespace {

// "application: items/0/eccn: unknown ECCN '3D991': ...; expected ...": the record and
// the field first, so the server reports the field (server::FieldOf) and the CLI prints
// one line that says where, what and what would do.
template <typename Items, typename EccnOf>
Status CheckItems(const char* record, const Items& items, Date date, const EccnCheck& check,
                  EccnOf eccn_of) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string& eccn = eccn_of(items[i]);
    if (auto s = check(eccn, date); !s.ok()) {
      return MakeError(s.error().code,
                       std::string(record) + ": items/" + std::to_string(i) + "/eccn: " +
                           s.error().message + "; expected an ECCN (or paragraph) of the rules " +
                           "catalog in force on " + date.ToString() +
                           ", as `tollgate check` accepts it (find one with `tollgate eccn "
                           "search TEXT`)");
    }
  }
  return {};
}

}  // namespace

EccnCheck CatalogEccnCheck(const rules::Catalog& catalog) {
  return [&catalog](std::string_view eccn, Date date) -> Status {
    auto classified = catalog.Classify(eccn, date);
    if (!classified.ok()) return classified.error();
    return {};
  };
}

Status CheckApplicationItems(const Application& application, Date filed_on,
                             const EccnCheck& check) {
  return CheckItems("application", application.items, filed_on, check,
                    [](const ApplicationItem& item) -> const std::string& { return item.eccn; });
}

Status CheckLicenseItems(const License& license, const EccnCheck& check) {
  return CheckItems("license", license.items, license.valid_from, check,
                    [](const LicenseItem& item) -> const std::string& { return item.eccn; });
}

Status CheckShipmentItems(const Shipment& shipment, const EccnCheck& check) {
  return CheckItems("shipment", shipment.items, shipment.date, check,
                    [](const ShipmentItem& item) -> const std::string& { return item.eccn; });
}

}  // namespace tollgate::licensing

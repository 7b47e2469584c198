// EccnCheck: the one catalog behind every place that accepts an item's ECCN. `tollgate
// check` classifies an item with rules::Catalog::Classify on the export's date; an
// application, a license and a shipment accept exactly the ECCNs (and paragraphs) that
// call accepts, on their own date. Otherwise a license could be issued for an ECCN that
// no determination can ever match, and so could never authorize anything (15 CFR
// 750.7(a): a license authorizes only the items it lists).
//
// Thread-safety: the functions are pure; a check built over a catalog reads it only, so
// it may be called from any thread while the catalog lives.
// Failure: kInvalidArgument (or the catalog's kNotFound) whose message starts with the
// record and the field, "application: items/0/eccn: ...", then the catalog's words and
// what is expected. Nothing is stored by these functions.
#pragma once

#include <functional>
#include <string_view>

#include "tollgate/common/date.h"
#include "tollgate/common/result.h"
#include "tollgate/licensing/application.h"
#include "tollgate/licensing/license.h"
#include "tollgate/licensing/shipment.h"
#include "tollgate/rules/catalog.h"

namespace tollgate::licensing {

// Accepts `eccn` on `date` or says why not (the catalog's message, without a field).
using EccnCheck = std::function<Status(std::string_view eccn, Date date)>;

// The check `tollgate check` applies: Catalog::Classify. `catalog` must outlive it.
EccnCheck CatalogEccnCheck(const rules::Catalog& catalog);

// Every item of an application, on the day it is filed.
Status CheckApplicationItems(const Application& application, Date filed_on, const EccnCheck& check);
// Every item of a license, on its first day of validity (valid_from): the day from which
// it can authorize a shipment.
Status CheckLicenseItems(const License& license, const EccnCheck& check);
// Every item of a shipment, on the day of export.
Status CheckShipmentItems(const Shipment& shipment, const EccnCheck& check);

}  // namespace tollgate::licensing

// The BIS-748P form the workflow tests file: Microsoft's mass-market operating systems
// (5D992.c) for Huawei, as `applications submit` and POST /api/applications read it.
#pragma once

namespace tollgate::testing {

inline constexpr const char* kMicrosoftForm = R"json({
  "applicant": {"name": "Microsoft Corporation", "address": "One Microsoft Way, Redmond, WA",
                "country": "US"},
  "contact": {"name": "Export Desk", "email": "exports@example.com"},
  "purchaser": {"name": "Huawei Technologies Co., Ltd.", "country": "CN"},
  "ultimate_consignee": {"name": "Huawei Technologies Co., Ltd.",
                         "address": "Bantian, Longgang District, Shenzhen", "country": "CN"},
  "end_use": "Operating systems installed on laptops sold to the public",
  "destination": "CN",
  "items": [{"eccn": "5D992.c", "description": "Windows licenses, mass-market",
             "quantity": 1000, "unit_price_cents": 9950, "value_usd": 99500}]
})json";

}  // namespace tollgate::testing

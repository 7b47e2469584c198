// SQL of issued licenses, shipments, general licenses and screening matches on SQLite (tables:
// schema.h migration 4).
#pragma once

#include <string_view>

namespace tollgate::storage::sqlite {

// The sequence of the highest license number issued by the workflow ("D0000042" -> 42).
inline constexpr std::string_view kSelectLastIssuedLicense =
    "SELECT COALESCE(MAX(CAST(SUBSTR(number, 2) AS INTEGER)), 0) FROM licenses "
    "WHERE application <> '' AND number GLOB 'D[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'";
inline constexpr std::string_view kSelectLicenseVersion =
    "SELECT version FROM licenses WHERE number = ?1";
// The version in the WHERE clause is the optimistic-concurrency check.
inline constexpr std::string_view kBumpLicenseVersion =
    "UPDATE licenses SET version = version + 1 WHERE number = ?1 AND version = ?2";
inline constexpr std::string_view kUpdateLicenseRemaining =
    "UPDATE license_items SET remaining_quantity = NULLIF(?3, ''), "
    "remaining_value_usd = NULLIF(?4, '') WHERE license_number = ?1 AND seq = ?2";
inline constexpr std::string_view kNextShipmentSeq =
    "SELECT COALESCE(MAX(seq), 0) + 1 FROM license_shipments WHERE license_number = ?1";
inline constexpr std::string_view kInsertShipment =
    "INSERT INTO license_shipments(license_number, seq, shipped_on, recorded_at, body) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
inline constexpr std::string_view kSelectShipments =
    "SELECT seq, body FROM license_shipments WHERE license_number = ?1 ORDER BY seq";

inline constexpr std::string_view kCountGeneralLicense =
    "SELECT COUNT(*) FROM general_licenses WHERE id = ?1";
inline constexpr std::string_view kInsertGeneralLicense =
    "INSERT INTO general_licenses(id, name, definition, revoked_from, revocation_citation, "
    "version, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)";
// The version in the WHERE clause is the optimistic-concurrency check.
inline constexpr std::string_view kUpdateGeneralLicense =
    "UPDATE general_licenses SET revoked_from = ?3, revocation_citation = ?4, "
    "version = version + 1, updated_at = ?5 WHERE id = ?1 AND version = ?2";
inline constexpr std::string_view kDeleteGeneralLicenseWindows =
    "DELETE FROM general_license_windows WHERE general_license = ?1";
inline constexpr std::string_view kInsertGeneralLicenseWindow =
    "INSERT INTO general_license_windows(general_license, seq, window_id, valid_from, "
    "valid_until, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr std::string_view kSelectGeneralLicenses =
    "SELECT id, name, definition, revoked_from, revocation_citation, version "
    "FROM general_licenses WHERE (?1 = '' OR id = ?1) ORDER BY id";
inline constexpr std::string_view kSelectGeneralLicenseWindows =
    "SELECT window_id, valid_from, valid_until, body FROM general_license_windows "
    "WHERE general_license = ?1 ORDER BY seq";

inline constexpr std::string_view kCountScreeningMatch =
    "SELECT COUNT(*) FROM application_screening_matches WHERE application_id = ?1 AND "
    "match_key = ?2";
inline constexpr std::string_view kNextScreeningSeq =
    "SELECT COALESCE(MAX(seq), 0) + 1 FROM application_screening_matches WHERE "
    "application_id = ?1";
inline constexpr std::string_view kInsertScreeningMatch =
    "INSERT INTO application_screening_matches(application_id, seq, screened_on, reason, "
    "match_key, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr std::string_view kSelectScreeningMatches =
    "SELECT seq, screened_on, reason, body FROM application_screening_matches "
    "WHERE application_id = ?1 ORDER BY seq";

}  // namespace tollgate::storage::sqlite

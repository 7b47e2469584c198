// The signature of a webhook's body: HMAC-SHA256 (RFC 2104, FIPS 198-1) over the exact
// bytes sent, keyed with the webhook's secret, as "sha256=" and 64 lowercase hex
// digits in the X-Tollgate-Signature header. A receiver recomputes it over the body it
// read and compares in constant time before trusting the event.
//
// Thread-safety: pure functions.
// Failure: none.
#pragma once

#include <string>
#include <string_view>

namespace tollgate::webhooks {

inline constexpr const char* kSignatureHeader = "X-Tollgate-Signature";
inline constexpr const char* kEventHeader = "X-Tollgate-Event";
inline constexpr const char* kDeliveryHeader = "X-Tollgate-Delivery";

// "sha256=" + hex(HMAC-SHA256(secret, body)).
std::string Sign(std::string_view secret, std::string_view body);

// Whether `signature` is Sign(secret, body), compared in constant time.
bool SignatureMatches(std::string_view secret, std::string_view body, std::string_view signature);

}  // namespace tollgate::webhooks

// Word pools for the synthetic list: the kinds of tokens restricted-party names are
// made of (surnames and given names from the regions the lists cover, business
// words, place names, legal forms). Written for this benchmark, not taken from a list,
// so a generated name is realistic in shape but never a real listed party by design.
//
// Thread-safety: immutable data.
#pragma once

#include <span>
#include <string_view>

namespace tollgate::bench {

std::span<const std::string_view> Surnames();
std::span<const std::string_view> GivenNames();
std::span<const std::string_view> BusinessWords();  // "PRECISION", "TRADING", ...
std::span<const std::string_view> IndustryWords();  // "ELECTRONICS", "SHIPPING", ...
std::span<const std::string_view> PlaceNames();
std::span<const std::string_view> LegalForms();   // "LLC", "CO., LTD.", ...
std::span<const std::string_view> CoinedStems();  // brand-like stems: "HUAXIN", ...

}  // namespace tollgate::bench

// The names of bench/parties_import_bench.sh's "coined" party master: a brand coined
// from two to four syllables, two of its 20 words and a company suffix ("Vexmi Nordic
// Atlas GmbH"), so that nearly every name is distinct, as in a real master. The same
// words, suffixes and syllables as the script, another random sequence (seeded).
// party_index_bench indexes them; screening_ab_bench --set=coined screens them, the
// query an import makes of each party.
//
// Thread-safety: free function without shared state. Failure: none.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tollgate::bench {

std::vector<std::string> CoinedPartyNames(std::size_t count, std::uint64_t seed = 15);

}  // namespace tollgate::bench

#include "screening/explain.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

#include "screening/evasion.h"

namespace tollgate::screening {
namespace {

// Two decimals, rounded as printf's "%.2f" rounds (to_chars is exact and locale-free,
// and several times faster than snprintf).
std::string_view Fixed2(double value, char (&buffer)[32]) {
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
  return std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer));
}

// "%+.2f": the sign always shown.
std::string Format2(double value) {
  char buffer[32];
  const std::string_view digits = Fixed2(value, buffer);
  return digits.front() == '-' ? std::string(digits) : "+" + std::string(digits);
}

std::string JoinTexts(std::span<const DescribedToken> tokens, std::size_t first,
                      std::size_t count) {
  std::string text;
  for (std::size_t k = first; k < first + count; ++k) {
    if (!text.empty()) text += ' ';
    text += tokens[k].text;
  }
  return text;
}

const char* KindName(const Edge& edge, std::span<const DescribedToken> query,
                     std::span<const DescribedToken> name) {
  switch (edge.kind) {
    case EdgeKind::kExact: {
      const DescribedToken& q = query[edge.query_first];
      const DescribedToken& n = name[edge.name_first];
      if (q.corrected || n.corrected) return "typo";
      // A number written in words or as an ordinal ("forty four=44", "1st=first") is
      // the same number (shown as equivalent), not a word written with look-alikes.
      if (q.token_class == TokenClass::kNumber) return "exact";
      if (q.text != n.text && (HasLookAlike(q.text) || q.text == "0")) return "look-alike";
      if (q.text != n.text && (q.abbreviation || n.abbreviation)) return "abbreviation";
      return "exact";
    }
    case EdgeKind::kTypo:
      return "typo";
    case EdgeKind::kPhonetic:
      return "phonetic";
    case EdgeKind::kAbbreviation:
      return "abbreviation";
    case EdgeKind::kInitial:
      return "initial";
    case EdgeKind::kSplit:
      return "split";
    case EdgeKind::kJoined:
      return "joined";
    case EdgeKind::kNickname:
      return "nickname";
    case EdgeKind::kLookAlike:
      return "look-alike";
  }
  return "exact";
}

bool LowWeight(TokenClass token_class) {
  return token_class == TokenClass::kLegalForm || token_class == TokenClass::kCommon ||
         token_class == TokenClass::kParticle;
}

}  // namespace

QueryFacts FactsOf(const Query& query, const PreparedName& prepared) {
  QueryFacts facts;
  if (query.country && query.country->size() == 2) {
    for (char c : *query.country) {
      facts.country.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
  }
  facts.type = query.type;
  for (const auto& token : prepared.tokens) {
    if (token.token_class == TokenClass::kLegalForm) {
      facts.legal_form = &token;
      break;
    }
  }
  return facts;
}

double MaxRaise(const QueryFacts& facts) {
  return (facts.country.empty() ? 0.0 : kCountryAgrees) + (facts.type ? kTypeAgrees : 0.0);
}

double Adjust(const QueryFacts& facts, const IndexedEntry& entry, std::vector<std::string>* notes) {
  double total = 0;
  if (!facts.country.empty() && !entry.countries.empty()) {
    const bool agrees = std::find(entry.countries.begin(), entry.countries.end(), facts.country) !=
                        entry.countries.end();
    const double delta = agrees ? kCountryAgrees : kCountryDiffers;
    total += delta;
    if (notes) {
      std::string listed;
      for (const auto& c : entry.countries) listed += (listed.empty() ? "" : ", ") + c;
      notes->push_back("country " + facts.country + (agrees ? " agrees with" : " differs from") +
                       " the entry's (" + listed + "): " + Format2(delta));
    }
  }
  const lists::EntryType entry_type = entry.type;
  if (!facts.type && facts.legal_form && entry_type != lists::EntryType::kEntity) {
    total += kTypeDiffers;
    if (notes) {
      notes->push_back("the query names an organisation ('" + facts.legal_form->text +
                       "'), the entry is " +
                       (entry_type == lists::EntryType::kIndividual ? "an " : "a ") +
                       lists::EntryTypeName(entry_type) + ": " + Format2(kTypeDiffers));
    }
  }
  if (facts.type) {
    const bool agrees = *facts.type == entry_type;
    const double delta = agrees ? kTypeAgrees : kTypeDiffers;
    total += delta;
    if (notes) {
      notes->push_back(
          std::string("type ") + lists::EntryTypeName(*facts.type) +
          (agrees ? " agrees" : std::string(" differs from ") + lists::EntryTypeName(entry_type)) +
          ": " + Format2(delta));
    }
  }
  return total;
}

void DescribedTokens(const PreparedName& prepared, std::vector<DescribedToken>& out) {
  out.clear();
  for (std::size_t i = 0; i < prepared.tokens.size(); ++i) {
    const NameToken& token = prepared.tokens[i];
    out.push_back({token.text, token.token_class, token.abbreviation, token.corrected,
                   prepared.scoring[i].weight});
  }
}

void DescribedTokens(const Index::Impl& impl, std::uint32_t name,
                     std::vector<DescribedToken>& out) {
  out.clear();
  const IndexedName& indexed = impl.names[name];
  for (std::uint32_t slot = indexed.token_begin; slot < indexed.token_begin + indexed.token_count;
       ++slot) {
    const std::uint32_t id = impl.name_tokens[slot];
    const std::uint8_t flags = impl.name_token_flags[slot];
    out.push_back({impl.texts[impl.name_token_texts[slot]], impl.token_class[id],
                   (flags & kAbbreviationFlag) != 0, (flags & kCorrectedFlag) != 0,
                   impl.token_weight[id]});
  }
}

void Describe(std::span<const DescribedToken> query, std::span<const DescribedToken> name,
              std::span<const Edge> edges, const AlignmentResult& result, Match& match) {
  match.alignment.clear();
  match.alignment.reserve(query.size() + name.size());
  std::array<const Edge*, kMaxQueryTokens> by_query{};
  std::uint64_t name_aligned = 0;
  for (const Edge& e : edges) {
    by_query[e.query_first] = &e;
    name_aligned |= ((std::uint64_t{1} << e.name_count) - 1) << e.name_first;
  }
  // The parts of the paragraph, each a comma-separated list built in place.
  std::string strong;
  std::string low;
  std::string extra;
  std::string missing;
  auto next = [](std::string& list) -> std::string& {
    if (!list.empty()) list += ", ";
    return list;
  };
  for (std::size_t i = 0; i < query.size(); ++i) {
    const Edge* e = i < by_query.size() ? by_query[i] : nullptr;
    if (e == nullptr) {
      const bool covered = std::any_of(edges.begin(), edges.end(), [&](const Edge& x) {
        return i > x.query_first && i < std::size_t{x.query_first} + x.query_count;
      });
      if (covered) continue;  // second half of a split pair
      // A word beside the whole listed name counts kWholeNameExtraFactor: kind "added".
      match.alignment.push_back({std::string(query[i].text), "",
                                 result.whole_name ? "added" : "extra", 0, query[i].weight});
      next(extra) += query[i].text;
      continue;
    }
    TokenAlignment a;
    a.query_token = JoinTexts(query, e->query_first, e->query_count);
    a.entry_token = JoinTexts(name, e->name_first, e->name_count);
    const char* kind = KindName(*e, query, name);
    const bool exact = kind == std::string_view("exact");
    a.kind = kind;
    a.similarity = e->similarity;
    a.weight = e->weight;
    const TokenClass name_class = name[e->name_first].token_class;
    const bool same = a.query_token == a.entry_token;
    if (e->name_count == 1 && LowWeight(name_class)) {
      const char* what = TokenClassName(name_class);
      std::string& out = next(low);
      if (same) {
        out.append(a.entry_token).append(" (").append(what).append(")");
      } else if (exact) {
        out.append(a.query_token).append("=").append(a.entry_token);
        out.append(" (").append(what).append(")");
      } else {
        out.append(a.query_token).append("~").append(a.entry_token);
        out.append(" (").append(kind).append(", ").append(what).append(")");
      }
    } else if (exact) {
      next(strong)
          .append(a.query_token)
          .append("=")
          .append(a.entry_token)
          .append(same ? " (exact)" : " (equivalent)");
    } else {
      next(strong)
          .append(a.query_token)
          .append("~")
          .append(a.entry_token)
          .append(" (")
          .append(kind)
          .append(")");
    }
    match.alignment.push_back(std::move(a));
  }
  for (std::size_t j = 0; j < name.size(); ++j) {
    if (j < 64 && (name_aligned >> j & 1)) continue;
    match.alignment.push_back({"", std::string(name[j].text), "missing", 0, name[j].weight});
    next(missing) += name[j].text;
  }
  // The weight a word replaced counts on top (scorer.h, kSubstitutionFactor), as one
  // more alignment row, so that the rows still add up to the score.
  if (result.substituted > 0) {
    match.alignment.push_back({"", "", "replaced", 0, result.substituted});
  }

  char buffer[32];
  const std::string_view score = Fixed2(match.score, buffer);
  std::string text;
  text.reserve(64 + match.matched_name.size() + strong.size() + low.size() + missing.size() +
               extra.size());
  text.append(match.matched_alias ? "matched alias '" : "matched name '")
      .append(match.matched_name)
      .append("' (")
      .append(score)
      .append(")");
  if (!strong.empty()) text.append(": ").append(strong);
  if (!low.empty()) text.append(strong.empty() ? ": " : "; ").append(low).append(", low weight");
  if (!missing.empty()) text.append("; not in the query: ").append(missing);
  if (!extra.empty()) text.append("; not in the name: ").append(extra);
  if (result.substituted > 0) {
    text.append(
        "; each name has words the other lacks, so a word was replaced, not only left out, "
        "and counts in full");
  }
  if (result.whole_name) {
    text.append("; the whole name is in the query, so the query's other words count ")
        .append(Fixed2(kWholeNameExtraFactor, buffer))
        .append(" each, not ")
        .append(Fixed2(kExtraFactor, buffer));
  }
  if (result.capped) {
    text.append("; no distinctive word agrees, so the name score is capped at ")
        .append(Fixed2(kCommonOnlyCap, buffer));
  }
  if (result.one_word) {
    text.append(
            "; a name of one word matches only that word, so with another word in the "
            "query the name score is at most ")
        .append(Fixed2(kOneWordCap, buffer));
  }
  for (const auto& note : match.adjustments) text.append("; ").append(note);
  text += ".";
  match.explanation = std::move(text);
}

}  // namespace tollgate::screening

#include "tollgate/screening/normalize.h"

#include <gtest/gtest.h>

namespace tollgate::screening {
namespace {

std::vector<std::string> Canons(std::string_view name) {
  std::vector<std::string> out;
  for (const auto& t : TokenizeName(name)) out.push_back(t.canon);
  return out;
}

using Words = std::vector<std::string>;

TEST(NormalizeTest, FoldsCaseDiacriticsAndScripts) {
  EXPECT_EQ(FoldToAscii("Müller-Lüdenscheidt GmbH"), "muller-ludenscheidt gmbh");
  EXPECT_EQ(FoldToAscii("Straße"), "strasse");
  EXPECT_EQ(FoldToAscii("Хуавэй"), "huavej");
  EXPECT_EQ(FoldToAscii("华为"), "hua wei");
  EXPECT_EQ(FoldToAscii("ＨＵＡＷＥＩ"), "huawei");  // full-width letters (NFKC)
  EXPECT_EQ(FoldToAscii("Ελληνικά"), "ellenika");
}

TEST(NormalizeTest, PunctuationSplitsButInitialismsAndApostrophesStayWhole) {
  EXPECT_EQ(Canons("Huawei Co.,Ltd."), (Words{"huawei", "co", "ltd"}));
  EXPECT_EQ(Canons("O'Brien & Sons"), (Words{"obrien", "and", "sons"}));
  EXPECT_EQ(Canons("AL-QAIDA"), (Words{"al", "qaida"}));
  EXPECT_EQ(Canons("J. R. Smith"), (Words{"j", "r", "smith"}));
  EXPECT_EQ(Canons("U.S.A. Trading"), (Words{"usa", "trading"}));
}

TEST(NormalizeTest, LegalFormsFoldToOneCanonicalToken) {
  EXPECT_EQ(Canons("Grupo Alfa S.A. de C.V."), (Words{"grupo", "alfa", "sadecv"}));
  EXPECT_EQ(Canons("Grupo Alfa SA DE CV"), (Words{"grupo", "alfa", "sadecv"}));
  EXPECT_EQ(Canons("Alfa Limited Liability Company"), (Words{"alfa", "llc"}));
  EXPECT_EQ(Canons("Joint Stock Company Argument"), (Words{"jsc", "argument"}));
  EXPECT_EQ(Canons("Alfa Company Limited"), Canons("ALFA CO LTD"));
  EXPECT_EQ(Canons("Alfa Corporation"), Canons("Alfa Corp."));
}

TEST(NormalizeTest, WrittenOutForeignLegalFormsFoldToTheirAbbreviations) {
  EXPECT_EQ(Canons("Obshchestvo s ogranichennoi otvetstvennostyu Laitkhaus"),
            (Words{"ooo", "laitkhaus"}));
  EXPECT_EQ(Canons("OBSCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU LAITKHAUS"),
            Canons("OOO Laitkhaus"));
  EXPECT_EQ(Canons("Publichnoe Aktsionernoe Obshchestvo Rostelekom"), (Words{"pao", "rostelekom"}));
  EXPECT_EQ(Canons("Siemens Aktiengesellschaft"), Canons("Siemens AG"));
  EXPECT_EQ(Canons("Alfa Sociedad Anonima"), Canons("Alfa S.A."));
}

TEST(NormalizeTest, ASpaceDroppedBesideALegalFormOrBusinessWordComesBack) {
  // Between two words of the lexicon, the first of them a legal form or business word.
  EXPECT_EQ(Canons("LIMITED LIABILITYCOMPANY PITERSNAB"),
            Canons("LIMITED LIABILITY COMPANY PITERSNAB"));
  EXPECT_EQ(Canons("HAMOON SEPAHAN COMMERCIALTRADING"),
            Canons("HAMOON SEPAHAN COMMERCIAL TRADING"));
  EXPECT_EQ(Canons("JOINTSTOCK COMPANY INKOMNEFT"), Canons("JOINT STOCK COMPANY INKOMNEFT"));
  EXPECT_EQ(Canons("TECHNOLOGY PLATFORM LIMITEDLIABILITYCOMPANY"),
            Canons("TECHNOLOGY PLATFORM LIMITED LIABILITY COMPANY"));
  // A legal form written onto a word of the name's own.
  EXPECT_EQ(Canons("AKTSIONERNOE OBSHCHESTVOPROTON"), Canons("AKTSIONERNOE OBSHCHESTVO PROTON"));
  // Business words make compounds of their own; short ones are left whole too.
  EXPECT_EQ(Canons("PARS PETROCHEMICAL COMPANY"), (Words{"pars", "petrochemical", "co"}));
  EXPECT_EQ(Canons("Groupon"), (Words{"groupon"}));
  EXPECT_EQ(Canons("Cohen"), (Words{"cohen"}));
}

TEST(NormalizeTest, NumbersWrittenInWordsAreNumbers) {
  EXPECT_EQ(Canons("Three Percenters"), Canons("3 Percenters"));
  EXPECT_EQ(Canons("Brigade Forty-Four"), (Words{"brigade", "44"}));
  EXPECT_EQ(Canons("Brigade Forty 4"), (Words{"brigade", "44"}));
  EXPECT_EQ(Canons("First International Bank"), Canons("1st International Bank"));
  EXPECT_EQ(Canons("Second Street"), Canons("2nd Street"));
  EXPECT_EQ(TokenizeName("Hyok Sin Two")[2].token_class, TokenClass::kNumber);
  // Two numbers stay two unless the first is a tens word.
  EXPECT_EQ(Canons("Office 39 Two"), (Words{"office", "39", "2"}));
}

TEST(NormalizeTest, ShortLegalFormsWrittenWithLookAlikesAreLegalForms) {
  EXPECT_EQ(Canons("1LC KOKS0KHIMTRANS"), Canons("LLC KOKSOKHIMTRANS"));
  EXPECT_EQ(Canons("L1C PROGOR0D"), Canons("LLC PROGOROD"));
  EXPECT_EQ(Canons("PMGE A0"), Canons("PMGE AO"));
  EXPECT_EQ(Canons("CORPORACION CIMEX, 5.A."), Canons("CORPORACION CIMEX, S.A."));
  EXPECT_EQ(Canons("4hmed 3l Tilemsi"), Canons("Ahmed el Tilemsi"));
  // A designation that reads as no lexicon word stays a number.
  EXPECT_EQ(TokenizeName("T4")[0].token_class, TokenClass::kNumber);
  EXPECT_EQ(TokenizeName("A1 Trading")[0].token_class, TokenClass::kNumber);
  EXPECT_EQ(TokenizeName("A320")[0].token_class, TokenClass::kNumber);
}

TEST(NormalizeTest, CourtesyTitlesWeighAsParticles) {
  for (const char* title : {"Monsieur", "Madame", "Herr", "Frau"}) {
    EXPECT_EQ(TokenizeName(title)[0].token_class, TokenClass::kParticle) << title;
  }
  EXPECT_EQ(Canons("Societatea cu Raspundere Limitata PRO TRAFFIC"), Canons("SRL PRO TRAFFIC"));
}

TEST(NormalizeTest, ClassesDecideWhatCanCarryAMatch) {
  const auto tokens = TokenizeName("Huawei Tech International Trading Co 11420 J");
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_EQ(tokens[0].token_class, TokenClass::kWord);
  EXPECT_EQ(tokens[1].canon, "technology");
  EXPECT_TRUE(tokens[1].abbreviation);
  EXPECT_EQ(tokens[2].token_class, TokenClass::kCommon);
  EXPECT_EQ(tokens[3].token_class, TokenClass::kCommon);
  EXPECT_EQ(tokens[4].token_class, TokenClass::kLegalForm);
  EXPECT_EQ(tokens[5].token_class, TokenClass::kNumber);
  EXPECT_EQ(tokens[6].token_class, TokenClass::kInitial);
  EXPECT_FALSE(IsDistinctive(tokens[2].token_class));
  EXPECT_TRUE(IsDistinctive(tokens[5].token_class));
}

TEST(NormalizeTest, SlipsInCommonWordsKeepTheirLowWeight) {
  const auto tokens = TokenizeName("Internatonal Holdnigs");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].canon, "intl");
  EXPECT_TRUE(tokens[0].corrected);
  EXPECT_EQ(tokens[1].canon, "holding");
}

TEST(NormalizeTest, EmptyAndPunctuationOnlyNamesHaveNoTokens) {
  EXPECT_TRUE(TokenizeName("").empty());
  EXPECT_TRUE(TokenizeName(" ,.;- ").empty());
}

}  // namespace
}  // namespace tollgate::screening

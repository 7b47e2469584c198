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
  EXPECT_EQ(Canons("Grupo Alfa S.A. de C.V."), (Words{"group", "alfa", "sadecv"}));
  EXPECT_EQ(Canons("Grupo Alfa SA DE CV"), (Words{"group", "alfa", "sadecv"}));
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
  // Two in a business word of eleven letters or more; not in a legal form: "cooperation"
  // and "corporativo" are words two slips from corporation.
  EXPECT_EQ(Canons("Alfa Enginiring"), Canons("Alfa Engineering"));
  EXPECT_EQ(Canons("Alfa Cooperation Corporativo"), (Words{"alfa", "cooperation", "corporativo"}));
}

TEST(NormalizeTest, ALegalFormWithSlipsIsStillThatLegalForm) {
  // Slips in the words of a multi-word legal form, one of its words written in full.
  EXPECT_EQ(Canons("JOIT STOKC COMPANY ALFA"), (Words{"jsc", "alfa"}));
  EXPECT_EQ(Canons("JOIVT STOFK COMPANY ALFA"), (Words{"jsc", "alfa"}));
  EXPECT_EQ(Canons("Alfa Limited Liabilty Compnay"), (Words{"alfa", "llc"}));
  EXPECT_EQ(Canons("OPEN JOINT STOKC COMPANY ALFA"), (Words{"ojsc", "alfa"}));
  const auto tokens = TokenizeName("Joit Stokc Company Alfa");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_TRUE(tokens[0].corrected);  // the explanation calls it a typo
  EXPECT_EQ(tokens[0].text, "joit stokc company");
  EXPECT_FALSE(TokenizeName("Joint Stock Company Alfa")[0].corrected);
}

TEST(NormalizeTest, ALegalFormWithAWordLeftOutAddedOrSplitIsStillThatLegalForm) {
  // One word after the first left out of a form of four words.
  EXPECT_EQ(Canons("CLOSED JOINT STOCK GENBANK"), (Words{"cjsc", "genbank"}));
  EXPECT_EQ(Canons("OPEN JOINT STOCK COMMERCIAL BANK"), (Words{"ojsc", "commercial", "bank"}));
  EXPECT_EQ(Canons("VTB CLOSED STOCK COMPANY"), (Words{"vtb", "cjsc"}));
  EXPECT_TRUE(TokenizeName("CLOSED JOINT STOCK GENBANK")[0].corrected);
  // A business word inside a form stays a word of its own after it.
  EXPECT_EQ(Canons("LIMITED Industrial LIABILITY COMPANY DM"), (Words{"llc", "industrial", "dm"}));
  EXPECT_EQ(Canons("IKS JOINT STOCK International COMPANY"), (Words{"iks", "jsc", "intl"}));
  // A legal-form word written in two.
  EXPECT_EQ(Canons("LIMITED LIA BILITY COMPANY RCC"), (Words{"llc", "rcc"}));
  EXPECT_EQ(Canons("PUBLICHNOE AKTS IONERNOE OBSCHESTVO ALFA"), (Words{"pao", "alfa"}));
  // A short word of a form in another romanization, inside the form.
  EXPECT_EQ(Canons("DISPERSORA GAEL, S.A. DE C.W."), Canons("DISPERSORA GAEL, S.A. DE C.V."));
  // Not a form of three words with one left out: "LIMITED COMPANY" is two forms.
  EXPECT_EQ(Canons("Alfa Limited Company"), (Words{"alfa", "ltd", "co"}));
  EXPECT_EQ(Canons("Open Alfa Stock"), (Words{"open", "alfa", "stock"}));
  EXPECT_EQ(Canons("CW Alfa"), (Words{"cw", "alfa"}));
}

TEST(NormalizeTest, ALegalFormOrBusinessWordInAnotherRomanizationIsThatWord) {
  // j/y and i/y as Russian names are romanized, c/k in a word of four letters or more.
  EXPECT_EQ(Canons("OYSC ALFA"), Canons("OJSC ALFA"));
  EXPECT_EQ(Canons("YOINT STOCK COMPANY ALFA"), (Words{"jsc", "alfa"}));
  EXPECT_EQ(Canons("Alfa Kompany"), Canons("Alfa Company"));
  EXPECT_EQ(Canons("Alfa Korporation"), Canons("Alfa Corporation"));
  // x/ks, u/oo, and business words too.
  EXPECT_EQ(Canons("UO Alfa"), Canons("OOO Alfa"));
  EXPECT_EQ(Canons("Alfa Import and Eksport"), Canons("Alfa Import and Export"));
  EXPECT_EQ(Canons("Alfa Elektronics Sistems"), Canons("Alfa Electronics Systems"));
  EXPECT_TRUE(TokenizeName("OYSC ALFA")[0].corrected);
}

TEST(NormalizeTest, AWordNearALegalFormStaysAWord) {
  // Alone, a word one slip from a short legal-form word is a word of the name.
  EXPECT_EQ(Canons("Point Alfa"), (Words{"point", "alfa"}));
  EXPECT_EQ(Canons("Joivt Alfa"), (Words{"joivt", "alfa"}));
  EXPECT_EQ(Canons("Stoke Company"), (Words{"stoke", "co"}));
  // No legal-form word written in full: slips alone are more likely a name's words.
  EXPECT_EQ(Canons("Joivt Stofk Alfa"), (Words{"joivt", "stofk", "alfa"}));
  // A word before a legal form written in full is a word of the name, even one slip
  // from the form's longer version (public joint stock company).
  EXPECT_EQ(Canons("PUBLIX JOINT STOCK COMPANY"), (Words{"publix", "jsc"}));
  EXPECT_EQ(Canons("OPEL JOINT STOCK COMPANY"), (Words{"opel", "jsc"}));
  // Short words with c/k are names: Ko, KV; "du" is no "doo".
  EXPECT_EQ(Canons("KO Yong"), (Words{"ko", "yong"}));
  EXPECT_EQ(Canons("KV Alfa"), (Words{"kv", "alfa"}));
  EXPECT_EQ(Canons("Du Alfa"), (Words{"du", "alfa"}));
}

TEST(NormalizeTest, ALetterDroppedOrSwappedInAShortBusinessWord) {
  EXPECT_EQ(Canons("GAZ GROPU"), Canons("GAZ GROUP"));
  EXPECT_EQ(Canons("Grup Alfa"), Canons("Grupo Alfa"));
  EXPECT_EQ(Canons("BULLET TRADHE OOD"), Canons("BULLET TRADE OOD"));
  EXPECT_EQ(Canons("Globl Alfa Impot"), Canons("Global Alfa Import"));
  EXPECT_TRUE(TokenizeName("GAZ GROPU")[1].corrected);
  // Another letter in its place, or one added, is often a word: Trace, Stork, Tradex.
  EXPECT_EQ(Canons("Trace Stork Tradex"), (Words{"trace", "stork", "tradex"}));
  // Nor the first letter: "roup" is no group.
  EXPECT_EQ(Canons("Roup Alfa"), (Words{"roup", "alfa"}));
}

TEST(NormalizeTest, ANumberWordWithASlip) {
  EXPECT_EQ(Canons("FOURETEN STARS"), Canons("14 Stars"));
  // Short number words are not read through a slip: "fiev", "frist" stay words.
  EXPECT_EQ(Canons("Fiev Frist"), (Words{"fiev", "frist"}));
}

TEST(NormalizeTest, EmptyAndPunctuationOnlyNamesHaveNoTokens) {
  EXPECT_TRUE(TokenizeName("").empty());
  EXPECT_TRUE(TokenizeName(" ,.;- ").empty());
}

// The spellings of Abd (given_names/abd_compound.h) are one word to the tokenizer;
// names that only begin with its letters are not.
TEST(NormalizeTest, EverySpellingOfAbdSharesOneCanon) {
  EXPECT_EQ(Canons("'Abd al-Aziz"), (Words{"abdul", "al", "aziz"}));
  EXPECT_EQ(Canons("Abdul Aziz"), (Words{"abdul", "aziz"}));
  EXPECT_EQ(Canons("ABDEL AZIZ"), (Words{"abdul", "aziz"}));
  EXPECT_EQ(Canons("Abdol Aziz"), (Words{"abdul", "aziz"}));
  EXPECT_EQ(Canons("Abd ar-Rahman"), (Words{"abdul", "ar", "rahman"}));
  // The word keeps its text: the explanation shows what was written.
  EXPECT_EQ(TokenizeName("Abdel")[0].text, "abdel");
}

TEST(NormalizeTest, NamesThatOnlyBeginWithAbdStayThemselves) {
  // Abd Allah is a name of its own; a compound written as one word is left to the
  // joined-word lookups ("abdulaziz" / "abdul aziz").
  EXPECT_EQ(Canons("Abdullah"), (Words{"abdullah"}));
  EXPECT_EQ(Canons("Abdallah"), (Words{"abdallah"}));
  EXPECT_EQ(Canons("Abdulaziz"), (Words{"abdulaziz"}));
  EXPECT_EQ(Canons("Abdi"), (Words{"abdi"}));
}

}  // namespace
}  // namespace tollgate::screening

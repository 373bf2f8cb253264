package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The readings of English a question's words alone don't carry. */
class EnglishTest {

  @Test
  void aStatementSayingTheYearBeforeSpeaksOfItToo() {
    assertEquals(
        Set.of("2025", "2024"),
        English.yearsSpokenOf(
            "Revenue tripled in the fiscal year ending June 2025, following a 400% surge the year before."));
    assertEquals(Set.of("2024"), English.yearsSpokenOf("China was 1.5% of revenue in 2024."));
    assertEquals(Set.of(), English.yearsSpokenOf("ByteDance spends over US$1 billion annually."));
  }

  @Test
  void yearsAreFourDigitsStartingNineteenOrTwenty() {
    assertEquals(Set.of("2024", "1999"), English.years("2024年 and 1999, not 3024 or 120245"));
  }

  @ParameterizedTest(name = "\"{0}\" reads as \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "revenue in FY26?           | revenue in fiscal year 2026?",
        "fy 2024 and fy'23 figures  | fiscal year 2024 and fiscal year 2023 figures",
        "FY-25 growth               | fiscal year 2025 growth",
        // not a fiscal year: a longer number, or a figure
        "fy123 and FY25% and fyi    | fy123 and FY25% and fyi",
      })
  void aFiscalYearByItsAbbreviationIsWrittenOut(String text, String expected) {
    assertEquals(expected, English.withFiscalYears(text));
  }

  @ParameterizedTest(name = "\"{0}\" sets aside {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "besides OpenAI and Anthropic, who else refuses to sell?   | OpenAI and Anthropic",
        "who else apart from Brad Smith testified?                 | Brad Smith",
        "which other firms other than ByteDance use Azure AI?      | ByteDance",
        "who else uses Azure AI?                                   | ''",
      })
  void aSetAsidePhraseEndsAtItsClauseOrTheQuestionWord(String question, String phrase) {
    assertEquals(phrase.isEmpty() ? List.of() : List.of(phrase), English.setAside(question));
  }

  @ParameterizedTest(name = "\"{0}\" asks to have {1} described")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "what's the weather like near the Redmond office this year? | weather",
        "What is the weather in Redmond like?                       | weather",
        "so what's Azure AI growth like in China?                   | growth",
        "how's the mood at Microsoft?                               | mood",
        "how is the coffee?                                         | coffee",
        "how is the office coffee these days?                       | coffee",
        // the phrase's head is its last word; asked something of, it is not described
        "how is the Windows maker able to sell GPT models?          | -",
        "what does ByteDance spend on Azure, like Tencent?          | -",
        "how much does ByteDance spend?                             | -",
      })
  void whatIsXLikeAsksForADescriptionOfX(String question, String head) {
    assertEquals(head, English.described(question));
  }

  @ParameterizedTest(name = "\"{0}\" asks the plan of {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "what are lawmakers planning to do about it?        | lawmakers",
        "WHAT DID CONGRESS DECIDE TO DO ABOUT MSFT CHINA    | CONGRESS",
        "is Microsoft going to keep selling AI in China?    | Microsoft",
        "what will the company do next?                     | the company",
        "will Microsoft keep selling AI models in China?    | -",
      })
  void thePlannerIsTheSubjectOfTheVerbOfPlanning(String question, String planner) {
    assertEquals(planner, English.planner(question));
  }

  @Test
  void possessorsAreLowerCasedWhateverTheApostrophe() {
    assertEquals(
        Set.of("kuaishou", "tencent", "bytedance"),
        Question.possessors(
            "Kuaishou's revenue, Tencent\u2019s spend, BYTEDANCE'S cloud, its cost"));
  }

  @ParameterizedTest(name = "\"{0}\": the asker's own is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          do our benefits cover mental health services?     | benefits
          can you send my team's expense policy?            | team, expense, policy
          OUR CLIENT asked about China                      | client
          is this yours or mine?                            | ''
          my team and our benefits                          | team, benefits
          whose revenue is it? not our business             | business
          """)
  void theAskersOwnIsTheNounPhraseAfterOurOrMy(String question, String own) {
    assertEquals(
        own.isEmpty() ? Set.of() : Set.of(own.split(", ")), Question.askersOwn(question), question);
  }

  @ParameterizedTest(name = "\"{0}\" counts {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          how many Chinese companies use Azure AI?              | companies
          how many new customers does Azure AI have?            | customers
          How many people attended the meeting?                 | people
          how many customers does Azure AI have in China?       | customers
          what's the number of engineers in Rotterdam?          | engineers
          how many do they name?                                | ''
          """)
  void whatAQuestionCountsIsTheHeadNounAfterHowMany(String question, String counted) {
    assertEquals(counted.isEmpty() ? null : counted, English.counted(question), question);
  }

  @ParameterizedTest(name = "\"{0}\" asks a share of a whole narrowed by [{1}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          what share of Microsoft AI revenue comes from China?       | Microsoft, AI
          what % of Tencent china revenue is AI?                     | Tencent, china
          what percentage of the company total revenue is China?     | company
          what share of revenue comes from China?                    | ''
          what share of the global cloud revenue?                    | cloud
          is China a big part of Microsoft sales?                    | Microsoft
          what does the report say about revenue?                    | ''
          """)
  void aShareIsOfTheWholeItsNounsNarrow(String question, String nouns) {
    String asked = English.wholeAsked(question);
    assertEquals(
        nouns.isEmpty() ? List.of() : List.of(nouns.split(", ")),
        asked == null ? List.of() : English.wholeNarrowedBy(asked),
        question);
  }

  @Test
  void nonNegatesTheWordAfterIt() {
    assertEquals(
        List.of(new English.Negation("AI", "non-AI")),
        English.negations("how much non-AI revenue? nonstop, anon-ai"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "how much does Tencent spend on ",
        "paying msft for the ",
        "does Meituan spend like ",
        "sold to "
      })
  void whatIsPaidForSoldToOrComparedWithIsAside(String before) {
    assertTrue(English.isAside(before), before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "how much does ",
        "what did Brad Smith say about ",
        "is ",
        "what's the reason given for ",
        "what are the reasons for "
      })
  void whatIsAskedAboutIsNotAside(String before) {
    assertFalse(English.isAside(before), before);
  }

  @Test
  void comparisonsAndListsAreNotQuestionsAboutThingsTogether() {
    assertTrue(English.compares("is Tencent or ByteDance the bigger customer?"));
    assertTrue(English.compares("do Meituan and Ant Group use Azure?"));
    assertFalse(English.compares("what did Brad Smith say about ByteDance?"));
  }

  @Test
  void whatForAsksForAPurpose() {
    assertTrue(English.asksWhatFor("what are chinese companies using the models for?"));
    assertFalse(English.asksWhatFor("what is the reason for staying in China?"));
  }
}

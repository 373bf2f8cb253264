package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import msftchina.app.Wording;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The outcome a user sees for a question to the fixture report: how strong the answer is, or the
 * one sentence saying what the report lacks, and the closest statements shown with a refusal.
 */
class AnswerTest {

  private static final KnowledgeBase kb = FixtureReport.knowledgeBase();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Who is Lumenbay's biggest customer?         | STRONG",
        // 'much' and 'make' are words the report doesn't use
        "How much revenue did Lumenbay make in 2025? | PARTIAL",
        "???                                         | NOTHING_ASKED",
        "Does Amazon buy Lumenbay robots?            | NOT_IN_REPORT",
      })
  void saysHowStrongTheAnswerIs(String question, Answer.Strength strength) {
    assertEquals(strength, kb.ask(question).strength());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "Does Amazon buy Lumenbay robots?             | The report doesn't say anything about"
            + " Amazon.                                           | -",
        "What did Jensen Huang say about Lumenbay?    | The report doesn't say anything about"
            + " Jensen or Huang.                                  | -",
        "???                                          | There is nothing in that to search the"
            + " report for: ask a question in words.             | -",
        "What is Lumenbay's non-robot revenue?        | The report doesn't say anything about"
            + " non-robot.                                        | -",
        "How much does Norvik spend on robots?        | The report doesn't say how much Norvik"
            + " spends on robots.                                 | 3.3",
        "How many robots does Tidewell buy?           | The report doesn't say how many robots"
            + " Tidewell buys.                                    | 1.3",
      })
  void aRefusalSaysInOneSentenceWhatTheReportLacks(
      String question, String sentence, String closest) {
    Answer answer = kb.ask(question);

    assertEquals(sentence, Wording.ENGLISH.refusal(answer));
    assertEquals(List.of(), answer.matches());
    assertEquals(
        closest == null ? List.of() : List.of(FixtureReport.REPORT + ":" + closest),
        answer.related().stream().map(m -> m.fact().id()).toList());
  }
}

package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import msftchina.app.Wording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The order of the statements shown: on decisions written out (the statements with everything asked
 * for first, the others scaled below them, at most three, none far below the best), and on the
 * fixture report, the first statement each question gets.
 */
class RankingTest {

  private static final KnowledgeBase kb = FixtureReport.knowledgeBase();

  static Stream<Arguments> decisions() {
    return Stream.of(
        Arguments.of(
            "an answering statement comes before a better-scoring other one, scaled below it",
            new Decision(List.of(c(0, 10), c(1, 8)), List.of(c(2, 9.5f)), null),
            List.of(c(0, 10), c(1, 8), c(2, 7.2f))),
        Arguments.of(
            "others already below the last answering statement keep their scores",
            new Decision(List.of(c(0, 10)), List.of(c(1, 5)), null),
            List.of(c(0, 10), c(1, 5))),
        Arguments.of(
            "at most three",
            new Decision(List.of(c(0, 10), c(1, 9), c(2, 8), c(3, 7)), List.of(), null),
            List.of(c(0, 10), c(1, 9), c(2, 8))),
        Arguments.of(
            "none below a share of the best",
            new Decision(List.of(c(0, 10), c(1, 2.9f)), List.of(), null),
            List.of(c(0, 10))),
        Arguments.of(
            "an other statement is cut on its own score, not its scaled one",
            new Decision(List.of(c(0, 10)), List.of(c(1, 3.1f), c(2, 2.9f)), null),
            List.of(c(0, 10), c(1, 3.1f))),
        Arguments.of(
            "a refusal's closest statements keep their order and scores",
            new Decision(
                List.of(),
                List.of(c(4, 6), c(5, 1)),
                new Refusal(Refusal.Reason.DETAIL_NOT_IN_REPORT, List.of("a count"))),
            List.of(c(4, 6))),
        Arguments.of("nothing to rank", new Decision(List.of(), List.of(), null), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisions")
  void ranksADecision(String why, Decision decision, List<Candidate> shown) {
    assertEquals(shown, Ranking.rank(decision));
  }

  static Stream<Arguments> decisionsPuttingAStatementFirst() {
    return Stream.of(
        Arguments.of(
            "a shown statement giving what is put first comes first, at the first one's score",
            new Decision(List.of(c(0, 10), c(1, 8), c(2, 6)), List.of(), null),
            Set.of(2),
            List.of(c(2, 10), c(0, 10), c(1, 8))),
        Arguments.of(
            "the first already gives it: the order stands",
            new Decision(List.of(c(0, 10), c(1, 8), c(2, 6)), List.of(), null),
            Set.of(0, 2),
            List.of(c(0, 10), c(1, 8), c(2, 6))),
        Arguments.of(
            "the best of those giving it is moved, and only it",
            new Decision(List.of(c(0, 10), c(1, 8), c(2, 6)), List.of(), null),
            Set.of(1, 2),
            List.of(c(1, 10), c(0, 10), c(2, 6))),
        Arguments.of(
            "one from below the first three comes first, pushing the third out",
            new Decision(List.of(c(0, 10), c(1, 9), c(2, 8), c(3, 7)), List.of(), null),
            Set.of(3),
            List.of(c(3, 10), c(0, 10), c(1, 9))),
        Arguments.of(
            "one scoring below the share of the best shown is not moved",
            new Decision(List.of(c(0, 10), c(1, 2.9f)), List.of(), null),
            Set.of(1),
            List.of(c(0, 10))),
        Arguments.of(
            "an other statement giving it comes before the answering one naming what is asked about",
            new Decision(List.of(c(0, 10)), List.of(c(1, 9.5f)), null),
            Set.of(1),
            List.of(c(1, 10), c(0, 10))),
        Arguments.of(
            "none gives it: the order stands",
            new Decision(List.of(c(0, 10), c(1, 8)), List.of(), null),
            Set.of(),
            List.of(c(0, 10), c(1, 8))));
  }

  @Test
  void neverAboveTheStatementsWithEverythingElseAsked() {
    // "why does Microsoft stay in China, and how much of its revenue is it?": the share asked
    Decision decision = new Decision(List.of(c(0, 10), c(1, 8)), List.of(c(2, 9.5f)), null);

    assertEquals(
        List.of(c(1, 10), c(0, 10), c(2, 7.2f)),
        Ranking.rank(decision, Set.of(1, 2)::contains, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionsPuttingAStatementFirst")
  void putsAStatementGivingWhatIsAskedFirstOnTop(
      String why, Decision decision, Set<Integer> giving, List<Candidate> shown) {
    assertEquals(shown, Ranking.rank(decision, giving::contains, false));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Who is Lumenbay's biggest customer?          | 1.2",
        "Who are the other customers?                 | 1.3",
        "Where does Lumenbay buy its camera chips?    | 3.1",
        "What do the robots pick?                     | 1.1",
        "How fast do the robots recharge?             | 4.4",
        "Do robots replace workers?                   | 4.2",
        "Who is Lumenbay's rival?                     | 3.3",
        "Where will the new factory be?               | 4.1",
        "How many engineers does Lumenbay employ?     | 2.3",
        "How much revenue did Lumenbay make in 2025?  | 2.1",
        "What share of revenue comes from leasing?    | 2.2",
        "When did the chip shortage delay deliveries? | 3.2",
        // the uncited statement answers too, shown as uncited
        "Is Lumenbay for sale?                        | 4.3",
        // what a question names is what it asks about: the statement naming it comes first
        "Is Tidewell a customer for the robots Lumenbay builds? | 1.3",
      })
  void aQuestionGetsItsStatementFirst(String question, String first) {
    Answer answer = kb.ask(question);

    assertTrue(answer.answered(), () -> Wording.ENGLISH.refusal(answer));
    assertEquals(FixtureReport.REPORT + ":" + first, answer.matches().get(0).fact().id());
    for (int i = 1; i < answer.matches().size(); i++) {
      assertTrue(answer.matches().get(i).score() <= answer.matches().get(i - 1).score());
    }
  }

  private static Candidate c(int doc, float score) {
    return new Candidate(doc, score);
  }
}

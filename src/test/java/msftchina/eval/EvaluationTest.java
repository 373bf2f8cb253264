package msftchina.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import msftchina.search.KnowledgeBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Answer quality on the evaluation sets in {@code eval/}, held to floors a little below the figures
 * {@code msftchina eval} measures (see the README), so a change that makes answers worse fails the
 * build.
 */
class EvaluationTest {

  @TempDir static Path index;
  private static KnowledgeBase kb;
  private static Map<String, Evaluation.Scores> scores;

  @BeforeAll
  static void evaluate() throws Exception {
    kb = KnowledgeBase.open(Path.of("facts"), index, line -> {});
    List<EvalQuestion> questions = new ArrayList<>();
    for (String set :
        List.of(
            "eval/tuning.jsonl",
            "eval/tuning2.jsonl",
            "eval/tuning3.jsonl",
            "eval/heldout.jsonl",
            "eval/tuning4.jsonl",
            "eval/tuning5.jsonl",
            "eval/tuning6.jsonl",
            "eval/tuning7.jsonl",
            "eval/tuning8.jsonl",
            "eval/tuning9.jsonl",
            "eval/tuning10.jsonl",
            "eval/tuning11.jsonl",
            "eval/tuning12.jsonl",
            "eval/tuning13.jsonl",
            "eval/tuning14.jsonl",
            "eval/tuning15.jsonl",
            "eval/tuning16.jsonl",
            "eval/tuning17.jsonl",
            "eval/tuning18.jsonl",
            "eval/unseen/unseen.jsonl",
            "eval/unseen/unseen2.jsonl",
            "eval/unseen/unseen3.jsonl",
            "eval/unseen/unseen4.jsonl",
            "eval/unseen/unseen5.jsonl",
            "eval/unseen/unseen6.jsonl",
            "eval/unseen/unseen7.jsonl",
            "eval/unseen/unseen8.jsonl",
            "eval/unseen/unseen9.jsonl",
            "eval/unseen/unseen10.jsonl",
            "eval/unseen/unseen11.jsonl",
            "eval/unseen/unseen12.jsonl",
            "eval/unseen/unseen13.jsonl",
            "eval/unseen/unseen14.jsonl",
            "eval/unseen/unseen15.jsonl",
            "eval/unseen/unseen16.jsonl",
            "eval/unseen/unseen17.jsonl")) {
      questions.addAll(EvalQuestion.read(Path.of(set)));
    }
    scores = Evaluation.run(questions, kb::ask);
  }

  @AfterAll
  static void close() throws Exception {
    kb.close();
  }

  @Test
  void setsAreLargeEnoughAndMixed() {
    assertTrue(scores.get("all").answerable() + scores.get("all").offTopic() >= 150);
    assertTrue(scores.get("held-out").answerable() + scores.get("held-out").offTopic() >= 40);
    assertTrue(scores.get("all").offTopic() >= 40);
  }

  /**
   * The sets tuned on and the held-out set, each held to floors below what it measures; their
   * misses are printed, to tune on (but the held-out set's).
   */
  @ParameterizedTest
  @CsvSource({
    // set,   hit@1, hit@3, refused  (measured: hit@1 / hit@3 / refused)
    // 0.924 refused with the details asked besides a figure (issue 17, item 3), 0.876 before
    "tuning,   0.94,  0.98,  0.90", // 95.3 / 98.4 / 96.6
    // 78.8 refused on d81054a, before the decision asked more of messages naming no entity
    "tuning7,  0.90,  0.96,  0.80", // 98.0 / 100.0 / 91.8
    // 69.3 / 74.7 / 72.0 on 8f94d37, before products, descriptions and the "which" reading
    "tuning8,  0.75,  0.80,  0.76", // 80.0 / 84.7 / 86.0
    // 71.5 / 75.4 / 80.0 on c93d615, before any change made with it
    "tuning9,  0.66,  0.70,  0.84", // 76.9 / 80.8 / 90.0
    // 95.0 / 98.3 / 71.0 on a044fb3, before any change made with it
    "tuning10, 0.90,  0.93,  0.70", // 96.7 / 96.7 / 79.0
    // 82.2 / 88.9 / 78.8 on 45d0888, before any change made with it
    "tuning11, 0.78,  0.84,  0.74", // 82.2 / 88.9 / 78.8
    // 90.0 / 91.5 / 86.0 on e6b9dfa, before any change made with it
    "tuning12, 0.86,  0.87,  0.82", // 90.0 / 91.5 / 86.0
    // 72.9 / 78.1 on 282304c, before any change made with it; 96 indirect questions, none to refuse
    "tuning13, 0.70,  0.75,  0.00", // 72.9 / 78.1 / -
    // 66.2 / 72.4 / 87.3 on 526e586, before any change made with it
    "tuning14, 0.62,  0.68,  0.83", // 66.2 / 72.4 / 87.3
    // 81.4 / 89.0 / 90.9 on aaddfca, before any change made with it
    "tuning15, 0.77,  0.85,  0.86", // 81.4 / 89.0 / 90.9
    // 87.6 / 89.7 / 94.5 on 854ac41, before any change made with it
    "tuning16, 0.83,  0.85,  0.90", // 87.6 / 89.7 / 94.5
    "tuning17, 0.79,  0.85,  0.74", // 83.6 / 90.0 / 78.9, measured on d5722a0
    "tuning18, 0.76,  0.83,  0.79", // 80.8 / 87.5 / 83.8, measured on 5313fad
    "held-out, 0.94,  0.97,  0.90", // 100 / 100 / 100
  })
  void tunedSetsStayAboveTheirFloors(String part, double hit1, double hit3, double refused) {
    Evaluation.Scores s = scores.get(part);
    String misses = part.equals("held-out") ? "" : "\n" + String.join("\n", s.misses());
    assertTrue(s.hit1() >= hit1, "hit@1 " + s.hit1() + misses);
    assertTrue(s.hit3() >= hit3, "hit@3 " + s.hit3() + misses);
    assertTrue(s.refused() >= refused, "refused " + s.refused() + misses);
  }

  /**
   * The sets written blind and never tuned on: each held to floors a few points below what it
   * measured (README, "Answer quality"), as a guard against regressions only. Their misses are not
   * printed, so that nobody tunes on them.
   */
  @ParameterizedTest
  @CsvSource({
    // set,  hit@1, hit@3, refused  (measured: hit@1 / hit@3 / refused)
    "unseen,  0.80,  0.84,  0.80", // 84.3 / 88.2 / 85.4
    "unseen2, 0.88,  0.90,  0.90", // 92.5 / 95.0 / 95.0
    "unseen3, 0.86,  0.89,  0.78", // 90.6 / 92.9 / 82.4
    "unseen4, 0.86,  0.89,  0.72", // 90.1 / 93.4 / 76.0
    "unseen5, 0.83,  0.87,  0.70", // 87.1 / 91.1 / 74.0, measured on e4993c4 before any change
    "unseen6, 0.78,  0.82,  0.70", // 82.1 / 86.2 / 76.0, measured on 0c0938c before any change
    "unseen7, 0.81,  0.87,  0.76", // 85.6 / 91.2 / 82.0, measured on d81054a before any change
    "unseen8, 0.82,  0.86,  0.70", // 87.2 / 90.4 / 76.4, measured on 3d8373a before any change
    "unseen9, 0.83,  0.86,  0.76", // 88.0 / 91.2 / 81.8, measured on c93d615 before any change
    "unseen10, 0.88, 0.88,  0.74", // 92.8 / 93.6 / 80.0, measured on a044fb3 before any change
    "unseen11, 0.82, 0.84,  0.84", // 86.7 / 89.1 / 89.5, measured on 45d0888 before any change
    "unseen12, 0.82, 0.89,  0.90", // 86.2 / 93.8 / 94.7, measured on e6b9dfa before any change
    "unseen13, 0.72, 0.76,  0.83", // 76.5 / 80.1 / 87.7, measured on 526e586 before any change
    "unseen14, 0.85, 0.87,  0.79", // 89.6 / 91.9 / 83.6, measured on aaddfca before any change
    "unseen15, 0.89, 0.92,  0.88", // 93.3 / 96.3 / 92.7, measured on 8a4e57d before any change
    "unseen16, 0.84, 0.88,  0.81", // 88.9 / 92.6 / 85.5, measured on d5722a0 before any change
    "unseen17, 0.87, 0.89,  0.79", // 91.9 / 94.1 / 83.6, measured on 5313fad before any change
  })
  void unseenSetsStayAboveTheirFloors(String part, double hit1, double hit3, double refused) {
    Evaluation.Scores s = scores.get(part);
    assertTrue(s.hit1() >= hit1, "hit@1 " + s.hit1());
    assertTrue(s.hit3() >= hit3, "hit@3 " + s.hit3());
    assertTrue(s.refused() >= refused, "refused " + s.refused());
  }

  @Test
  void noQuestionEverErrors() {
    assertEquals(0, scores.get("all").errors(), String.join("\n", scores.get("all").misses()));
  }
}

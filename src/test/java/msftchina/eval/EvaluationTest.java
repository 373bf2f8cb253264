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
import org.junit.jupiter.params.provider.ValueSource;

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
            "eval/unseen/unseen.jsonl",
            "eval/unseen/unseen2.jsonl")) {
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

  @Test
  void tuningSetIsAnsweredAndRefusedWell() {
    Evaluation.Scores s = scores.get("tuning");
    assertTrue(s.hit1() >= 0.94, "hit@1 " + s.hit1() + "\n" + String.join("\n", s.misses()));
    assertTrue(s.hit3() >= 0.98, "hit@3 " + s.hit3());
    // 0.92 before the word lists were cut to general English and the report's names (issue 17,
    // item 5): the refusals that rested on a word made a name for one question ("replaced",
    // "succeeded", "own", "stopped") went with those words.
    assertTrue(s.refused() >= 0.85, "refused " + s.refused());
  }

  @Test
  void heldOutSetIsAnsweredAndRefusedWell() {
    Evaluation.Scores s = scores.get("held-out");
    assertTrue(s.hit1() >= 0.94, "hit@1 " + s.hit1());
    assertTrue(s.hit3() >= 0.97, "hit@3 " + s.hit3());
    assertTrue(s.refused() >= 0.9, "refused " + s.refused());
  }

  /**
   * The set written blind and never tuned on: a floor below what it measured, as a guard against
   * regressions only. Its misses are not printed, so that nobody tunes on them.
   */
  @ParameterizedTest
  @ValueSource(strings = {"unseen", "unseen2"})
  void unseenSetsStayAboveTheirFloors(String part) {
    Evaluation.Scores s = scores.get(part);
    assertTrue(s.hit1() >= 0.80, "hit@1 " + s.hit1());
    assertTrue(s.hit3() >= 0.84, "hit@3 " + s.hit3());
    assertTrue(s.refused() >= 0.80, "refused " + s.refused());
  }

  @Test
  void noQuestionEverErrors() {
    assertEquals(0, scores.get("all").errors(), String.join("\n", scores.get("all").misses()));
  }
}

package msftchina.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import msftchina.facts.FactsFormatException;
import msftchina.search.DecisionModel;
import msftchina.search.KnowledgeBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fitting the decision to answer or refuse, and scoring each fold on questions it never saw. */
class FitTest {

  @TempDir static Path indexDir;

  private static KnowledgeBase kb;

  @BeforeAll
  static void open() throws Exception {
    kb = KnowledgeBase.open(Path.of("facts"), indexDir, line -> {});
  }

  @AfterAll
  static void close() throws Exception {
    kb.close();
  }

  private static final DecisionModel ANSWERS_ANYTHING = new DecisionModel(0.01, 0.01, 0.01, 0.01);

  private static final List<EvalQuestion> QUESTIONS =
      List.of(
          question("who is Microsoft's biggest AI customer in China?", "msft-china-ai:1.2"),
          question("how fast did Azure AI revenue grow in China?", "msft-china-ai:4.1"),
          question("which Chinese firms use Azure AI models?", "msft-china-ai:1.3"),
          question("what share of Microsoft's revenue came from China?", "msft-china-ai:2.1"),
          question("is there a decent cafe near the office?"),
          question("what's the capital of France?"),
          question("recommend a good pizza place"),
          question("who won the football match in China last night?"));

  private static EvalQuestion question(String text, String... expected) {
    return new EvalQuestion(text, List.of(expected), "test", "");
  }

  @Test
  void theFitChoosesTheParametersThatDecideMoreQuestionsRight() {
    Fit.Fitted careless = Fit.run(QUESTIONS, kb::ask, List.of(ANSWERS_ANYTHING), 2, 1);
    assertTrue(careless.accuracy() < 1, "answering anything gets off-topic questions wrong");

    Fit.Fitted fit =
        Fit.run(QUESTIONS, kb::ask, List.of(ANSWERS_ANYTHING, DecisionModel.UNFITTED), 2, 1);
    assertEquals(DecisionModel.UNFITTED, fit.model());
    assertEquals(1.0, fit.accuracy(), 1e-9);
  }

  @Test
  void eachFoldIsScoredOnTheQuestionsItWasNotChosenOn() {
    Fit.Fitted fit = Fit.run(QUESTIONS, kb::ask, List.of(DecisionModel.UNFITTED), 4, 7);
    assertEquals(4, fit.folds().size());
    assertEquals(
        QUESTIONS.size(), fit.folds().stream().mapToInt(f -> f.answerable() + f.offTopic()).sum());
    for (Fit.Fold f : fit.folds()) {
      assertEquals(1.0, f.trainAccuracy(), 1e-9, f.toString());
      assertTrue(f.answerable() + f.offTopic() == 2, f.toString());
    }
  }

  @Test
  void aDecisionFileThatCannotBeReadSaysWhatItNeeds(@TempDir Path facts) throws Exception {
    Files.writeString(facts.resolve(DecisionModel.FILE_NAME), "minCoverage=lots\n");
    FactsFormatException e =
        assertThrows(FactsFormatException.class, () -> DecisionModel.read(facts));
    assertTrue(e.getMessage().contains("decision.properties: needs minCoverage"), e.getMessage());
  }

  @Test
  void withNoDecisionFileTheHandChosenParametersAreUsed(@TempDir Path facts) throws Exception {
    assertEquals(DecisionModel.UNFITTED, DecisionModel.read(facts));
  }

  @Test
  void aDecisionFileFittedBeforeUnnamedQuestionsAsksNoMoreOfThem(@TempDir Path facts)
      throws Exception {
    Files.writeString(
        facts.resolve(DecisionModel.FILE_NAME),
        "minCoverage=0.45\nunknownWordWeight=0.35\nunknownOtherWeight=0.40\n");
    assertEquals(new DecisionModel(0.45, 0.45, 0.35, 0.40), DecisionModel.read(facts));
  }

  @Test
  void writtenParametersReadBackTheSame(@TempDir Path facts) throws Exception {
    DecisionModel fitted = new DecisionModel(0.45, 0.55, 0.35, 0.30);
    Files.writeString(facts.resolve(DecisionModel.FILE_NAME), fitted.toProperties("fitted"));
    assertEquals(fitted, DecisionModel.read(facts));
  }
}

package msftchina.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import msftchina.facts.FactsFormatException;
import msftchina.search.DecisionModel;
import msftchina.testing.BundledReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Fitting the decision to answer or refuse, and scoring each fold on questions it never saw. */
class FitTest {

  @RegisterExtension static final BundledReport kb = new BundledReport();

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
  void moreAnswerableQuestionsDoNotBuyAnswersWithWrongOnes() {
    // answering anything gets the five answerable questions right and both off-topic ones wrong
    // (5 of 7); the hand-chosen parameters refuse the three written in words the report never
    // uses, and both off-topic ones (4 of 7): more right in all, but half the refusals lost
    List<EvalQuestion> mostlyAnswerable =
        List.of(
            question("who is Microsoft's biggest AI customer in China?", "msft-china-ai:1.2"),
            question("how fast did Azure AI revenue grow in China?", "msft-china-ai:4.1"),
            question(
                "trying to figure out whether microsoft really has a meaningful ai business in"
                    + " china given the whole race thing, thoughts?",
                "msft-china-ai:1.1"),
            question(
                "honestly wondering which outfit over there writes microsoft the fattest cheques"
                    + " for ai stuff these days",
                "msft-china-ai:1.2"),
            question(
                "gut check please: roughly what slice of the whole pie did china make up for"
                    + " microsoft back in 2024",
                "msft-china-ai:2.1"),
            question("who won the football match in China last night?"),
            question("can someone reboot the printer on the China desk"));
    List<DecisionModel> grid = List.of(ANSWERS_ANYTHING, DecisionModel.UNFITTED);
    boolean[] anything = decided(mostlyAnswerable, ANSWERS_ANYTHING);
    boolean[] handChosen = decided(mostlyAnswerable, DecisionModel.UNFITTED);
    assertEquals("[true, true, true, true, true, false, false]", Arrays.toString(anything));
    assertEquals("[true, true, false, false, false, true, true]", Arrays.toString(handChosen));

    assertEquals(DecisionModel.UNFITTED, Fit.run(mostlyAnswerable, kb::ask, grid, 2, 1).model());
  }

  private static boolean[] decided(List<EvalQuestion> questions, DecisionModel model) {
    boolean[] right = new boolean[questions.size()];
    for (int q = 0; q < right.length; q++) {
      EvalQuestion question = questions.get(q);
      right[q] = Fit.decidedRight(question, kb.ask(question.question(), model));
    }
    return right;
  }

  @Test
  void nearTopicQuestionsAreTheUnansweredOnesOfANearKind() {
    assertTrue(
        new EvalQuestion("when did Brad Smith testify?", List.of(), "t", "near").nearTopic());
    assertTrue(
        new EvalQuestion("who heads Microsoft China?", List.of(), "t", "near_topic").nearTopic());
    assertFalse(new EvalQuestion("any good pizza?", List.of(), "t", "off_topic").nearTopic());
    assertFalse(new EvalQuestion("who spends most?", List.of("r:1.2"), "t", "near").nearTopic());
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
  void aDecisionFileFittedBeforeUnnamedQuestionsAndEverydayWordsKeepsTheirOldReading(
      @TempDir Path facts) throws Exception {
    Files.writeString(
        facts.resolve(DecisionModel.FILE_NAME),
        "minCoverage=0.45\nunknownWordWeight=0.35\nunknownOtherWeight=0.40\n");
    assertEquals(new DecisionModel(0.45, 0.45, 0.35, 0.40), DecisionModel.read(facts));
  }

  @Test
  void writtenParametersReadBackTheSame(@TempDir Path facts) throws Exception {
    DecisionModel fitted = new DecisionModel(0.45, 0.55, 0.35, 0.30, 0.17);
    Files.writeString(facts.resolve(DecisionModel.FILE_NAME), fitted.toProperties("fitted"));
    assertEquals(fitted, DecisionModel.read(facts));
  }
}

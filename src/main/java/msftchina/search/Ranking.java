package msftchina.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Orders the statements that answer a question: those with everything it asks for first, then those
 * sharing its words, at most {@link #MAX_FACTS}, none scoring below a share of the best; of these,
 * one giving what the question puts first ("why…?": a reason) is moved to the top. Scores are shown
 * as ranked: each is at most the one before it.
 */
final class Ranking {

  /** The most facts an answer gives. */
  static final int MAX_FACTS = 3;

  /** How far below the last statement with everything asked for the others are shown. */
  static final float DEMOTION = 0.9f;

  private Ranking() {}

  /** Returns the statements of {@code decision} to show, best first, with their ranked scores. */
  static List<Candidate> rank(Decision decision) {
    return rank(decision, null, false);
  }

  /**
   * Returns the statements of {@code decision} to show, best first, with their ranked scores; when
   * the first shown doesn't satisfy {@code first} (none when null) and another shown does, that one
   * comes first, at the first one's score, but never above the answering statements when they
   * {@code haveAllAsked} (a figure, a detail: "why…, and how much of its revenue is it?").
   */
  static List<Candidate> rank(Decision decision, IntPredicate first, boolean haveAllAsked) {
    List<Candidate> ordered = new ArrayList<>(decision.answering());
    if (!decision.others().isEmpty()) {
      float last = ordered.isEmpty() ? Float.MAX_VALUE : ordered.get(ordered.size() - 1).score();
      float best = decision.others().get(0).score();
      // Scale the others below the last answering statement, keeping their order.
      float scale = best * DEMOTION > last ? last * DEMOTION / best : 1f;
      decision.others().forEach(c -> ordered.add(new Candidate(c.doc(), c.score() * scale)));
    }
    float least =
        ordered.isEmpty() ? 0 : (float) (topRaw(decision) * Answerability.RELATIVE_CUTOFF);
    if (first != null) {
      int from = haveAllAsked ? decision.answering().size() : ordered.size();
      putFirst(ordered, decision, least, first, Math.min(from, ordered.size()));
    }
    List<Candidate> shown = new ArrayList<>();
    for (int i = 0; i < ordered.size() && shown.size() < MAX_FACTS; i++) {
      if (raw(decision, i) < least) {
        break;
      }
      shown.add(ordered.get(i));
    }
    return shown;
  }

  /**
   * Moves to the top of {@code ordered} the best statement satisfying {@code first} among its first
   * {@code within} scoring at least {@code least} (unscaled), unless the top one does: a question
   * asking why is answered first by a statement giving a reason that matches its words well enough
   * to be shown.
   */
  private static void putFirst(
      List<Candidate> ordered, Decision decision, float least, IntPredicate first, int within) {
    if (ordered.isEmpty() || first.test(ordered.get(0).doc())) {
      return;
    }
    for (int i = 1; i < within && raw(decision, i) >= least; i++) {
      if (first.test(ordered.get(i).doc())) {
        Candidate moved = ordered.remove(i);
        ordered.add(0, new Candidate(moved.doc(), ordered.get(0).score()));
        return;
      }
    }
  }

  /** Returns the unscaled score of the {@code i}th statement in ranked order. */
  private static float raw(Decision decision, int i) {
    int answering = decision.answering().size();
    return i < answering
        ? decision.answering().get(i).score()
        : decision.others().get(i - answering).score();
  }

  private static float topRaw(Decision decision) {
    return raw(decision, 0);
  }
}

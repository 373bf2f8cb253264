package msftchina.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders the statements that answer a question: those with everything it asks for first, then those
 * sharing its words, at most {@link #MAX_FACTS}, none scoring below a share of the best. Scores are
 * shown as ranked: each is at most the one before it.
 */
final class Ranking {

  /** The most facts an answer gives. */
  static final int MAX_FACTS = 3;

  /** How far below the last statement with everything asked for the others are shown. */
  static final float DEMOTION = 0.9f;

  private Ranking() {}

  /** Returns the statements of {@code decision} to show, best first, with their ranked scores. */
  static List<Candidate> rank(Decision decision) {
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
    List<Candidate> shown = new ArrayList<>();
    for (int i = 0; i < ordered.size() && shown.size() < MAX_FACTS; i++) {
      if (raw(decision, i) < least) {
        break;
      }
      shown.add(ordered.get(i));
    }
    return shown;
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

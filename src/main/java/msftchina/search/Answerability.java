package msftchina.search;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Decides whether the report answers a question: it does when some statement matches its words well
 * enough and has everything it asks for (a kind of figure, its years, its entities together, a
 * measure). Otherwise the refusal says what is missing.
 */
final class Answerability {

  /** Statements scoring below this share of the best statement's score don't answer. */
  static final double RELATIVE_CUTOFF = 0.3;

  private final IntFunction<FactTraits> traits;

  /** Creates the decision over statements whose traits, by doc, {@code traits} gives. */
  Answerability(IntFunction<FactTraits> traits) {
    this.traits = traits;
  }

  /** Returns the decision on {@code reading}, whose terms matched {@code candidates}. */
  Decision decide(Reading reading, List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return Decision.refused(new Refusal(Refusal.Reason.WORDS_NOT_IN_REPORT, reading.unknown()));
    }
    Asked asked = reading.asked();
    if (!asked.constrains()) {
      return new Decision(candidates, List.of(), null);
    }
    double least = candidates.get(0).score() * RELATIVE_CUTOFF;
    List<Candidate> answering =
        candidates.stream()
            .filter(c -> c.score() >= least && asked.answeredBy(traits.apply(c.doc())))
            .toList();
    if (answering.isEmpty()) {
      // The closest: statements matching the question's words that name what it asks about.
      List<Candidate> closest =
          candidates.stream()
              .filter(c -> c.score() >= least && asked.names(traits.apply(c.doc())))
              .toList();
      return new Decision(
          List.of(),
          closest,
          new Refusal(Refusal.Reason.DETAIL_NOT_IN_REPORT, List.of(asked.description())));
    }
    return new Decision(
        answering, candidates.stream().filter(c -> !answering.contains(c)).toList(), null);
  }
}

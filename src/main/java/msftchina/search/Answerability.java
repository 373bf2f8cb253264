package msftchina.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import msftchina.facts.Fact;

/**
 * Decides whether the report answers a question: it does when some statement matches its words well
 * enough and has everything it asks for (a kind of figure, its years, its entities together, a
 * measure, the details asked besides, such as a place given near the words asked about). Otherwise
 * the refusal says what is missing.
 */
final class Answerability {

  /** Statements scoring below this share of the best statement's score don't answer. */
  static final double RELATIVE_CUTOFF = 0.3;

  /**
   * A detail that must stand near what is asked about ("850 engineers in Rotterdam") is given when
   * it is at most this many words (stop words aside) from one of the question's words: a phrase
   * qualifies the words beside it, not a word at the other end of the sentence.
   */
  static final int NEAR_WORDS = 3;

  private final IntFunction<Fact> facts;
  private final Analysis analysis;

  /**
   * Creates the decision over the statements {@code facts} gives by doc, read with {@code
   * analysis}.
   */
  Answerability(IntFunction<Fact> facts, Analysis analysis) {
    this.facts = facts;
    this.analysis = analysis;
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
            .filter(c -> c.score() >= least && answers(asked, c.doc(), reading.terms().keySet()))
            .toList();
    if (answering.isEmpty()) {
      // The closest: statements matching the question's words that name what it asks about.
      List<Candidate> closest =
          candidates.stream()
              .filter(c -> c.score() >= least && asked.names(traits(c.doc())))
              .toList();
      return new Decision(
          List.of(),
          closest,
          new Refusal(
              Refusal.Reason.DETAIL_NOT_IN_REPORT, List.of(asked.description()), asked.lacking()));
    }
    return new Decision(
        answering, candidates.stream().filter(c -> !answering.contains(c)).toList(), null);
  }

  private FactTraits traits(int doc) {
    return FactTraits.of(facts.apply(doc));
  }

  /**
   * Returns whether the statement {@code doc} has all {@code asked}, near the {@code terms} or in
   * their clause.
   */
  private boolean answers(Asked asked, int doc, Set<String> terms) {
    if (!asked.answeredBy(traits(doc))) {
      return false;
    }
    List<Figures.Kind> placed = asked.kinds().stream().filter(k -> k.near() || k.clause()).toList();
    if (placed.isEmpty()) {
      return true;
    }
    String text = facts.apply(doc).text();
    List<Word> words = analysis.words(text);
    Set<String> about = asked.about().isEmpty() ? terms : asked.about();
    return placed.stream()
        .allMatch(
            kind ->
                kind.near()
                    ? givenNear(kind, text, words, terms)
                    : Clauses.givenInClause(kind, text, words, about));
  }

  /**
   * Returns whether {@code text}, whose words are {@code words}, gives {@code kind} within {@link
   * #NEAR_WORDS} of one of {@code terms} outside the detail itself.
   */
  static boolean givenNear(Figures.Kind kind, String text, List<Word> words, Set<String> terms) {
    List<Integer> asked = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (terms.contains(words.get(i).term())) {
        asked.add(i);
      }
    }
    Matcher m = kind.given().matcher(text);
    while (m.find()) {
      int first = -1;
      int last = -1;
      for (int i = 0; i < words.size(); i++) {
        Word w = words.get(i);
        if (w.end() > m.start() && w.start() < Math.max(m.end(), m.start() + 1)) {
          first = first < 0 ? i : first;
          last = i;
        }
      }
      if (first < 0) {
        continue;
      }
      for (int i : asked) {
        if ((i < first && first - i <= NEAR_WORDS) || (i > last && i - last <= NEAR_WORDS)) {
          return true;
        }
      }
    }
    return false;
  }
}

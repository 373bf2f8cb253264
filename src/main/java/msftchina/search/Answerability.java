package msftchina.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** A count stands at most this many words before what it counts ("three major Chinese firms"). */
  static final int COUNTED_WORDS = 3;

  /** What separates the names of a list: a comma, "and", "or" (with the serial comma or not). */
  private static final Pattern LIST_SEPARATOR =
      Pattern.compile(",\\s*(?:(?:and|or)\\s+)?|\\s+(?:and|or)\\s+");

  private final IntFunction<Fact> facts;
  private final IntFunction<List<Word>> words;
  private final Analysis analysis;

  /**
   * Creates the decision over the statements {@code facts} gives by doc, whose analysed words
   * {@code words} gives, read with {@code analysis}.
   */
  Answerability(IntFunction<Fact> facts, IntFunction<List<Word>> words, Analysis analysis) {
    this.facts = facts;
    this.words = words;
    this.analysis = analysis;
  }

  /** Returns the decision on {@code reading}, whose terms matched {@code candidates}. */
  Decision decide(Reading reading, List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return Decision.refused(new Refusal(Refusal.Reason.WORDS_NOT_IN_REPORT, reading.unknown()));
    }
    Asked asked = reading.asked();
    double least = candidates.get(0).score() * RELATIVE_CUTOFF;
    if (!asked.constrains()) {
      if (asked.entities().isEmpty()) {
        return new Decision(candidates, List.of(), null);
      }
      // What a question names is what it asks about: the statements naming it come first
      // ("is Tencent a customer for the models Microsoft hosts?").
      List<Candidate> naming =
          candidates.stream()
              .filter(
                  c ->
                      c.score() >= least
                          && asked.entities().stream()
                              .anyMatch(facts.apply(c.doc()).gives().entities()::contains))
              .toList();
      return naming.isEmpty()
              || candidates.stream().allMatch(c -> c.score() < least || naming.contains(c))
          ? new Decision(candidates, List.of(), null)
          : new Decision(
              naming, candidates.stream().filter(c -> !naming.contains(c)).toList(), null);
    }
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
      Asked lacked =
          asked.withoutDetailsGivenBy(closest.stream().map(c -> traits(c.doc())).toList());
      return new Decision(
          List.of(),
          closest,
          new Refusal(
              Refusal.Reason.DETAIL_NOT_IN_REPORT,
              List.of(lacked.description()),
              lacked.lacking()));
    }
    return new Decision(
        answering, candidates.stream().filter(c -> !answering.contains(c)).toList(), null);
  }

  private FactTraits traits(int doc) {
    return FactTraits.of(facts.apply(doc));
  }

  /**
   * Returns whether the statement {@code doc} has all {@code asked}, where it must stand in
   * relation to the question's {@code terms}.
   */
  private boolean answers(Asked asked, int doc, Set<String> terms) {
    if (!asked.answeredBy(traits(doc))) {
      return false;
    }
    List<Figures.Kind> placed =
        asked.kinds().stream().filter(k -> k.where() != Figures.Where.ANYWHERE).toList();
    if (placed.isEmpty()) {
      return true;
    }
    String text = facts.apply(doc).text();
    List<Word> words = this.words.apply(doc);
    Set<String> about = asked.about().isEmpty() ? terms : asked.about();
    return placed.stream()
        .allMatch(
            kind ->
                switch (kind.where()) {
                  case NEAR -> givenNear(kind, text, words, terms);
                  case CLAUSE -> Clauses.givenInClause(kind, text, words, about);
                  case AGENT ->
                      asked.agent().isEmpty()
                          || Clauses.givenInClause(kind, text, words, asked.agent());
                  case BESIDES_ASKED -> givenBesidesAsked(kind, text, analysis, asked.setAside());
                  case COUNTED ->
                      asked.counted().isEmpty()
                          ? givenNear(kind, text, words, terms)
                          : givenBefore(kind, text, words, asked.counted());
                  case WHOLE ->
                      asked.whole().isEmpty() || givenOfWhole(kind, text, words, asked.whole());
                  case ANYWHERE -> true;
                });
  }

  /**
   * Returns whether {@code text} gives {@code kind} as a list of names ("Ant Group, Meituan, and
   * Tencent Holdings") of which one has none of the terms of the names the question sets aside
   * ({@code setAside}): "who else, besides OpenAI and Anthropic?" asks for a name besides those,
   * which "OpenAI and Anthropic" is not.
   */
  static boolean givenBesidesAsked(
      Figures.Kind kind, String text, Analysis analysis, Set<String> setAside) {
    Matcher m = kind.given().matcher(text);
    while (m.find()) {
      int end = m.end();
      while (end < text.length()
          && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '-')) {
        end++; // the last name, of which the pattern saw the first letter
      }
      for (String name : LIST_SEPARATOR.split(text.substring(m.start(), end), -1)) {
        Set<String> own = analysis.terms(name);
        if (!own.isEmpty() && own.stream().noneMatch(setAside::contains)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns whether {@code text}, whose words are {@code words}, gives {@code kind} just before one
   * of {@code counted}: at most {@link #COUNTED_WORDS} words (stop words aside) after the match, as
   * "850 engineers", "three major Chinese firms".
   */
  static boolean givenBefore(
      Figures.Kind kind, String text, List<Word> words, Set<String> counted) {
    Matcher m = kind.given().matcher(text);
    while (m.find()) {
      int last = -1;
      for (int i = 0; i < words.size(); i++) {
        if (words.get(i).start() < Math.max(m.end(), m.start() + 1)) {
          last = i;
        }
      }
      for (int i = last + 1; i < words.size() && i <= last + COUNTED_WORDS; i++) {
        if (counted.contains(words.get(i).term())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns whether {@code text}, whose words are {@code words}, gives {@code kind} as a share of a
   * whole having every one of {@code whole}: in the words after the match, up to the end of its
   * clause ("1.5% of the company's total revenue in 2024, according to…").
   */
  static boolean givenOfWhole(Figures.Kind kind, String text, List<Word> words, Set<String> whole) {
    Matcher m = kind.given().matcher(text);
    while (m.find()) {
      int end = Clauses.endOfClause(text, m.end());
      Set<String> of = new java.util.HashSet<>();
      for (Word w : words) {
        if (w.start() >= m.end() && w.start() < end) {
          of.add(w.term());
        }
      }
      if (of.containsAll(whole)) {
        return true;
      }
    }
    return false;
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

package msftchina.search;

import java.util.List;

/**
 * What the report says to a question: the best-matching facts, best first, or why none.
 *
 * @param question the question as asked
 * @param matches at most three facts, best first; empty when the report doesn't say
 * @param refusal why the report doesn't say, or null when it does
 * @param strength how well the best fact matches
 * @param coverage the share of the question's weight that the report's words carry, 0 to 1
 * @param related when the report names what is asked about but not the detail asked ("when did Brad
 *     Smith testify?"), the statements closest to it, best first, shown as the closest and never as
 *     the answer; otherwise empty
 */
public record Answer(
    String question,
    List<Match> matches,
    Refusal refusal,
    Strength strength,
    double coverage,
    List<Match> related) {

  /** How well an answer matches its question. */
  public enum Strength {
    /** The report covers the question's words well. */
    STRONG("strong match", 3),
    /** The report covers only part of the question. */
    PARTIAL("partial match", 2),
    /** The question has no words to search for (empty, a greeting, punctuation). */
    NOTHING_ASKED("nothing to search for", 1),
    /** The report doesn't cover the question. */
    NOT_IN_REPORT("not in the report", 0);

    /** The share of a question's weight above which an answer is a strong match. */
    static final double STRONG_COVERAGE = 0.8;

    private final String label;
    private final int rank;

    Strength(String label, int rank) {
      this.label = label;
      this.rank = rank;
    }

    /** Returns how strong an answer covering {@code coverage} of its question's weight is. */
    static Strength ofCoverage(double coverage) {
      return coverage >= STRONG_COVERAGE ? STRONG : PARTIAL;
    }

    /**
     * Returns whether this is stronger than {@code other}: an answer beats a partial one, and
     * either beats a refusal (by its stated rank, not the order the constants are declared in).
     */
    boolean strongerThan(Strength other) {
      return rank > other.rank;
    }

    /** Returns the plain label shown to users. */
    public String label() {
      return label;
    }
  }

  public Answer {
    matches = List.copyOf(matches);
    related = List.copyOf(related);
    if (matches.isEmpty() == (refusal == null)) {
      throw new IllegalArgumentException("an answer has matches or a refusal, never both");
    }
    if (!related.isEmpty() && refusal == null) {
      throw new IllegalArgumentException("only a refusal shows related statements");
    }
  }

  /** Creates an answer with no related statements. */
  public Answer(
      String question, List<Match> matches, Refusal refusal, Strength strength, double coverage) {
    this(question, matches, refusal, strength, coverage, List.of());
  }

  /** Returns the answer refusing {@code question} for {@code refusal}. */
  public static Answer refused(String question, Refusal refusal) {
    return refused(question, refusal, List.of());
  }

  /**
   * Returns the answer refusing {@code question} for {@code refusal}, showing {@code related} as
   * the closest the report comes.
   */
  public static Answer refused(String question, Refusal refusal, List<Match> related) {
    return new Answer(
        question,
        List.of(),
        refusal,
        refusal.reason() == Refusal.Reason.NOTHING_ASKED
            ? Strength.NOTHING_ASKED
            : Strength.NOT_IN_REPORT,
        0,
        related);
  }

  /** Returns this answer to another wording of its question, {@code question}. */
  public Answer to(String question) {
    return new Answer(question, matches, refusal, strength, coverage, related);
  }

  /** Returns whether the report gives any fact for the question. */
  public boolean answered() {
    return !matches.isEmpty();
  }
}

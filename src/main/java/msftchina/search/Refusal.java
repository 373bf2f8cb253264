package msftchina.search;

import java.util.List;

/**
 * Why the report gives no answer to a question: one reason, and what the question needs that the
 * report lacks, in the question's words.
 *
 * @param reason the kind of reason
 * @param missing what the question needs that no statement has ("a figure for Tencent")
 * @param lacking for {@link Reason#DETAIL_NOT_IN_REPORT}, the same piece by piece, for wording it
 *     in another language; null for the other reasons
 */
public record Refusal(Reason reason, List<String> missing, Lacking lacking) {

  /**
   * What a question asks for that no statement has, piece by piece: {@code missing} says the same
   * in English.
   *
   * @param kinds the kinds of figure and the details asked for ("date", "place")
   * @param measures the words naming what a figure measures, when no kind is asked ("revenue")
   * @param entities the entities asked about
   * @param together whether the entities are asked about together rather than one or another
   * @param years the years asked about
   */
  public record Lacking(
      List<Figures.Kind> kinds,
      List<String> measures,
      List<String> entities,
      boolean together,
      List<String> years) {

    public Lacking {
      kinds = List.copyOf(kinds);
      measures = List.copyOf(measures);
      entities = List.copyOf(entities);
      years = List.copyOf(years);
    }
  }

  /** The reasons the report can't answer. */
  public enum Reason {
    /** The question has no words to search for (empty, a greeting, punctuation). */
    NOTHING_ASKED,
    /** It names something the report never mentions (a company, a person, a year, a subject). */
    NAME_NOT_IN_REPORT,
    /** Most of its weight is in words the report doesn't use. */
    WORDS_NOT_IN_REPORT,
    /** It asks about the opposite of the report's words ("non-AI revenue"). */
    NEGATED,
    /**
     * It asks for something (a kind of figure, a year, a measure, two entities together) that no
     * statement has together with the rest of the question.
     */
    DETAIL_NOT_IN_REPORT
  }

  public Refusal {
    missing = List.copyOf(missing);
  }

  /** Creates a refusal for {@code reason} that names {@code missing} only as words. */
  public Refusal(Reason reason, List<String> missing) {
    this(reason, missing, null);
  }
}

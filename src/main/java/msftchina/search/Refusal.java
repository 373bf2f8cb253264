package msftchina.search;

import java.util.List;

/**
 * Why the report gives no answer to a question: one reason, and what the question needs that the
 * report lacks, in the question's words.
 *
 * @param reason the kind of reason
 * @param missing what the question needs that no statement has ("a figure for Tencent")
 */
public record Refusal(Reason reason, List<String> missing) {

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
}

package msftchina.app;

import msftchina.search.Answer;

/**
 * A question answered: what the report said, and how the question was read.
 *
 * @param answer the answer, its question the asker's own words
 * @param readAs the question as read with the thread's earlier question, or null when it stands on
 *     its own
 * @param scope what the question asked of which report; when its report is unknown, the answer is a
 *     placeholder and the reply lists the reports instead
 */
public record Answered(Answer answer, String readAs, Scope scope) {

  /** Returns the question as it was answered: as read with the thread, or as asked. */
  public String asked() {
    return readAs == null ? answer.question() : readAs;
  }
}

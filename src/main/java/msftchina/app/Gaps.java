package msftchina.app;

import java.util.List;

/**
 * What the report didn't answer and which answers were voted down, since a time: the questions
 * refused, most asked first, each with its reason; and the answers with a 👎, most voted down
 * first. Only the first {@code limit} of each are read, counted and ordered by the store, with how
 * many there were in all: a year of questions costs the reader no more memory than a day's.
 *
 * @param refused the refused questions, most asked first, at most the limit (in counts mode, one
 *     row per reason with no wording)
 * @param refusedRows how many refused wordings (with their reason) there were in all
 * @param refusedTotal how many questions were refused in all
 * @param votedDown the answers voted down, most first, at most the limit
 * @param votedDownRows how many answers were voted down in all
 */
public record Gaps(
    List<Refused> refused,
    long refusedRows,
    long refusedTotal,
    List<VotedDown> votedDown,
    long votedDownRows) {

  /** The most of each list read when no limit is given: what {@code gaps} prints by default. */
  public static final int DEFAULT_LIMIT = 50;

  /** The most example wordings read for each reason. */
  public static final int EXAMPLES = 3;

  /**
   * A question the report didn't answer.
   *
   * @param question the wording asked (of those that differ only in case, the last in the
   *     database's order: lower case before capitals), or empty in counts mode
   * @param asked how many times it was asked
   * @param reason why it was refused, e.g. {@code NAME_NOT_IN_REPORT}
   * @param missing what the report lacks, as the refusal named it, e.g. Tencent
   * @param version what it was refused by, as {@link #version(String, String)} names it; empty in
   *     counts mode
   */
  public record Refused(
      String question, long asked, String reason, List<String> missing, String version) {

    /** Creates a refused question of no recorded version (counts mode). */
    public Refused(String question, long asked, String reason, List<String> missing) {
      this(question, asked, reason, missing, "");
    }
  }

  /**
   * Returns how {@code gaps}, {@code stats} and the admins' Home tab name what answered a question:
   * "lumenbay 1a2b3c4d5e6f" (a report and its version), "all reports 1a2b3c4d5e6f" (every report, a
   * refusal, and the library's version) or "unknown" (recorded before versions were).
   */
  public static String version(String report, String version) {
    if (version == null || version.isEmpty()) {
      return "unknown";
    }
    return (report == null || report.isEmpty() ? "all reports" : report) + " " + version;
  }

  /**
   * An answer voted on, with at least one 👎.
   *
   * @param question the question it answered, or empty in counts mode
   * @param statement the statement id it led with
   * @param down the 👎 votes
   * @param up the 👍 votes
   */
  public record VotedDown(String question, String statement, long down, long up) {}

  /**
   * A reason questions were refused for, with its most asked wordings.
   *
   * @param reason why they were refused, e.g. {@code DETAIL_NOT_IN_REPORT}
   * @param missing what the report lacks, e.g. "a figure for Tencent"
   * @param asked how many questions were refused for it
   * @param examples its most asked wordings, at most {@link #EXAMPLES} (none in counts mode)
   */
  public record ReasonCount(
      String reason, List<String> missing, long asked, List<Refused> examples) {}

  /**
   * The reasons questions were refused for, most asked first.
   *
   * @param top the first reasons, at most the limit
   * @param reasons how many reasons there were in all
   * @param total how many questions were refused in all
   */
  public record Reasons(List<ReasonCount> top, long reasons, long total) {}
}

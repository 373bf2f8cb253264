package msftchina.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import msftchina.search.Answer;
import msftchina.search.ReportInfo;

/**
 * What a question asks of which report: {@code in:NAME question} asks the report NAME alone; a
 * question in a channel with a default report asks that report first, and every report when it
 * refuses; any other question asks every report.
 *
 * @param question the question without its {@code in:NAME}
 * @param report the report asked (first), or null for every report
 * @param fallBack whether a refusal of {@code report} is asked of every report (a channel's
 *     default)
 * @param unknown the name after {@code in:} when no report has it, else null
 */
public record Scope(String question, ReportInfo report, boolean fallBack, String unknown) {

  /** {@code in:NAME} at the start of a question, then the question. */
  private static final Pattern IN = Pattern.compile("(?is)\\s*in:(\\S*)\\s*(.*)");

  /** Returns the question of {@code text} with the report named by its {@code in:NAME}, if any. */
  static Scope read(String text, ReportVersions reports) {
    Matcher m = IN.matcher(text == null ? "" : text);
    if (!m.matches()) {
      return null;
    }
    ReportInfo report = reports.find(m.group(1));
    return new Scope(m.group(2), report, false, report == null ? m.group(1) : null);
  }

  /** Returns {@code question} asked of every report. */
  static Scope everyReport(String question) {
    return new Scope(question, null, false, null);
  }

  /** Returns whether {@code answer} came from every report after the channel's report refused. */
  public boolean fellBack(Answer answer) {
    return fallBack && (!answer.answered() || !report.id().equals(ReportVersions.reportOf(answer)));
  }
}

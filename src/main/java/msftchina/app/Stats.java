package msftchina.app;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How the bot was used since a time: questions per day and surface, the answer rate, the statements
 * most shown, answer times, votes, and records the store had to drop; a {@link UsageReader} reads
 * it.
 *
 * @param perDay questions per day, then per surface label, days in order
 * @param questions all questions
 * @param answered the questions answered with at least one statement
 * @param shown the statements most shown, most first, at most {@link #TOP_SHOWN}
 * @param medianMillis the median answer time, or -1 when no time was recorded (counts mode)
 * @param p99Millis the 99th percentile answer time, or -1
 * @param up the 👍 votes
 * @param down the 👎 votes
 * @param dropped the records dropped because the database was slow or gone
 * @param versions the questions per report and version answered from, most first
 */
public record Stats(
    Map<LocalDate, Map<String, Long>> perDay,
    long questions,
    long answered,
    List<Shown> shown,
    long medianMillis,
    long p99Millis,
    long up,
    long down,
    long dropped,
    List<Version> versions) {

  /** The most statements listed as most shown. */
  public static final int TOP_SHOWN = 10;

  /**
   * A statement and how many times it was shown.
   *
   * @param statement the statement id
   * @param times how many answers showed it
   * @param version the report version it was shown from, as {@link Gaps#version} names it; empty in
   *     counts mode
   */
  public record Shown(String statement, long times, String version) {}

  /**
   * What answered questions: a report's version, or every report's.
   *
   * @param version as {@link Gaps#version} names it
   * @param questions the questions it answered or refused
   * @param answered the questions it answered with at least one statement
   */
  public record Version(String version, long questions, long answered) {}
}

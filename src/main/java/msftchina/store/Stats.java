package msftchina.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the bot was used since a time: questions per day and surface, the answer rate, the statements
 * most shown, answer times, votes, and records the store had to drop.
 *
 * @param perDay questions per day, then per surface label, days in order
 * @param questions all questions
 * @param answered the questions answered with at least one statement
 * @param shown the statements most shown, most first, at most ten
 * @param medianMillis the median answer time, or -1 when no time was recorded (counts mode)
 * @param p99Millis the 99th percentile answer time, or -1
 * @param up the 👍 votes
 * @param down the 👎 votes
 * @param dropped the records dropped because the database was slow or gone
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
    long dropped) {

  /**
   * A statement and how many times it was shown.
   *
   * @param statement the statement id
   * @param times how many answers showed it
   */
  public record Shown(String statement, long times) {}

  private static final long DAY = 86_400_000L;

  /** Returns the stats recorded in {@code c} since {@code since} (epoch milliseconds). */
  public static Stats read(Connection c, long since) throws SQLException {
    Map<LocalDate, Map<String, Long>> perDay = new TreeMap<>();
    Map<String, Long> shown = new TreeMap<>();
    long questions = 0;
    long answered = 0;
    List<Integer> millis = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT asked_at, surface, statements, millis FROM questions WHERE asked_at >= ?")) {
      q.setLong(1, since);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          questions++;
          perDay
              .computeIfAbsent(LocalDate.ofEpochDay(rs.getLong(1) / DAY), d -> new TreeMap<>())
              .merge(rs.getString(2), 1L, Long::sum);
          String statements = rs.getString(3);
          if (!statements.isEmpty()) {
            answered++;
            for (String pair : statements.split(",", -1)) {
              if (pair.indexOf(' ') < 0) {
                continue; // not "ID SCORE"
              }
              shown.merge(pair.substring(0, pair.indexOf(' ')), 1L, Long::sum);
            }
          }
          millis.add(rs.getInt(4));
        }
      }
    }
    long up = 0;
    long down = 0;
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT SUM(CASE WHEN vote > 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN vote < 0 THEN 1 ELSE 0 END) FROM votes WHERE voted_at >= ?")) {
      q.setLong(1, since);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          up += rs.getLong(1);
          down += rs.getLong(2);
        }
      }
    }
    long dropped = 0;
    try (PreparedStatement q =
        c.prepareStatement("SELECT day, kind, name, n FROM counts WHERE day >= ?")) {
      q.setLong(1, since / DAY);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(3);
          long n = rs.getLong(4);
          switch (rs.getString(2)) {
            case "surface" -> {
              questions += n;
              perDay
                  .computeIfAbsent(LocalDate.ofEpochDay(rs.getLong(1)), d -> new TreeMap<>())
                  .merge(name, n, Long::sum);
            }
            case "answered" -> answered += name.equals("yes") ? n : 0;
            case "statement" -> shown.merge(name, n, Long::sum);
            case "up" -> up += n;
            case "down" -> down += n;
            case "dropped" -> dropped += n;
            default -> {}
          }
        }
      }
    }
    List<Shown> top =
        shown.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(10)
            .map(e -> new Shown(e.getKey(), e.getValue()))
            .toList();
    int[] times = millis.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(times);
    return new Stats(
        perDay,
        questions,
        answered,
        top,
        percentile(times, 50),
        percentile(times, 99),
        up,
        down,
        dropped);
  }

  private static long percentile(int[] sorted, int p) {
    if (sorted.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}

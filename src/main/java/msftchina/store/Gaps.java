package msftchina.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the report didn't answer and which answers were voted down, since a time: the questions
 * refused, most asked first, each with its reason; and the answers with a 👎, most voted down
 * first.
 *
 * @param refused the refused questions, most asked first (in counts mode, one row per reason with
 *     no wording)
 * @param votedDown the answers voted down, most first
 */
public record Gaps(List<Refused> refused, List<VotedDown> votedDown) {

  /**
   * A question the report didn't answer.
   *
   * @param question the wording asked (the first seen of those that differ only in case and
   *     spacing), or empty in counts mode
   * @param asked how many times it was asked
   * @param reason what was missing, e.g. "name not in the report: Tencent"
   */
  public record Refused(String question, long asked, String reason) {}

  /**
   * An answer voted on, with at least one 👎.
   *
   * @param question the question it answered, or empty in counts mode
   * @param statement the statement id it led with
   * @param down the 👎 votes
   * @param up the 👍 votes
   */
  public record VotedDown(String question, String statement, long down, long up) {}

  /** Returns the gaps recorded in {@code c} since {@code since} (epoch milliseconds). */
  public static Gaps read(Connection c, long since) throws SQLException {
    return new Gaps(refused(c, since), votedDown(c, since));
  }

  /** Returns the reasons with their total counts, most asked first. */
  public Map<String, Long> byReason() {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Refused r : refused) {
      totals.merge(r.reason(), r.asked(), Long::sum);
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(totals.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    Map<String, Long> out = new LinkedHashMap<>();
    sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static List<Refused> refused(Connection c, long since) throws SQLException {
    Map<String, Refused> byWording = new LinkedHashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT question, reason, missing FROM questions"
                + " WHERE asked_at >= ? AND reason IS NOT NULL AND reason <> 'NOTHING_ASKED'"
                + " ORDER BY asked_at")) {
      q.setLong(1, since);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String question = rs.getString(1);
          String reason = reasonLabel(rs.getString(2), rs.getString(3));
          String key = question.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
          byWording.merge(
              key + "\u0000" + reason,
              new Refused(question.strip(), 1, reason),
              (a, b) -> new Refused(a.question(), a.asked() + 1, a.reason()));
        }
      }
    }
    List<Refused> out = new ArrayList<>(byWording.values());
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT name, SUM(n) FROM counts WHERE kind = 'reason' AND day >= ?"
                + " AND name <> 'NOTHING_ASKED' GROUP BY name")) {
      q.setLong(1, since / 86_400_000L);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(new Refused("", rs.getLong(2), reasonLabel(rs.getString(1), null)));
        }
      }
    }
    out.sort(Comparator.comparingLong(Refused::asked).reversed());
    return out;
  }

  private static List<VotedDown> votedDown(Connection c, long since) throws SQLException {
    List<VotedDown> out = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT MIN(question), statement,"
                + " SUM(CASE WHEN vote < 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN vote > 0 THEN 1 ELSE 0 END)"
                + " FROM votes WHERE voted_at >= ? GROUP BY question_key, statement")) {
      q.setLong(1, since);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          if (rs.getLong(3) > 0) {
            out.add(new VotedDown(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
          }
        }
      }
    }
    Map<String, long[]> counted = new LinkedHashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT name, kind, SUM(n) FROM counts WHERE kind IN ('up', 'down') AND day >= ?"
                + " GROUP BY name, kind")) {
      q.setLong(1, since / 86_400_000L);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          long[] n = counted.computeIfAbsent(rs.getString(1), k -> new long[2]);
          n[rs.getString(2).equals("down") ? 0 : 1] += rs.getLong(3);
        }
      }
    }
    counted.forEach(
        (statement, n) -> {
          if (n[0] > 0) {
            out.add(new VotedDown("", statement, n[0], n[1]));
          }
        });
    out.sort(
        Comparator.comparingLong(VotedDown::down)
            .reversed()
            .thenComparing(Comparator.comparingLong(VotedDown::up)));
    return out;
  }

  /** Returns the label of a refusal reason and what was missing, as {@code gaps} shows it. */
  static String reasonLabel(String reason, String missing) {
    String label =
        switch (reason) {
          case "NAME_NOT_IN_REPORT" -> "name not in the report";
          case "WORDS_NOT_IN_REPORT" -> "words not in the report";
          case "NEGATED" -> "asks the opposite of what the report says";
          case "DETAIL_NOT_IN_REPORT" -> "detail not in the report";
          default -> reason.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    if (missing == null || missing.isBlank()) {
      return label;
    }
    return label + ": " + String.join(", ", missing.strip().split("\n"));
  }
}

package msftchina.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import msftchina.app.Gaps;
import msftchina.app.Gaps.ReasonCount;
import msftchina.app.Gaps.Reasons;
import msftchina.app.Gaps.Refused;
import msftchina.app.Gaps.VotedDown;

/**
 * Reads {@link Gaps} from the database: only the first {@code limit} of each list are read, counted
 * and ordered by the database (GROUP BY, ORDER BY, LIMIT), with how many there were in all, so that
 * a year of questions costs the reader no more memory than a day's.
 */
final class GapsQueries {

  private GapsQueries() {}

  private static final long DAY = 86_400_000L;

  /** The refused questions of a period: the partial index questions_refused finds them. */
  private static final String REFUSED =
      " FROM questions WHERE asked_at >= ? AND reason IS NOT NULL AND reason <> 'NOTHING_ASKED'";

  /**
   * Returns the first {@code limit} refused questions and answers voted down recorded in {@code c}
   * since {@code since} (epoch milliseconds), with how many there were.
   */
  static Gaps gaps(Connection c, long since, int limit) throws SQLException {
    List<Refused> refused = new ArrayList<>();
    long refusedRows = 0;
    long refusedTotal = 0;
    try (PreparedStatement q =
            c.prepareStatement(
                "SELECT question, reason, missing, n, COUNT(*) OVER (), SUM(n) OVER (), report_id,"
                    + " report_version FROM (SELECT MAX(question) AS question, reason, missing,"
                    + " report_id, report_version, COUNT(*) AS n"
                    + REFUSED
                    + " GROUP BY reason, missing, LOWER(question), report_id, report_version) w"
                    + " ORDER BY n DESC, question LIMIT ?");
        ResultSet rs = Sql.query(q, since, limit)) {
      while (rs.next()) {
        refused.add(
            new Refused(
                rs.getString(1).strip(),
                rs.getLong(4),
                rs.getString(2),
                missing(rs.getString(3)),
                Gaps.version(rs.getString(7), rs.getString(8))));
        refusedRows = rs.getLong(5);
        refusedTotal = rs.getLong(6);
      }
    }
    for (Map.Entry<String, Long> counted : countedReasons(c, since).entrySet()) {
      refused.add(new Refused("", counted.getValue(), counted.getKey(), List.of()));
      refusedRows++;
      refusedTotal += counted.getValue();
    }
    refused.sort(Comparator.comparingLong(Refused::asked).reversed());
    List<VotedDown> votedDown = new ArrayList<>();
    long votedDownRows = 0;
    try (PreparedStatement q =
            c.prepareStatement(
                "SELECT question, statement, down, up, COUNT(*) OVER () FROM"
                    + " (SELECT MIN(question) AS question, statement,"
                    + " SUM(CASE WHEN vote < 0 THEN 1 ELSE 0 END) AS down,"
                    + " SUM(CASE WHEN vote > 0 THEN 1 ELSE 0 END) AS up"
                    + " FROM votes WHERE voted_at >= ? GROUP BY question_key, statement) v"
                    + " WHERE down > 0 ORDER BY down DESC, up, question LIMIT ?");
        ResultSet rs = Sql.query(q, since, limit)) {
      while (rs.next()) {
        votedDown.add(
            new VotedDown(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        votedDownRows = rs.getLong(5);
      }
    }
    for (Map.Entry<String, Map<String, Long>> e : counted(c, since, "up", "down").entrySet()) {
      long down = e.getValue().getOrDefault("down", 0L);
      if (down > 0) {
        votedDown.add(new VotedDown("", e.getKey(), down, e.getValue().getOrDefault("up", 0L)));
        votedDownRows++;
      }
    }
    votedDown.sort(
        Comparator.comparingLong(VotedDown::down)
            .reversed()
            .thenComparing(Comparator.comparingLong(VotedDown::up)));
    return new Gaps(
        cut(refused, limit), refusedRows, refusedTotal, cut(votedDown, limit), votedDownRows);
  }

  /**
   * Returns the first {@code limit} reasons questions recorded in {@code c} since {@code since}
   * were refused for, each with its {@link Gaps#EXAMPLES} most asked wordings, and how many there
   * were.
   */
  static Reasons reasons(Connection c, long since, int limit) throws SQLException {
    // The top reasons, counted from the index questions_refused alone.
    String top =
        "SELECT reason, COALESCE(missing, '') FROM (SELECT reason, missing, COUNT(*) AS n"
            + REFUSED
            + " GROUP BY reason, missing ORDER BY n DESC, reason, missing LIMIT ?) t";
    Map<List<String>, ReasonCount> reasons = new LinkedHashMap<>();
    long count = 0;
    long total = 0;
    try (PreparedStatement q =
            c.prepareStatement(
                "SELECT reason, missing, n, COUNT(*) OVER (), SUM(n) OVER () FROM (SELECT reason,"
                    + " missing, COUNT(*) AS n"
                    + REFUSED
                    + " GROUP BY reason, missing) r ORDER BY n DESC, reason, missing LIMIT ?");
        ResultSet rs = Sql.query(q, since, limit)) {
      while (rs.next()) {
        reasons.put(
            key(rs.getString(1), rs.getString(2)),
            new ReasonCount(
                rs.getString(1), missing(rs.getString(2)), rs.getLong(3), new ArrayList<>()));
        count = rs.getLong(4);
        total = rs.getLong(5);
      }
    }
    if (!reasons.isEmpty()) {
      // The most asked wordings of each of those reasons, and only of those.
      try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT reason, missing, question, n, report_id, report_version FROM (SELECT"
                      + " reason, missing, question, n, report_id, report_version, ROW_NUMBER()"
                      + " OVER (PARTITION BY reason, missing ORDER BY n DESC, question) AS k FROM"
                      + " (SELECT MAX(question) AS question, reason, missing, report_id,"
                      + " report_version, COUNT(*) AS n"
                      + REFUSED
                      + " AND (reason, COALESCE(missing, '')) IN ("
                      + top
                      + ") GROUP BY reason, missing, LOWER(question), report_id, report_version) w)"
                      + " e WHERE k <= ? ORDER BY reason, missing, k");
          ResultSet rs = Sql.query(q, since, since, limit, Gaps.EXAMPLES)) {
        while (rs.next()) {
          ReasonCount reason = reasons.get(key(rs.getString(1), rs.getString(2)));
          if (reason != null) {
            reason
                .examples()
                .add(
                    new Refused(
                        rs.getString(3).strip(),
                        rs.getLong(4),
                        reason.reason(),
                        reason.missing(),
                        Gaps.version(rs.getString(5), rs.getString(6))));
          }
        }
      }
    }
    List<ReasonCount> out = new ArrayList<>(reasons.values());
    for (Map.Entry<String, Long> counted : countedReasons(c, since).entrySet()) {
      out.add(new ReasonCount(counted.getKey(), List.of(), counted.getValue(), List.of()));
      count++;
      total += counted.getValue();
    }
    out.sort(Comparator.comparingLong(ReasonCount::asked).reversed());
    return new Reasons(cut(out, limit), count, total);
  }

  /** Returns the refusals counted per reason in counts mode (a few rows a day). */
  private static Map<String, Long> countedReasons(Connection c, long since) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    counted(c, since, "reason")
        .forEach(
            (reason, kinds) -> {
              if (!reason.equals("NOTHING_ASKED")) {
                out.put(reason, kinds.get("reason"));
              }
            });
    return out;
  }

  /**
   * Returns the sums counted since {@code since} in counts mode (a few rows a day) of {@code
   * kinds}, by name and then by kind.
   */
  private static Map<String, Map<String, Long>> counted(Connection c, long since, String... kinds)
      throws SQLException {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    Object[] params = new Object[kinds.length + 1];
    params[0] = since / DAY;
    System.arraycopy(kinds, 0, params, 1, kinds.length);
    try (PreparedStatement q =
            c.prepareStatement(
                "SELECT name, kind, SUM(n) FROM counts WHERE day >= ? AND kind IN ("
                    + String.join(", ", Collections.nCopies(kinds.length, "?"))
                    + ") GROUP BY name, kind");
        ResultSet rs = Sql.query(q, params)) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
            .merge(rs.getString(2), rs.getLong(3), Long::sum);
      }
    }
    return out;
  }

  private static List<String> key(String reason, String missing) {
    return List.of(reason, missing == null ? "" : missing);
  }

  private static <T> List<T> cut(List<T> list, int limit) {
    return list.size() > limit ? List.copyOf(list.subList(0, limit)) : List.copyOf(list);
  }

  /** Returns what was missing, as the missing column holds it (one per line). */
  private static List<String> missing(String column) {
    return column == null || column.isBlank() ? List.of() : List.of(column.strip().split("\n"));
  }
}

package msftchina.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import msftchina.app.Gaps;
import msftchina.app.Stats;
import msftchina.app.Stats.Shown;
import msftchina.app.Stats.Version;

/**
 * Reads {@link Stats} from the database: everything is counted by the database (GROUP BY), so that
 * what is read is a row per day and surface, per distinct answer time and per statement, however
 * many questions there were.
 */
final class StatsQueries {

  private StatsQueries() {}

  private static final long DAY = 86_400_000L;

  /**
   * The most statements one recorded answer lists ("ID SCORE" pairs joined by commas): the bot
   * shows at most three.
   */
  static final int MAX_SHOWN_PER_ANSWER = 3;

  /** The sums of counts mode (a few rows a day), by day and kind, since a day. */
  private static final String COUNTED =
      "SELECT day, kind, CASE WHEN kind IN ('surface', 'statement') THEN name ELSE '' END,"
          + " SUM(n) FROM counts WHERE day >= ? AND (kind IN ('surface', 'statement', 'up',"
          + " 'down', 'dropped') OR (kind = 'answered' AND name = 'yes'))"
          + " GROUP BY day, kind, CASE WHEN kind IN ('surface', 'statement') THEN name ELSE ''"
          + " END";

  /** Returns the stats recorded in {@code c} since {@code since} (epoch milliseconds). */
  static Stats stats(Connection c, long since) throws SQLException {
    Map<LocalDate, Map<String, Long>> perDay = new TreeMap<>();
    Map<List<String>, Long> shown = new TreeMap<>(Comparator.comparing(Object::toString));
    long questions = 0;
    long answered = 0;
    try (PreparedStatement q =
            c.prepareStatement(
                "SELECT asked_at / "
                    + DAY
                    + " AS day, surface, COUNT(*), SUM(CASE WHEN statements <> '' THEN 1"
                    + " ELSE 0 END) FROM questions WHERE asked_at >= ? GROUP BY asked_at / "
                    + DAY
                    + ", surface");
        ResultSet rs = Sql.query(q, since)) {
      while (rs.next()) {
        perDay
            .computeIfAbsent(LocalDate.ofEpochDay(rs.getLong(1)), d -> new TreeMap<>())
            .merge(rs.getString(2), rs.getLong(3), Long::sum);
        questions += rs.getLong(3);
        answered += rs.getLong(4);
      }
    }
    // Answer times as a histogram: a row per distinct time in milliseconds.
    TreeMap<Integer, Long> times = new TreeMap<>();
    try (PreparedStatement q =
            c.prepareStatement(
                "SELECT millis, COUNT(*) FROM questions WHERE asked_at >= ? GROUP BY millis");
        ResultSet rs = Sql.query(q, since)) {
      while (rs.next()) {
        times.merge(rs.getInt(1), rs.getLong(2), Long::sum);
      }
    }
    try (PreparedStatement q = c.prepareStatement(shownQuery(c));
        ResultSet rs = Sql.query(q, since)) {
      while (rs.next()) {
        shown.merge(
            List.of(rs.getString(1), Gaps.version(rs.getString(2), rs.getString(3))),
            rs.getLong(4),
            Long::sum);
      }
    }
    List<Version> versions =
        Sql.list(
            c,
            "SELECT report_id, report_version, COUNT(*), SUM(CASE WHEN statements <> '' THEN 1"
                + " ELSE 0 END) FROM questions WHERE asked_at >= ? GROUP BY report_id,"
                + " report_version",
            rs ->
                new Version(
                    Gaps.version(rs.getString(1), rs.getString(2)), rs.getLong(3), rs.getLong(4)),
            since);
    versions.sort(
        Comparator.comparingLong(Version::questions).reversed().thenComparing(Version::version));
    long up = 0;
    long down = 0;
    try (PreparedStatement q =
            c.prepareStatement(
                "SELECT SUM(CASE WHEN vote > 0 THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN vote < 0 THEN 1 ELSE 0 END) FROM votes WHERE voted_at >= ?");
        ResultSet rs = Sql.query(q, since)) {
      if (rs.next()) {
        up += rs.getLong(1);
        down += rs.getLong(2);
      }
    }
    long dropped = 0;
    try (PreparedStatement q = c.prepareStatement(COUNTED);
        ResultSet rs = Sql.query(q, since / DAY)) {
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
          case "answered" -> answered += n;
          case "statement" -> shown.merge(List.of(name, ""), n, Long::sum);
          case "up" -> up += n;
          case "down" -> down += n;
          case "dropped" -> dropped += n;
          default -> {}
        }
      }
    }
    List<Shown> top =
        shown.entrySet().stream()
            .sorted(Map.Entry.<List<String>, Long>comparingByValue().reversed())
            .limit(Stats.TOP_SHOWN)
            .map(e -> new Shown(e.getKey().get(0), e.getValue(), e.getKey().get(1)))
            .toList();
    return new Stats(
        perDay,
        questions,
        answered,
        top,
        percentile(times, 50),
        percentile(times, 99),
        up,
        down,
        dropped,
        List.copyOf(versions));
  }

  /**
   * Returns the query counting how many answers showed each statement since a time: the first
   * {@link #MAX_SHOWN_PER_ANSWER} ids of each answer's "ID SCORE,ID SCORE" list, cut out by the
   * database (SQLite's {@code instr} is PostgreSQL's {@code strpos}), so that only a row per
   * statement is read.
   */
  private static String shownQuery(Connection c) throws SQLException {
    String find =
        c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
            ? "strpos"
            : "instr";
    StringBuilder ids = new StringBuilder();
    String rest = "s";
    for (int i = 1; i <= MAX_SHOWN_PER_ANSWER; i++) {
      ids.append(i == 1 ? "" : " UNION ALL ")
          .append("SELECT CASE WHEN ")
          .append(find)
          .append("(r, ' ') > 0 THEN SUBSTR(r, 1, ")
          .append(find)
          .append("(r, ' ') - 1) ELSE '' END AS id, ri, rv, n FROM (SELECT ")
          .append(rest)
          .append(" AS r, ri, rv, n FROM a) p")
          .append(i);
      rest = "SUBSTR(" + rest + ", " + find + "(" + rest + ", ',') + 1)";
    }
    // Answers with the same statements, scores and version are counted together first.
    return "WITH a AS (SELECT statements || ',' AS s, report_id AS ri, report_version AS rv,"
        + " COUNT(*) AS n FROM questions WHERE asked_at >= ? AND statements <> ''"
        + " GROUP BY statements, report_id, report_version)"
        + " SELECT id, ri, rv, SUM(n) FROM ("
        + ids
        + ") x WHERE id <> '' GROUP BY id, ri, rv";
  }

  /** Returns the {@code p}th percentile of the times counted in {@code histogram}, or -1. */
  private static long percentile(NavigableMap<Integer, Long> histogram, int p) {
    long count = histogram.values().stream().mapToLong(Long::longValue).sum();
    if (count == 0) {
      return -1;
    }
    long rank = Math.max(1, (long) Math.ceil(p / 100.0 * count));
    long seen = 0;
    for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) {
        return e.getKey();
      }
    }
    return histogram.lastKey();
  }
}

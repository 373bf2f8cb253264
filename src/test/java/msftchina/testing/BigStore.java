package msftchina.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Fills a store's tables with many questions and votes as serve records them, in batches through
 * JDBC (the same on SQLite and PostgreSQL): two thirds of the questions refused, one in ten of
 * those with the one wording {@link #POPULAR} (the gap admins should see first) and the others each
 * a wording of its own, for a reason of its own out of {@link #REASONS}.
 */
public final class BigStore {

  /** The refused wording asked most. */
  public static final String POPULAR = "how much does Company7 spend on Azure AI?";

  /** What {@link #POPULAR} lacks, as gaps labels it. */
  public static final String POPULAR_REASON = "detail not in the report: a figure for Company7";

  /** How many distinct reasons (what was missing) the other refusals have. */
  public static final int REASONS = 20_000;

  private BigStore() {}

  /** Returns how many of {@code rows} questions {@link #fill} makes {@link #POPULAR}. */
  public static long popular(int rows) {
    long n = 0;
    for (int i = 0; i < rows; i++) {
      n += i % 3 != 0 && i % 10 == 0 ? 1 : 0;
    }
    return n;
  }

  /** Returns how many reasons (what was missing) the refusals of {@code rows} questions have. */
  public static long reasons(int rows) {
    Set<Integer> missing = new HashSet<>();
    for (int i = 0; i < rows; i++) {
      if (i % 3 != 0 && i % 10 != 0) {
        missing.add(i % REASONS);
      }
    }
    return (long) missing.size() + (popular(rows) > 0 ? 1 : 0);
  }

  /**
   * Inserts {@code rows} questions (and {@code rows / 100} votes) into {@code c}, asked evenly over
   * {@code days} days, the newest {@code ageDays} days ago.
   */
  public static void fill(Connection c, int rows, double days, double ageDays) throws SQLException {
    long day = Duration.ofDays(1).toMillis();
    long newest = System.currentTimeMillis() - (long) (ageDays * day) - 60_000;
    long span = (long) (days * day);
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement q =
            c.prepareStatement(
                "INSERT INTO questions (asked_at, surface, team_id, channel_id, user_id, question,"
                    + " statements, reason, missing, strength, millis)"
                    + " VALUES (?, ?, 'T0BIG', ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement v =
            c.prepareStatement(
                "INSERT INTO votes (user_id, question_key, statement, question, vote, voted_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < rows; i++) {
        boolean refused = i % 3 != 0;
        boolean popular = refused && i % 10 == 0;
        q.setLong(1, newest - span + span * i / rows);
        q.setString(2, i % 2 == 0 ? "slash" : "mention");
        q.setString(3, "C" + i % 40);
        q.setString(4, "U" + i % 3000);
        q.setString(
            5,
            popular
                ? POPULAR
                : refused
                    ? "how much does Company" + (100_000 + i) + " spend on Azure AI?"
                    : "who is Microsoft's biggest AI customer in China?");
        q.setString(
            6,
            refused
                ? ""
                : "msft-china-ai:1.2 2.265,msft-china-ai:3.1 1.2" + (i % 2 == 0 ? "" : "5"));
        q.setString(7, refused ? (popular ? "DETAIL_NOT_IN_REPORT" : "NAME_NOT_IN_REPORT") : null);
        q.setString(
            8, refused ? (popular ? "a figure for Company7" : "Company" + i % REASONS) : null);
        q.setString(9, refused ? "NOT_IN_REPORT" : "STRONG");
        q.setInt(10, i % 100);
        q.addBatch();
        if (i % 100 == 0) {
          v.setString(1, "U" + i);
          v.setString(2, "key" + i + "-" + newest);
          v.setString(3, "msft-china-ai:1.2");
          v.setString(4, "who is Microsoft's biggest AI customer in China? (" + i + ")");
          v.setInt(5, i % 200 == 0 ? -1 : 1);
          v.setLong(6, newest - span + span * i / rows);
          v.addBatch();
        }
        if (i % 10_000 == 9_999) {
          q.executeBatch();
          v.executeBatch();
        }
      }
      q.executeBatch();
      v.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }
}

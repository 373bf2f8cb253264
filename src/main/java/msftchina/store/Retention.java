package msftchina.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Deletes what is older than the retention period — questions, votes and counts, and seen events
 * older than a day — a batch at a time, each in its own transaction with a pause between, so that
 * claiming an event never waits long for the database's lock (clearing a million rows at once held
 * SQLite's lock for over 5 s).
 *
 * <p>NOTE: not safe for concurrent use; the recorder's thread alone uses it.
 */
final class Retention {

  /** The most rows of a table one clean-up transaction deletes (a few milliseconds of lock). */
  static final int BATCH = 1_000;

  /** The pause between two clean-up transactions, in which others take the lock. */
  static final long PAUSE_MILLIS = 20;

  private static final long DAY = Duration.ofDays(1).toMillis();

  /** A table cleaned up, the column that dates its rows, and the unit of that column. */
  private record Dated(String table, String column, boolean inDays) {}

  /** The tables cleaned up, in order. */
  private static final List<Dated> DATED =
      List.of(
          new Dated("questions", "asked_at", false),
          new Dated("votes", "voted_at", false),
          new Dated("counts", "day", true),
          new Dated("seen_events", "seen_at", false));

  private final long retentionMillis;
  private final String row;
  private long cutoff;
  private long seenCutoff;
  private int table = DATED.size();

  /** Keeps rows for {@code retentionMillis}, in a SQLite database when {@code sqlite}. */
  Retention(long retentionMillis, boolean sqlite) {
    this.retentionMillis = retentionMillis;
    // SQLite's rowid and PostgreSQL's ctid name a row: a batch is the first rows found.
    this.row = sqlite ? "rowid" : "ctid";
  }

  /** Starts a clean-up of what is past the retention at {@code now} (epoch milliseconds). */
  void begin(long now) {
    cutoff = now - retentionMillis;
    seenCutoff = now - Math.min(retentionMillis, DAY);
    table = 0;
  }

  /** Returns whether a clean-up has batches left to delete. */
  boolean underWay() {
    return table < DATED.size();
  }

  /**
   * Deletes the next batch of at most {@link #BATCH} rows through {@code c}, and commits; the
   * clean-up is over once every table has had a batch short of full.
   */
  void deleteSome(Connection c) throws SQLException {
    Dated dated = DATED.get(table);
    long before =
        dated.table().equals("seen_events") ? seenCutoff : dated.inDays() ? cutoff / DAY : cutoff;
    int deleted;
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM "
                + dated.table()
                + " WHERE "
                + row
                + " IN (SELECT "
                + row
                + " FROM "
                + dated.table()
                + " WHERE "
                + dated.column()
                + " < ? LIMIT "
                + BATCH
                + ")")) {
      delete.setLong(1, before);
      deleted = delete.executeUpdate();
    }
    c.commit();
    if (deleted < BATCH) {
      table++;
    }
  }
}

package msftchina.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels' reports in the table {@code channel_reports}: read whole into memory at start and
 * every {@link #REFRESH_MILLIS} (so that a question never waits for the database, and a change made
 * through another copy reaches this one within seconds), written through at once when an admin sets
 * one here.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class ChannelTable implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger("msftchina.store");

  /**
   * How often the table is read again, for changes made through other copies. Not a setting: a read
   * of at most {@link #MAX_CHANNELS} small rows every 5 s costs nothing worth tuning.
   */
  static final long REFRESH_MILLIS = 5_000;

  /**
   * The most channels read: rows of some 100 bytes, 1 MB at most; an admin sets them one by one.
   */
  static final int MAX_CHANNELS = 10_000;

  private final Database db;
  private final ScheduledExecutorService refresh;
  private volatile Map<String, String> reports = Map.of();
  private volatile boolean failing;

  ChannelTable(Database db) {
    this.db = db;
    read();
    this.refresh =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "store-channels");
              t.setDaemon(true);
              return t;
            });
    // Runs until the store closes; a failed read keeps the last one and is logged once.
    var unused =
        refresh.scheduleWithFixedDelay(
            this::read, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Returns the report of {@code channel} as last read, or empty. */
  Optional<String> report(String channel) {
    return Optional.ofNullable(channel == null ? null : reports.get(channel));
  }

  /** Sets (or, {@code report} null, clears) the report of {@code channel}; false on failure. */
  boolean set(String team, String channel, String report, String user) {
    try (Connection c = db.connect()) {
      if (report == null) {
        try (PreparedStatement d =
            c.prepareStatement("DELETE FROM channel_reports WHERE channel_id = ?")) {
          d.setString(1, channel);
          d.executeUpdate();
        }
      } else {
        try (PreparedStatement u =
            c.prepareStatement(
                "INSERT INTO channel_reports (channel_id, team_id, report_id, set_by, set_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel_id) DO UPDATE SET"
                    + " team_id = excluded.team_id, report_id = excluded.report_id,"
                    + " set_by = excluded.set_by, set_at = excluded.set_at")) {
          u.setString(1, channel);
          u.setString(2, team);
          u.setString(3, report);
          u.setString(4, user);
          u.setLong(5, System.currentTimeMillis());
          u.executeUpdate();
        }
      }
    } catch (SQLException e) {
      log.warn(
          "the report of channel {} was not stored: {}",
          channel,
          db.settings().redact(String.valueOf(e.getMessage())));
      return false;
    }
    Map<String, String> next = new HashMap<>(reports);
    if (report == null) {
      next.remove(channel);
    } else {
      next.put(channel, report);
    }
    reports = Map.copyOf(next);
    return true;
  }

  private void read() {
    Map<String, String> read = new HashMap<>();
    try (Connection c = db.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT channel_id, report_id FROM channel_reports ORDER BY set_at DESC LIMIT ?")) {
      q.setInt(1, MAX_CHANNELS);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          read.put(rs.getString(1), rs.getString(2));
        }
      }
      reports = Map.copyOf(read);
      failing = false;
    } catch (SQLException | RuntimeException e) {
      if (!failing) {
        log.warn(
            "the channels' reports could not be read again; the last read is used: {}",
            db.settings().redact(String.valueOf(e.getMessage())));
      }
      failing = true;
    }
  }

  @Override
  public void close() {
    refresh.shutdownNow();
  }
}

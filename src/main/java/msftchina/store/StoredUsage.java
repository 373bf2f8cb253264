package msftchina.store;

import java.sql.Connection;
import java.sql.SQLException;
import msftchina.app.Gaps;
import msftchina.app.Stats;
import msftchina.app.StorageUnreadable;
import msftchina.app.UsageReader;

/**
 * What serve recorded in the database (SQLite or PostgreSQL), read back over one connection by
 * {@link StatsQueries} and {@link GapsQueries}.
 *
 * <p>NOTE: not safe for concurrent use (one connection).
 */
public final class StoredUsage implements UsageReader {

  private final StoreSettings settings;
  private final Connection connection;

  private StoredUsage(StoreSettings settings, Connection connection) {
    this.settings = settings;
    this.connection = connection;
  }

  /**
   * Opens the database of {@code settings} as {@link Database#open} does (its schema brought up to
   * date) to read back what was recorded.
   */
  public static UsageReader open(StoreSettings settings) throws StoreException {
    Database db = Database.open(settings);
    try {
      return new StoredUsage(settings, db.connect());
    } catch (SQLException e) {
      throw StoreErrors.failure(settings, e);
    }
  }

  @Override
  public Stats stats(long sinceMillis) throws StorageUnreadable {
    try {
      return StatsQueries.stats(connection, sinceMillis);
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  @Override
  public Gaps gaps(long sinceMillis, int limit) throws StorageUnreadable {
    try {
      return GapsQueries.gaps(connection, sinceMillis, limit);
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  @Override
  public Gaps.Reasons reasons(long sinceMillis, int limit) throws StorageUnreadable {
    try {
      return GapsQueries.reasons(connection, sinceMillis, limit);
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  private StorageUnreadable unreadable(SQLException e) {
    return new StorageUnreadable(StoreErrors.failure(settings, e).getMessage(), e);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Only read from: nothing is lost.
    }
  }
}

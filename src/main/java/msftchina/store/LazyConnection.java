package msftchina.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One connection to the database for one thread's transactions: opened when first needed, without
 * auto-commit, and dropped after a failure so that the next use opens a new one.
 *
 * <p>NOTE: not safe for concurrent use.
 */
final class LazyConnection implements AutoCloseable {

  private final Database db;
  private Connection connection;

  LazyConnection(Database db) {
    this.db = db;
  }

  /** Returns the connection, opening it when there is none. */
  Connection get() throws SQLException {
    if (connection == null) {
      connection = db.connect();
      connection.setAutoCommit(false);
    }
    return connection;
  }

  /** Rolls back the transaction under way, if it can, and drops the connection. */
  void drop() {
    if (connection != null) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // broken: closed next
      }
    }
    close();
  }

  /** Closes the connection, if open. */
  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // already broken
      }
      connection = null;
    }
  }
}

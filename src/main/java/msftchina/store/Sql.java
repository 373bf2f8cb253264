package msftchina.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Small helpers for the store's queries. */
final class Sql {

  private Sql() {}

  /**
   * Sets {@code params} (longs, ints and strings) as the parameters of {@code q}, in order, and
   * runs it.
   */
  static ResultSet query(PreparedStatement q, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      if (params[i] instanceof Integer n) {
        q.setInt(i + 1, n);
      } else if (params[i] instanceof String text) {
        q.setString(i + 1, text);
      } else {
        q.setLong(i + 1, (Long) params[i]);
      }
    }
    return q.executeQuery();
  }
}

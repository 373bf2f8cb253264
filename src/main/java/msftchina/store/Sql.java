package msftchina.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for the store's queries. */
final class Sql {

  private Sql() {}

  /** Reads a value from the current row of a result. */
  interface Row<T> {
    /** Returns the value of the current row of {@code rs}. */
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs the query {@code sql} with {@code params} (as {@link #query} sets them) and returns each
   * of its rows read by {@code row}, in order, in a new list.
   */
  static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(sql);
        ResultSet rs = query(q, params)) {
      while (rs.next()) {
        rows.add(row.read(rs));
      }
    }
    return rows;
  }

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

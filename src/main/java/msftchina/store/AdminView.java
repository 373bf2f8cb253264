package msftchina.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import msftchina.app.Gaps;

/**
 * What the report's maintainers ({@code MSFTCHINA_ADMINS}) see in the Home tab: the last 30 days'
 * first {@link #GAPS} gaps and answers voted down, counted by the database and kept for {@link
 * #FRESH}, so that however often admins open the tab the database counts them at most once in that
 * time.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class AdminView {

  /** The most refused questions, and the most answers voted down, the view holds. */
  static final int GAPS = 8;

  /**
   * How long a view read is shown before it is read again. Not a setting: 30 s is what bounds the
   * database's work however often admins open the tab, and a gap is no news within 30 s.
   */
  static final Duration FRESH = Duration.ofSeconds(30);

  private final Database db;
  private Gaps gaps;
  private long read;

  AdminView(Database db) {
    this.db = db;
  }

  /**
   * Returns the view for {@code userId} when an admin, empty for anyone else or when the database
   * can't be read. Call it from a worker, never on a request's time: a first read over a big store
   * takes a fraction of a second.
   */
  synchronized Optional<Gaps> forUser(String userId) {
    if (userId == null || !db.settings().admins().contains(userId)) {
      return Optional.empty();
    }
    long now = System.nanoTime();
    if (gaps == null || now - read > FRESH.toNanos()) {
      try (Connection c = db.connect()) {
        gaps =
            GapsQueries.gaps(c, System.currentTimeMillis() - Duration.ofDays(30).toMillis(), GAPS);
        read = now;
      } catch (SQLException e) {
        return Optional.empty();
      }
    }
    return Optional.of(gaps);
  }
}

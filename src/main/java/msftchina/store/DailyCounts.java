package msftchina.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import msftchina.app.Outcome;
import msftchina.app.QuestionAsked;
import msftchina.app.Vote;

/**
 * Questions and votes as counts per day (the {@code counts} recording mode, which keeps no text and
 * no user id): questions per surface, answered or not, per statement given and per refusal reason;
 * votes per statement; and records dropped.
 *
 * <p>NOTE: not safe for concurrent use; the recorder's thread alone uses it.
 */
final class DailyCounts implements Queued.Writer<RuntimeException> {

  private static final long DAY = Duration.ofDays(1).toMillis();

  private final Map<List<Object>, Long> counts = new HashMap<>();

  /** Counts {@code n} records dropped on the day of {@code now} (epoch milliseconds). */
  void dropped(long now, long n) {
    counts.merge(List.of(now / DAY, "dropped", ""), n, Long::sum);
  }

  /** Counts a question: its surface, whether it was answered, its statements, its reason. */
  @Override
  public void asked(QuestionAsked a) {
    long day = a.at() / DAY;
    counts.merge(List.of(day, "surface", a.surface().label()), 1L, Long::sum);
    Outcome outcome = a.outcome();
    if (outcome.equals(Outcome.UNKNOWN)) {
      return;
    }
    counts.merge(List.of(day, "answered", outcome.answered() ? "yes" : "no"), 1L, Long::sum);
    for (Outcome.Given given : outcome.statements()) {
      counts.merge(List.of(day, "statement", given.id()), 1L, Long::sum);
    }
    if (outcome.reason() != null) {
      counts.merge(List.of(day, "reason", outcome.reason()), 1L, Long::sum);
    }
  }

  /** Counts a vote, up or down, on its statement. */
  @Override
  public void voted(Vote vote) {
    counts.merge(
        List.of(vote.at() / DAY, vote.up() ? "up" : "down", vote.statement()), 1L, Long::sum);
  }

  /** Adds the counts to the database through {@code connection}; the caller commits. */
  void write(Connection connection) throws SQLException {
    if (counts.isEmpty()) {
      return;
    }
    try (PreparedStatement c =
        connection.prepareStatement(
            "INSERT INTO counts (day, kind, name, n) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (day, kind, name) DO UPDATE SET n = counts.n + excluded.n")) {
      for (Map.Entry<List<Object>, Long> e : counts.entrySet()) {
        c.setLong(1, (Long) e.getKey().get(0));
        c.setString(2, (String) e.getKey().get(1));
        c.setString(3, (String) e.getKey().get(2));
        c.setLong(4, e.getValue());
        c.addBatch();
      }
      c.executeBatch();
    }
  }
}

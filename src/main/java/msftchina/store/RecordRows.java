package msftchina.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import msftchina.app.Outcome;
import msftchina.app.QuestionAsked;
import msftchina.app.Vote;

/**
 * Writes questions and votes as rows (the {@code full} recording mode): a question with its outcome
 * in {@code questions}, a vote in {@code votes} (the same user's later vote on the same answer
 * replacing it). Questions are cut to {@link Recorder#MAX_QUESTION} characters and ids to 32.
 */
final class RecordRows {

  private RecordRows() {}

  /** Returns the statement that inserts a question, to prepare once per connection. */
  static PreparedStatement insertQuestion(Connection c) throws SQLException {
    return c.prepareStatement(
        "INSERT INTO questions (asked_at, surface, team_id, channel_id, user_id,"
            + " question, statements, reason, missing, strength, millis, report_id,"
            + " report_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  /**
   * Writes {@code batch} through {@code connection}, questions by {@code q}; the caller commits.
   */
  static void write(Connection connection, PreparedStatement q, List<Queued> batch)
      throws SQLException {
    try (PreparedStatement v =
        connection.prepareStatement(
            "INSERT INTO votes (user_id, question_key, statement, question, vote, voted_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, question_key, statement)"
                + " DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at")) {
      Rows rows = new Rows(q, v);
      for (Queued record : batch) {
        record.writeTo(rows);
      }
      rows.execute();
    }
  }

  /**
   * A batch of rows: questions added to one statement ({@code q}), votes to another ({@code v}).
   */
  private record Rows(PreparedStatement q, PreparedStatement v)
      implements Queued.Writer<SQLException> {

    @Override
    public void asked(QuestionAsked a) throws SQLException {
      Outcome outcome = a.outcome();
      q.setLong(1, a.at());
      q.setString(2, a.surface().label());
      q.setString(3, id(a.team()));
      q.setString(4, id(a.channel()));
      q.setString(5, id(a.user()));
      q.setString(6, cut(a.question()));
      q.setString(7, statements(outcome));
      q.setString(8, outcome.reason());
      q.setString(9, outcome.missing().isEmpty() ? null : String.join("\n", outcome.missing()));
      q.setString(10, outcome.strength());
      q.setInt(11, a.millis());
      q.setString(12, cutTo(a.report(), 128));
      q.setString(13, cutTo(a.version(), 16));
      q.addBatch();
    }

    @Override
    public void voted(Vote vote) throws SQLException {
      v.setString(1, id(vote.user()));
      v.setString(2, questionKey(vote.question()));
      v.setString(3, vote.statement());
      v.setString(4, cut(vote.question()));
      v.setInt(5, vote.up() ? 1 : -1);
      v.setLong(6, vote.at());
      v.addBatch();
    }

    /** Runs the rows added (an empty batch runs nothing, on SQLite and PostgreSQL alike). */
    void execute() throws SQLException {
      q.executeBatch();
      v.executeBatch();
    }
  }

  /** Returns the statements column: each statement given as "ID SCORE", joined by commas. */
  private static String statements(Outcome outcome) {
    return outcome.statements().stream()
        .map(g -> g.id() + " " + g.score())
        .collect(Collectors.joining(","));
  }

  /** Returns a short key of {@code question}, the same for the same words. */
  private static String questionKey(String question) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(question.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String cut(String question) {
    String q = question == null ? "" : question.strip();
    return q.length() > Recorder.MAX_QUESTION ? q.substring(0, Recorder.MAX_QUESTION) : q;
  }

  private static String cutTo(String text, int chars) {
    return text == null || text.length() <= chars ? text : text.substring(0, chars);
  }

  private static String id(String id) {
    return id == null || id.length() <= 32 ? id : id.substring(0, 32);
  }
}

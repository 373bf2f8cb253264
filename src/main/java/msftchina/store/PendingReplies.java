package msftchina.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import msftchina.app.PendingReply;
import msftchina.app.Surface;

/**
 * The SQL of seen events and pending replies: the {@code seen_events} and {@code outbox} tables as
 * one copy of the bot ({@code owner}) reads and writes them. Each method commits what it wrote.
 */
final class PendingReplies {

  /** A pending reply as read from the table, with the lease it was read under. */
  record Lease(PendingReply reply, String owner, long until) {}

  private final String owner;

  PendingReplies(String owner) {
    this.owner = owner;
  }

  /**
   * Marks the event of {@code reply} seen and, the first time, stores the reply as pending, owned
   * by this copy until {@code leaseUntil}; returns whether it was the first time.
   */
  boolean claim(Connection c, PendingReply reply, long now, long leaseUntil) throws SQLException {
    try (PreparedStatement seen =
            c.prepareStatement(
                "INSERT INTO seen_events (event_id, seen_at) VALUES (?, ?)"
                    + " ON CONFLICT (event_id) DO NOTHING");
        PreparedStatement pending =
            c.prepareStatement(
                "INSERT INTO outbox (event_id, created_at, surface, team_id, channel_id,"
                    + " thread_ts, user_id, question, owner, lease_until)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      seen.setString(1, reply.eventId());
      seen.setLong(2, now);
      boolean first = seen.executeUpdate() == 1;
      if (first) {
        pending.setString(1, reply.eventId());
        pending.setLong(2, reply.receivedAt());
        pending.setString(3, reply.surface().label());
        pending.setString(4, reply.team());
        pending.setString(5, reply.channel());
        pending.setString(6, reply.thread());
        pending.setString(7, reply.user());
        pending.setString(8, reply.question());
        pending.setString(9, owner);
        pending.setLong(10, leaseUntil);
        pending.executeUpdate();
      }
      c.commit();
      return first;
    }
  }

  /** Deletes this copy's pending replies to {@code eventIds}. */
  void delete(Connection c, Collection<String> eventIds) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM outbox WHERE event_id = ? AND owner = ?")) {
      for (String id : eventIds) {
        delete.setString(1, id);
        delete.setString(2, owner);
        delete.addBatch();
      }
      delete.executeBatch();
      c.commit();
    }
  }

  /** Sets the leases of all this copy's pending replies to end at {@code until}. */
  void renew(Connection c, long until) throws SQLException {
    try (PreparedStatement renew =
        c.prepareStatement("UPDATE outbox SET lease_until = ? WHERE owner = ?")) {
      renew.setLong(1, until);
      renew.setString(2, owner);
      renew.executeUpdate();
    }
    c.commit();
  }

  /** Returns the (at most 100) oldest pending replies whose lease ended before {@code now}. */
  List<Lease> expired(Connection c, long now) throws SQLException {
    List<Lease> expired =
        Sql.list(
            c,
            "SELECT event_id, created_at, surface, team_id, channel_id, thread_ts, user_id,"
                + " question, owner, lease_until FROM outbox WHERE lease_until < ?"
                + " ORDER BY created_at LIMIT 100",
            PendingReplies::lease,
            now);
    c.commit();
    return expired;
  }

  /** Reads the pending reply and its lease of a row of {@link #expired}'s query. */
  private static Lease lease(ResultSet rs) throws SQLException {
    Surface surface = Surface.of(rs.getString(3));
    PendingReply reply =
        new PendingReply(
            rs.getString(1),
            surface == null ? Surface.MENTION : surface,
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7),
            rs.getString(8),
            rs.getLong(2));
    return new Lease(reply, rs.getString(9), rs.getLong(10));
  }

  /**
   * Takes the reply of {@code lease} over until {@code until}, unless another copy took it first;
   * returns whether this copy did.
   */
  boolean takeOver(Connection c, Lease lease, long until) throws SQLException {
    try (PreparedStatement take =
        c.prepareStatement(
            "UPDATE outbox SET owner = ?, lease_until = ?"
                + " WHERE event_id = ? AND owner = ? AND lease_until = ?")) {
      take.setString(1, owner);
      take.setLong(2, until);
      take.setString(3, lease.reply().eventId());
      take.setString(4, lease.owner());
      take.setLong(5, lease.until());
      boolean taken = take.executeUpdate() == 1;
      c.commit();
      return taken;
    }
  }
}

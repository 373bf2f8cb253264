package msftchina.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import msftchina.app.PendingReply;
import msftchina.app.Surface;

/**
 * Seen events and pending replies in the database, shared by every copy of the bot. An event is
 * claimed before it is acknowledged: its id is marked seen and its reply stored as pending, in one
 * transaction, so that a retry reaching any copy is not answered again, and a reply acknowledged
 * but not delivered (its copy stopped or killed) is delivered by the next copy to look.
 *
 * <p>The copy that claimed a reply owns it under a lease it renews while it runs; a reply whose
 * lease ran out is taken over by another copy (or the next start) and delivered. The database is
 * given {@link #DEADLINE_MILLIS} to claim an event; when it is slower or gone, the event is
 * answered anyway, on this copy's memory alone.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class EventLeases implements AutoCloseable {

  /** What claiming an event came to. */
  enum Claim {
    /** The first time any copy saw the event: its reply is now pending, owned by this copy. */
    FIRST,
    /** Another copy (or this one) already took the event. */
    REPEAT,
    /** The database didn't answer in time: the event is answered without it. */
    UNKNOWN
  }

  /** How long a request waits for the database to claim an event, in milliseconds. */
  static final long DEADLINE_MILLIS = 1_000;

  /** How long a claimed reply stays with its copy without a renewal, in milliseconds. */
  static final long LEASE_MILLIS = 10_000;

  /** How often leases are renewed and expired ones looked for, in milliseconds. */
  static final long SWEEP_MILLIS = 3_000;

  private static final int WAITING = 0;
  private static final int RUNNING = 1;
  private static final int DONE = 2;
  private static final int ABANDONED = 3;

  private final Database db;
  private final String owner = UUID.randomUUID().toString();
  private final Health health;
  private final ScheduledExecutorService worker;
  private final Set<String> mine = ConcurrentHashMap.newKeySet();
  private final Set<String> finished = ConcurrentHashMap.newKeySet();
  private volatile long busySince;
  private volatile ScheduledFuture<?> sweeping;
  private Connection connection;

  EventLeases(Database db) {
    this.db = db;
    this.health =
        new Health(
            "seen events and pending replies",
            "events are answered on this copy's memory alone until it recovers",
            db.settings().where());
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "store-outbox");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts looking for replies left by a stopped copy (now, then every few seconds) and hands each
   * one this copy takes over to {@code deliver}.
   */
  void start(Consumer<PendingReply> deliver) {
    // The sweep runs until the store closes; it logs its own failures. An Error ends it: then
    // death() says so.
    sweeping =
        worker.scheduleWithFixedDelay(() -> sweep(deliver), 0, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Claims the event of {@code reply}: see {@link Claim}. Waits at most {@link #DEADLINE_MILLIS}.
   */
  Claim claim(PendingReply reply) {
    if (reply.eventId() == null || reply.eventId().isEmpty()) {
      return Claim.UNKNOWN;
    }
    long busy = busySince;
    if (busy != 0 && System.currentTimeMillis() - busy > DEADLINE_MILLIS) {
      return Claim.UNKNOWN; // the database is already holding up an earlier claim
    }
    AtomicInteger state = new AtomicInteger(WAITING);
    Future<Claim> result = worker.submit(() -> insert(reply, state));
    try {
      return result.get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      if (state.compareAndSet(WAITING, ABANDONED) || state.compareAndSet(RUNNING, ABANDONED)) {
        return Claim.UNKNOWN;
      }
      return outcome(result);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Claim.UNKNOWN;
    } catch (ExecutionException e) {
      return Claim.UNKNOWN;
    }
  }

  /**
   * Returns what died, for /healthz: the sweep of pending replies while it should run; else null.
   */
  String death() {
    ScheduledFuture<?> s = sweeping;
    return s != null && s.isDone() && !worker.isShutdown()
        ? "the store's sweep of pending replies died: replies a stopped copy left are not delivered"
        : null;
  }

  /** Returns what is wrong with claiming events, or null: see {@link Health#problem}. */
  String problem() {
    return health.problem();
  }

  /** Returns the events whose replies this copy claimed and has not finished with. */
  List<String> owned() {
    List<String> owned = new ArrayList<>(mine);
    owned.removeAll(finished);
    return owned;
  }

  /**
   * Marks the reply to {@code eventId} as done with (delivered, or given up): no longer pending.
   */
  void done(String eventId) {
    if (eventId != null && mine.contains(eventId)) {
      finished.add(eventId);
      try {
        worker.execute(this::deleteFinished);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // stopping: close() deletes what is finished
      }
    }
  }

  private Claim insert(PendingReply reply, AtomicInteger state) throws SQLException {
    if (!state.compareAndSet(WAITING, RUNNING)) {
      return Claim.UNKNOWN;
    }
    busySince = System.currentTimeMillis();
    try {
      Connection c = connection();
      boolean first;
      try (PreparedStatement seen =
              c.prepareStatement(
                  "INSERT INTO seen_events (event_id, seen_at) VALUES (?, ?)"
                      + " ON CONFLICT (event_id) DO NOTHING");
          PreparedStatement pending =
              c.prepareStatement(
                  "INSERT INTO outbox (event_id, created_at, surface, team_id, channel_id,"
                      + " thread_ts, user_id, question, owner, lease_until)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        long now = System.currentTimeMillis();
        seen.setString(1, reply.eventId());
        seen.setLong(2, now);
        first = seen.executeUpdate() == 1;
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
          pending.setLong(10, now + LEASE_MILLIS);
          pending.executeUpdate();
        }
        c.commit();
      } catch (SQLException e) {
        rollback();
        throw e;
      }
      health.ok("");
      if (first) {
        mine.add(reply.eventId());
      }
      if (!state.compareAndSet(RUNNING, DONE) && first) {
        // The request gave up waiting and answers on its own: the reply is not pending here.
        done(reply.eventId());
      }
      return first ? Claim.FIRST : Claim.REPEAT;
    } catch (SQLException e) {
      failed(e);
      throw e;
    } finally {
      busySince = 0;
    }
  }

  private void deleteFinished() {
    if (finished.isEmpty()) {
      return;
    }
    try (PreparedStatement delete =
        connection().prepareStatement("DELETE FROM outbox WHERE event_id = ? AND owner = ?")) {
      List<String> ids = new ArrayList<>(finished);
      for (String id : ids) {
        delete.setString(1, id);
        delete.setString(2, owner);
        delete.addBatch();
      }
      delete.executeBatch();
      connection.commit();
      ids.forEach(finished::remove);
      ids.forEach(mine::remove);
      health.ok("");
    } catch (SQLException e) {
      rollback();
      failed(e); // kept in finished, deleted on the next sweep
    }
  }

  /** Renews this copy's leases, deletes what it finished, and takes over expired replies. */
  private void sweep(Consumer<PendingReply> deliver) {
    try {
      deleteFinished();
      Connection c = connection();
      long now = System.currentTimeMillis();
      if (!mine.isEmpty()) {
        try (PreparedStatement renew =
            c.prepareStatement("UPDATE outbox SET lease_until = ? WHERE owner = ?")) {
          renew.setLong(1, now + LEASE_MILLIS);
          renew.setString(2, owner);
          renew.executeUpdate();
        }
        c.commit();
      }
      List<PendingReply> expired = new ArrayList<>();
      List<String[]> leases = new ArrayList<>();
      try (PreparedStatement find =
          c.prepareStatement(
              "SELECT event_id, created_at, surface, team_id, channel_id, thread_ts, user_id,"
                  + " question, owner, lease_until FROM outbox WHERE lease_until < ?"
                  + " ORDER BY created_at LIMIT 100")) {
        find.setLong(1, now);
        try (ResultSet rs = find.executeQuery()) {
          while (rs.next()) {
            Surface surface = Surface.of(rs.getString(3));
            expired.add(
                new PendingReply(
                    rs.getString(1),
                    surface == null ? Surface.MENTION : surface,
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getLong(2)));
            leases.add(new String[] {rs.getString(9), Long.toString(rs.getLong(10))});
          }
        }
      }
      c.commit();
      for (int i = 0; i < expired.size(); i++) {
        if (takeOver(c, expired.get(i).eventId(), leases.get(i), now)) {
          mine.add(expired.get(i).eventId());
          deliver.accept(expired.get(i));
        }
      }
      health.ok("");
    } catch (SQLException | RuntimeException e) {
      rollback();
      failed(e);
    }
  }

  /** Takes the reply {@code eventId} over, unless another copy took it first. */
  private boolean takeOver(Connection c, String eventId, String[] lease, long now)
      throws SQLException {
    try (PreparedStatement take =
        c.prepareStatement(
            "UPDATE outbox SET owner = ?, lease_until = ?"
                + " WHERE event_id = ? AND owner = ? AND lease_until = ?")) {
      take.setString(1, owner);
      take.setLong(2, now + LEASE_MILLIS);
      take.setString(3, eventId);
      take.setString(4, lease[0]);
      take.setLong(5, Long.parseLong(lease[1]));
      boolean taken = take.executeUpdate() == 1;
      c.commit();
      return taken;
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      connection = db.connect();
      connection.setAutoCommit(false);
    }
    return connection;
  }

  private void failed(Exception e) {
    health.failed(e);
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // already broken
      }
      connection = null;
    }
  }

  private void rollback() {
    if (connection != null) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // the connection is dropped by failed()
      }
    }
  }

  private static Claim outcome(Future<Claim> result) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Claim.UNKNOWN;
    } catch (ExecutionException e) {
      return Claim.UNKNOWN;
    }
  }

  /**
   * Stops; replies this copy still owns are left to the next copy at once (their leases end now).
   */
  @Override
  public void close() {
    worker.shutdown();
    try {
      if (worker.awaitTermination(3, TimeUnit.SECONDS)) {
        deleteFinished();
        if (!mine.isEmpty()) {
          Connection c = connection();
          try (PreparedStatement release =
              c.prepareStatement("UPDATE outbox SET lease_until = 0 WHERE owner = ?")) {
            release.setString(1, owner);
            release.executeUpdate();
          }
          c.commit();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      // the leases end by themselves
    }
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }
}

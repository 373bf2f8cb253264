package msftchina.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import msftchina.app.PendingReply;

/**
 * Seen events and pending replies in the database, shared by every copy of the bot. An event is
 * claimed right after it is acknowledged, before it is answered: its id is marked seen and its
 * reply stored as pending, in one transaction, so that a retry reaching any copy is not answered
 * again, and a reply acknowledged but not delivered (its copy stopped or killed) is delivered by
 * the next copy to look.
 *
 * <p>The copy that claimed a reply owns it under a lease it renews while it runs; a reply whose
 * lease ran out is taken over by another copy (or the next start) and delivered. The database is
 * given {@link ClaimDeadline#DEADLINE_MILLIS} to claim an event; when it is slower or gone, the
 * event is answered anyway, on this copy's memory alone.
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

  /** How long a claimed reply stays with its copy without a renewal, in milliseconds. */
  static final long LEASE_MILLIS = 10_000;

  /** How often leases are renewed and expired ones looked for, in milliseconds. */
  static final long SWEEP_MILLIS = 3_000;

  private final LazyConnection connection;
  private final PendingReplies rows = new PendingReplies(UUID.randomUUID().toString());
  private final Health health;
  private final ScheduledExecutorService worker;
  private final Set<String> mine = ConcurrentHashMap.newKeySet();
  private final Set<String> finished = ConcurrentHashMap.newKeySet();
  private final ClaimDeadline deadline;
  private volatile ScheduledFuture<?> sweeping;

  EventLeases(Database db) {
    this.connection = new LazyConnection(db);
    this.health =
        new Health(
            "seen events and pending replies",
            "events are answered on this copy's memory alone until it recovers",
            db.settings().where());
    this.worker = Executors.newSingleThreadScheduledExecutor(Daemons.named("store-outbox"));
    this.deadline = new ClaimDeadline(worker);
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
   * Claims the event of {@code reply}: see {@link Claim}. Waits at most {@code waitMillis}, and
   * never past {@link ClaimDeadline#DEADLINE_MILLIS}.
   */
  Claim claim(PendingReply reply, long waitMillis) {
    if (reply.eventId() == null || reply.eventId().isEmpty()) {
      return Claim.UNKNOWN;
    }
    return deadline.claim(() -> insert(reply), () -> done(reply.eventId()), waitMillis);
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

  /** Stores {@code reply} as pending unless its event was seen; returns whether it was not. */
  private boolean insert(PendingReply reply) throws SQLException {
    try {
      long now = System.currentTimeMillis();
      boolean first = rows.claim(connection.get(), reply, now, now + LEASE_MILLIS);
      health.ok("");
      if (first) {
        mine.add(reply.eventId());
      }
      return first;
    } catch (SQLException e) {
      failed(e);
      throw e;
    }
  }

  private void deleteFinished() {
    if (finished.isEmpty()) {
      return;
    }
    try {
      List<String> ids = new ArrayList<>(finished);
      rows.delete(connection.get(), ids);
      ids.forEach(finished::remove);
      ids.forEach(mine::remove);
      health.ok("");
    } catch (SQLException e) {
      failed(e); // kept in finished, deleted on the next sweep
    }
  }

  /** Renews this copy's leases, deletes what it finished, and takes over expired replies. */
  private void sweep(Consumer<PendingReply> deliver) {
    try {
      deleteFinished();
      Connection c = connection.get();
      long now = System.currentTimeMillis();
      if (!mine.isEmpty()) {
        rows.renew(c, now + LEASE_MILLIS);
      }
      for (PendingReplies.Lease lease : rows.expired(c, now)) {
        if (rows.takeOver(c, lease, now + LEASE_MILLIS)) {
          mine.add(lease.reply().eventId());
          deliver.accept(lease.reply());
        }
      }
      health.ok("");
    } catch (SQLException | RuntimeException e) {
      failed(e);
    }
  }

  /** Notes {@code e} and drops the connection, rolling back what it wrote. */
  private void failed(Exception e) {
    health.failed(e);
    connection.drop();
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
          rows.renew(connection.get(), 0);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      // the leases end by themselves
    }
    connection.close();
  }
}

package msftchina.slack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import msftchina.app.EventClaims;
import msftchina.app.PendingReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims events without holding up their acknowledgement: each claim is queued while its event is
 * handled and run, one at a time, on a thread of its own (ended when idle). The worker that answers
 * an event waits for its claim, and answers only when it is the event's first time; when the
 * database fails or is late, the event is answered anyway (see {@link EventClaims}). An answer
 * waits at most {@link EventClaims#CLAIM_WAIT_MILLIS} from when its claim was queued, claims queued
 * ahead of it included: a claim whose turn comes after that is not run, and its event is answered
 * without one, named in a log line.
 *
 * <p>Bounded in bytes: claims waiting hold at most {@link #MAX_BYTES} of questions; past that, an
 * event is answered without a claim, named in a log line, as when the database is late.
 *
 * <p>At a stop, {@link #close(Duration)} resolves every claim still queued before the outbox stops:
 * each reply is then either claimed (stored as pending, so the next start sends it if this copy
 * doesn't) or answered anyway; none is left waiting for a claim that never runs.
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class EventClaimer {

  /**
   * The most bytes of questions that claims waiting hold: 1 MiB, some 5,000 claims of short
   * questions; claims take milliseconds each, or give up within a second together when the database
   * is late, so the bound is reached only by a flood the database cannot keep up with.
   */
  static final long MAX_BYTES = 1L << 20;

  private static final Logger log = LoggerFactory.getLogger(EventClaimer.class);

  private final EventClaims claims;
  private final AtomicLong waiting = new AtomicLong();
  // The claims queued or running, by number: what close() resolves if they never run.
  private final Map<Long, Open> open = new ConcurrentHashMap<>();
  private final AtomicLong numbers = new AtomicLong();

  /** A claim queued or running: its result, and the reply it is for. */
  private record Open(CompletableFuture<Boolean> claimed, PendingReply reply) {}

  private final ThreadPoolExecutor thread =
      new ThreadPoolExecutor(
          0,
          1,
          1,
          TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), // bounded in bytes by MAX_BYTES, above
          r -> {
            Thread t = new Thread(r, "event-claims");
            t.setDaemon(true); // never keeps a stopping JVM alive
            return t;
          });

  EventClaimer(EventClaims claims) {
    this.claims = claims;
  }

  /**
   * Starts claiming the event of {@code reply}; the result is true unless a copy (this one or
   * another) already took it.
   */
  CompletableFuture<Boolean> claim(PendingReply reply) {
    long bytes = SendQueue.replyBytes(reply.question().length());
    if (waiting.addAndGet(bytes) > MAX_BYTES) {
      waiting.addAndGet(-bytes);
      log.warn(
          "reply to event {} in channel {} is not stored: too many events wait for the database;"
              + " it is sent from this copy's memory",
          reply.eventId(),
          reply.channel());
      return CompletableFuture.completedFuture(true);
    }
    long queued = System.nanoTime();
    CompletableFuture<Boolean> claimed = new CompletableFuture<>();
    long number = numbers.incrementAndGet();
    open.put(number, new Open(claimed, reply));
    try {
      thread.execute(
          () -> {
            try {
              claimed.complete(firstTime(reply, bytes, queued));
            } finally {
              open.remove(number);
            }
          });
    } catch (RejectedExecutionException e) {
      open.remove(number);
      waiting.addAndGet(-bytes);
      log.warn(
          "reply to event {} in channel {} is not stored: the bot is stopping; answered anyway,"
              + " from this copy's memory",
          reply.eventId(),
          reply.channel());
      claimed.complete(true);
    }
    return claimed;
  }

  /**
   * Stops taking claims (an event handled later is answered without one) and waits up to {@code
   * timeout} for the queued ones to finish; any still unresolved then is answered anyway, named in
   * a log line. Call it before the outbox stops, so that each claimed reply goes through the
   * outbox's own stop.
   */
  public void close(Duration timeout) {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
    open.forEach(
        (number, claim) -> {
          PendingReply reply = claim.reply();
          if (claim.claimed().complete(true)) {
            log.warn(
                "reply to event {} in channel {} is not stored: its claim had not run when the bot"
                    + " stopped; answered anyway, from this copy's memory",
                reply.eventId(),
                reply.channel());
          }
        });
    open.clear();
  }

  private boolean firstTime(PendingReply reply, long bytes, long queued) {
    try {
      long left = EventClaims.CLAIM_WAIT_MILLIS - (System.nanoTime() - queued) / 1_000_000;
      if (left <= 0) {
        log.warn(
            "reply to event {} in channel {} is not stored: its claim waited over {} ms behind"
                + " others for the database; answered anyway, from this copy's memory",
            reply.eventId(),
            reply.channel(),
            EventClaims.CLAIM_WAIT_MILLIS);
        return true;
      }
      return claims.firstTime(reply, left);
    } catch (RuntimeException e) {
      log.warn("reply to event {}: the claim failed ({}); answered anyway", reply.eventId(), e);
      return true;
    } finally {
      waiting.addAndGet(-bytes);
    }
  }
}

package msftchina.store;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import msftchina.app.EventClaims;
import msftchina.store.EventLeases.Claim;

/**
 * Claims an event on the store's worker thread within the time its answer has left to wait, never
 * over {@link #DEADLINE_MILLIS}: with the caller counting that time from when it asked for the
 * claim (as {@code slack.EventClaimer} does, from when the claim was queued), an answer is never
 * held up longer than that by a slow or gone database, nor by claims queued ahead of it. A claim
 * given up waiting for is either never run or, when it ran and took the event, undone, so the reply
 * is not left pending on this copy while it answers on its own.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class ClaimDeadline {

  /**
   * How long an answer waits for the database to claim its event, in milliseconds. Not a setting: a
   * claim is one indexed insert, and a database slower than a second is treated as gone.
   */
  static final long DEADLINE_MILLIS = EventClaims.CLAIM_WAIT_MILLIS;

  private static final int WAITING = 0;
  private static final int RUNNING = 1;
  private static final int DONE = 2;
  private static final int ABANDONED = 3;

  private final ExecutorService worker;
  private volatile long busySince;

  /** Runs claims on {@code worker}, one thread that also does the store's other writes. */
  ClaimDeadline(ExecutorService worker) {
    this.worker = worker;
  }

  /**
   * Runs {@code insert} (true when this copy took the event first) on the worker and waits for it
   * at most {@code waitMillis}, never over {@link #DEADLINE_MILLIS}; {@link Claim#UNKNOWN} when it
   * fails or is late, or at once when {@code waitMillis} is not positive. When the insert took the
   * event after the request gave up waiting, {@code undo} runs on the worker.
   */
  Claim claim(Callable<Boolean> insert, Runnable undo, long waitMillis) {
    if (waitMillis <= 0) {
      return Claim.UNKNOWN; // the answer's time ran out before its claim's turn
    }
    long busy = busySince;
    if (busy != 0 && System.currentTimeMillis() - busy > DEADLINE_MILLIS) {
      return Claim.UNKNOWN; // the database is already holding up an earlier claim
    }
    AtomicInteger state = new AtomicInteger(WAITING);
    Future<Claim> result = worker.submit(() -> run(insert, undo, state));
    try {
      return result.get(Math.min(waitMillis, DEADLINE_MILLIS), TimeUnit.MILLISECONDS);
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

  private Claim run(Callable<Boolean> insert, Runnable undo, AtomicInteger state) throws Exception {
    if (!state.compareAndSet(WAITING, RUNNING)) {
      return Claim.UNKNOWN;
    }
    busySince = System.currentTimeMillis();
    try {
      boolean first = insert.call();
      if (!state.compareAndSet(RUNNING, DONE) && first) {
        // The request gave up waiting and answers on its own: the reply is not pending here.
        undo.run();
      }
      return first ? Claim.FIRST : Claim.REPEAT;
    } finally {
      busySince = 0;
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
}

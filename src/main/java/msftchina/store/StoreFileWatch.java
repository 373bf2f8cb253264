package msftchina.store;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the store's SQLite file while serving, every {@link #WATCH_MILLIS} ms and at once when
 * claiming an event failed, on a thread of its own; the first time the file is found lost, names
 * each reply pending in it. A store with no SQLite file (PostgreSQL) has nothing to watch.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class StoreFileWatch implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger("msftchina.store");

  /** How often a SQLite file is looked at for being deleted, replaced or truncated. */
  static final long WATCH_MILLIS = 2_000;

  private final StoreFile file;
  private final EventLeases leases;
  private final ScheduledExecutorService watch;
  private final AtomicBoolean lookSoon = new AtomicBoolean();
  private final AtomicLong looks = new AtomicLong();

  /** Starts watching {@code file}, whose pending replies {@code leases} owns; null for none. */
  StoreFileWatch(StoreFile file, EventLeases leases) {
    this.file = file;
    this.leases = leases;
    if (file == null) {
      this.watch = null;
    } else {
      this.watch = Executors.newSingleThreadScheduledExecutor(Daemons.named("store-watch"));
      // Runs until the store closes; it logs what it finds itself.
      var unused =
          watch.scheduleWithFixedDelay(
              this::look, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Returns what became of the SQLite file as last looked at (deleted, replaced or truncated); null
   * when nothing did, or when there is no file.
   */
  String problem() {
    return file == null ? null : file.problem();
  }

  /** Returns how many looks at the file have ended, with what they logged. */
  long looks() {
    return looks.get();
  }

  /** Looks at the file soon, once for any number of calls until then: a write failed. */
  void lookSoon() {
    if (watch != null && lookSoon.compareAndSet(false, true)) {
      try {
        watch.execute(this::look);
      } catch (RejectedExecutionException e) {
        // closing
      }
    }
  }

  /**
   * Looks at the SQLite file; the first time it is found lost, names each reply pending in it (it
   * is sent from this copy's memory, but no later start will find it).
   */
  private void look() {
    lookSoon.set(false);
    boolean before = file.problem() != null;
    String problem = file.check();
    if (problem != null && !before) {
      for (String eventId : leases.owned()) {
        log.warn(
            "reply to event {} is pending only in the lost database: it is sent from this copy's"
                + " memory, and no later start will send it if serve stops first",
            eventId);
      }
    }
    looks.incrementAndGet();
  }

  /** Stops watching. */
  @Override
  public void close() {
    if (watch != null) {
      watch.shutdownNow();
    }
  }
}

package msftchina.server;

import com.google.gson.JsonPrimitive;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges Socket Mode envelopes: sends an ack, with a payload or without, on the current
 * connection; and, on a thread of its own, acknowledges without a payload every envelope still
 * unacknowledged at its deadline. Acks that find no connection open are counted and logged at most
 * once every 10 s (Slack sends those envelopes again).
 *
 * <p>NOTE: safe for concurrent use.
 */
final class Acknowledger {

  private static final Logger log = LoggerFactory.getLogger(Acknowledger.class);

  private final EnvelopeQueue.Slack slack;
  private final long idleParkNanos;
  private final ConcurrentLinkedQueue<Envelope> deadlines = new ConcurrentLinkedQueue<>();
  private final AtomicLong notSent = new AtomicLong();
  private final AtomicLong lastNotSentLog = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
  private final Thread acker;
  private volatile boolean stopping;

  /**
   * Starts the deadline acker, sending through {@code slack}; with nothing to watch, it looks again
   * every {@code budget} (the ack budget: no envelope can be due sooner).
   */
  Acknowledger(EnvelopeQueue.Slack slack, java.time.Duration budget) {
    this.slack = slack;
    this.idleParkNanos = budget.toNanos();
    acker = new Thread(this::acknowledgeLate, "socket-mode-acker");
    acker.setDaemon(true);
    acker.start();
  }

  /** Watches {@code e}: unacknowledged at its deadline, it is acknowledged then. */
  void watch(Envelope e) {
    deadlines.add(e);
  }

  /** Acknowledges {@code e}, with {@code payload} (JSON) when not null. */
  void send(Envelope e, String payload) {
    StringBuilder ack = new StringBuilder("{\"envelope_id\":");
    ack.append(new JsonPrimitive(e.id));
    if (payload != null) {
      ack.append(",\"payload\":").append(payload);
    }
    ack.append('}');
    if (slack.acknowledge(ack.toString())) {
      return;
    }
    long n = notSent.incrementAndGet();
    long now = System.nanoTime();
    long last = lastNotSentLog.get();
    if (now - last > TimeUnit.SECONDS.toNanos(10) && lastNotSentLog.compareAndSet(last, now)) {
      notSent.addAndGet(-n);
      log.warn(
          "socket mode: {} envelope(s) could not be acknowledged, the connection was closed;"
              + " Slack sends them again",
          n);
    }
  }

  /** Stops acknowledging late envelopes. */
  void stop() {
    stopping = true;
    LockSupport.unpark(acker);
  }

  private void acknowledgeLate() {
    while (!stopping) {
      Envelope e = deadlines.peek();
      if (e == null) {
        LockSupport.parkNanos(idleParkNanos);
        continue;
      }
      long wait = e.deadline - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
        continue;
      }
      deadlines.poll();
      if (!stopping && e.claim()) {
        send(e, null);
      }
    }
  }
}

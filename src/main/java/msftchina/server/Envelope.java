package msftchina.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** A Socket Mode envelope waiting, running, or run and not yet past its ack deadline. */
final class Envelope {

  /** What an envelope costs beyond its text: this object, its place in two queues. */
  static final long OVERHEAD = 256;

  final String id;
  final String type;
  final long deadline;
  final long bytes;
  private final AtomicBoolean acknowledged = new AtomicBoolean();
  volatile String message;

  /**
   * Envelope {@code id} of {@code type}, {@code message} its JSON, to be acknowledged within {@code
   * budget} from now; it counts two bytes a character plus {@link #OVERHEAD}.
   */
  Envelope(String id, String type, String message, Duration budget) {
    this.id = id;
    this.type = type;
    this.message = message;
    this.bytes = 2L * message.length() + OVERHEAD;
    this.deadline = System.nanoTime() + budget.toNanos();
  }

  /** Returns true once: whoever gets true acknowledges (or deliberately doesn't). */
  boolean claim() {
    return acknowledged.compareAndSet(false, true);
  }
}

package msftchina.slack;

import java.time.Clock;
import java.time.Duration;

/**
 * The bounds of a memory that forgets ({@link SeenEvents}, {@link ThreadMemory}): an entry is kept
 * for {@code window}, and at most {@code maxBytes} of entries (as estimated), by {@code clock}.
 */
record MemoryLimits(Duration window, long maxBytes, Clock clock) {

  /** Checks the bounds. */
  MemoryLimits {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0");
    }
  }

  /** Returns the clock's time now, in milliseconds. */
  long now() {
    return clock.millis();
  }

  /** Returns the time, in the clock's milliseconds, at or before which an entry is forgotten. */
  long oldestKept() {
    return clock.millis() - window.toMillis();
  }
}

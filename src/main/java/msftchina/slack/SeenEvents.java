package msftchina.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event ids already answered, so a Slack retry of the same event is not answered twice. Bounded
 * by count and age: ids older than the window or beyond the capacity are forgotten.
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class SeenEvents {

  private final int capacity;
  private final Duration window;
  private final Clock clock;
  private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

  /** Remembers at most {@code capacity} ids, each for {@code window}. */
  public SeenEvents(int capacity, Duration window, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    this.capacity = capacity;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Returns true the first time {@code eventId} is offered, false for a repeat; null ids are always
   * new.
   */
  public synchronized boolean firstTime(String eventId) {
    if (eventId == null || eventId.isEmpty()) {
      return true;
    }
    long now = clock.millis();
    forgetOlderThan(now - window.toMillis());
    if (seen.containsKey(eventId)) {
      return false;
    }
    seen.put(eventId, now);
    if (seen.size() > capacity) {
      Iterator<String> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  /** Forgets {@code eventId}, so that it is new again. */
  public synchronized void forget(String eventId) {
    if (eventId != null) {
      seen.remove(eventId);
    }
  }

  /** Returns how many ids are remembered now. */
  public synchronized int size() {
    forgetOlderThan(clock.millis() - window.toMillis());
    return seen.size();
  }

  private void forgetOlderThan(long cutoff) {
    Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
    while (it.hasNext() && it.next().getValue() < cutoff) {
      it.remove();
    }
  }
}

package msftchina.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event ids already answered, so a Slack retry of the same event is not answered twice. Bounded
 * in bytes and by age: ids older than the window are forgotten, and the oldest first beyond {@code
 * maxBytes}, an id counted as {@code 2 × its characters} plus {@link #ENTRY_OVERHEAD}.
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class SeenEvents {

  /**
   * What an id costs beyond its characters: the map's entry with its two links, the string's and
   * array's headers and the boxed time.
   */
  static final int ENTRY_OVERHEAD = 112;

  private final MemoryLimits limits;
  private long bytes;
  private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

  /**
   * Returns a set that remembers ids for an hour, at most {@code maxBytes} of them ({@link
   * SlackMemory#seenEventsBytes}): the set of a running bot's handlers.
   */
  static SeenEvents forAnHour(long maxBytes) {
    return new SeenEvents(Duration.ofHours(1), maxBytes, Clock.systemUTC());
  }

  /** Remembers ids for {@code window}, at most {@code maxBytes} of them (as estimated). */
  public SeenEvents(Duration window, long maxBytes, Clock clock) {
    this.limits = new MemoryLimits(window, maxBytes, clock);
  }

  /**
   * Returns true the first time {@code eventId} is offered, false for a repeat; null ids are always
   * new.
   */
  public synchronized boolean firstTime(String eventId) {
    if (eventId == null || eventId.isEmpty()) {
      return true;
    }
    long now = limits.now();
    forgetOlderThan(now - limits.window().toMillis());
    if (seen.containsKey(eventId)) {
      return false;
    }
    seen.put(eventId, now);
    bytes += cost(eventId);
    Iterator<String> oldest = seen.keySet().iterator();
    while (bytes > limits.maxBytes() && oldest.hasNext()) {
      bytes -= cost(oldest.next());
      oldest.remove();
    }
    return true;
  }

  /** Forgets {@code eventId}, so that it is new again. */
  public synchronized void forget(String eventId) {
    if (eventId != null && seen.remove(eventId) != null) {
      bytes -= cost(eventId);
    }
  }

  /** Returns how many ids are remembered now. */
  public synchronized int size() {
    forgetOlderThan(limits.oldestKept());
    return seen.size();
  }

  private void forgetOlderThan(long cutoff) {
    Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Long> e = it.next();
      if (e.getValue() >= cutoff) {
        return;
      }
      bytes -= cost(e.getKey());
      it.remove();
    }
  }

  /** Returns the bytes the ids remembered hold, as estimated. */
  public synchronized long bytes() {
    return bytes;
  }

  private static long cost(String id) {
    return ENTRY_OVERHEAD + 2L * id.length();
  }
}

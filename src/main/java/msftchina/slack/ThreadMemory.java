package msftchina.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import msftchina.search.Answer;

/**
 * The bot's recent answers, per thread, so that a follow-up in the thread can be read with the
 * question before it. Bounded by count and age: threads answered longer ago than the window, or
 * beyond the capacity, are forgotten. Nothing is asked of Slack.
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class ThreadMemory {

  /**
   * The last question answered in a thread.
   *
   * @param question the question as the bot read it
   * @param answer what the bot answered
   */
  public record Asked(String question, Answer answer) {}

  private record Remembered(Asked asked, long at) {}

  private final int capacity;
  private final Duration window;
  private final Clock clock;
  private final LinkedHashMap<String, Remembered> threads = new LinkedHashMap<>();

  /** Remembers at most {@code capacity} threads, each for {@code window} after its last answer. */
  public ThreadMemory(int capacity, Duration window, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    this.capacity = capacity;
    this.window = window;
    this.clock = clock;
  }

  /** Remembers that {@code asked} was answered in {@code thread} of {@code channel}. */
  public synchronized void remember(String channel, String thread, Asked asked) {
    if (channel == null || thread == null) {
      return;
    }
    long now = clock.millis();
    forgetOlderThan(now - window.toMillis());
    String key = channel + "/" + thread;
    threads.remove(key); // re-inserted last: the most recently answered is forgotten last
    threads.put(key, new Remembered(asked, now));
    if (threads.size() > capacity) {
      Iterator<String> oldest = threads.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  /** Returns the last question answered in {@code thread} of {@code channel}, or null. */
  public synchronized Asked recall(String channel, String thread) {
    if (channel == null || thread == null) {
      return null;
    }
    forgetOlderThan(clock.millis() - window.toMillis());
    Remembered remembered = threads.get(channel + "/" + thread);
    return remembered == null ? null : remembered.asked();
  }

  /** Returns how many threads are remembered now. */
  public synchronized int size() {
    forgetOlderThan(clock.millis() - window.toMillis());
    return threads.size();
  }

  private void forgetOlderThan(long cutoff) {
    Iterator<Map.Entry<String, Remembered>> it = threads.entrySet().iterator();
    while (it.hasNext() && it.next().getValue().at() < cutoff) {
      it.remove();
    }
  }
}

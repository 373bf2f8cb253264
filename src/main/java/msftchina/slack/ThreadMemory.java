package msftchina.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import msftchina.app.Earlier;

/**
 * The bot's recent answers, per thread, so that a follow-up in the thread can be read with the
 * question before it. Bounded by count and age: a thread is forgotten {@code window} after its last
 * answer, and beyond the capacity the threads least likely to be asked again are forgotten first
 * (Caffeine's policy: by how recently and how often a thread was answered or followed up; the one
 * just answered is kept). Nothing is asked of Slack.
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class ThreadMemory {

  private final Cache<String, Earlier> threads;

  /** Remembers at most {@code capacity} threads, each for {@code window} after its last answer. */
  public ThreadMemory(int capacity, Duration window, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    this.threads =
        Caffeine.newBuilder()
            .maximumSize(capacity)
            .expireAfterWrite(window)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            // The cache's upkeep (evicting, dropping what expired) is a few pointer moves: done by
            // the thread that remembers or recalls, not handed to the common fork-join pool.
            .executor(Runnable::run)
            .build();
  }

  /** Remembers that {@code asked} was answered in {@code thread} of {@code channel}. */
  public void remember(String channel, String thread, Earlier asked) {
    if (channel == null || thread == null) {
      return;
    }
    threads.put(channel + "/" + thread, asked);
  }

  /** Returns the last question answered in {@code thread} of {@code channel}, or null. */
  public Earlier recall(String channel, String thread) {
    if (channel == null || thread == null) {
      return null;
    }
    return threads.getIfPresent(channel + "/" + thread);
  }

  /** Returns how many threads are remembered now. */
  public int size() {
    threads.cleanUp();
    return (int) threads.estimatedSize();
  }
}

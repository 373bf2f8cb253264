package msftchina.slack;

import java.time.Duration;

/**
 * What the Slack handlers keep in memory, each bounded in bytes and set by its {@code MSFTCHINA_…}
 * variable (read in {@code server.ServeConfig}).
 *
 * @param seenEventsBytes the bytes of ids each handler's {@link SeenEvents} remembers for an hour
 *     ({@code MSFTCHINA_SEEN_EVENTS_BYTES}, 1 MiB: some 7,000 event ids, an hour of a busy
 *     workspace's mentions, or 3,000 response_urls; Slack retries within minutes)
 * @param threadBytes the bytes of threads whose last answer is remembered for follow-ups ({@code
 *     MSFTCHINA_THREAD_MEMORY_BYTES}, 4 MiB: some 4,000 threads of short questions or 900 of
 *     2,000-character ones)
 * @param threadWindow how long after its last answer a thread is remembered ({@code
 *     MSFTCHINA_THREAD_MEMORY}, 24 h: a day of a busy workspace's threads)
 * @param replyCacheBytes the bytes of rendered slash-command replies kept ({@code
 *     MSFTCHINA_REPLY_CACHE_BYTES}, 2 MiB: some 500 answers; more would keep the heap from staying
 *     small for little gain)
 */
public record SlackMemory(
    long seenEventsBytes, long threadBytes, Duration threadWindow, long replyCacheBytes) {

  /** Today's bounds, used when no variable says otherwise. */
  public static final SlackMemory DEFAULTS =
      new SlackMemory(1L << 20, 4L << 20, Duration.ofHours(24), 2L << 20);
}

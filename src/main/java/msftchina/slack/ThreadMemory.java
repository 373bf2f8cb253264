package msftchina.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import msftchina.search.Answer;
import msftchina.search.Question;

/**
 * The bot's recent answers, per thread, so that a follow-up in the thread can be read with the
 * question before it. Bounded in bytes and by age: a thread is forgotten {@code window} after its
 * last answer, and beyond {@code maxBytes} the threads least likely to be asked again are forgotten
 * first (Caffeine's policy: by how recently and how often a thread was answered or followed up).
 * What is kept of a question is what a follow-up is read with: its first {@link Question#MAX_CHARS}
 * characters (all that is searched) and the answer's statements, not the answer's copy of the
 * question. An entry is counted as {@code 2 × characters} of its key and question plus {@link
 * #ENTRY_OVERHEAD}. Nothing is asked of Slack.
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

  /**
   * The bytes of threads remembered in a running bot: 4 MiB, some 4,000 threads of short questions
   * (about 1 KiB each) or 900 of 2,000-character ones; a follow-up comes within minutes of the
   * answer it follows, and a thread forgotten is only read without its earlier question.
   */
  public static final long MAX_BYTES = 4L << 20;

  /**
   * What an entry costs beyond its characters: Caffeine's node and the key's and question's string
   * headers, the record, and the answer's few small records (statements are the knowledge base's).
   */
  static final int ENTRY_OVERHEAD = 512;

  private final Cache<String, Asked> threads;

  /**
   * Remembers threads for {@code window} after their last answer, at most {@code maxBytes} of them
   * (as estimated: see the class's note).
   */
  public ThreadMemory(Duration window, long maxBytes, Clock clock) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0");
    }
    this.threads =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher(ThreadMemory::cost)
            .expireAfterWrite(window)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            // The cache's upkeep (evicting, dropping what expired) is a few pointer moves: done by
            // the thread that remembers or recalls, not handed to the common fork-join pool.
            .executor(Runnable::run)
            .build();
  }

  /** Remembers that {@code asked} was answered in {@code thread} of {@code channel}. */
  public void remember(String channel, String thread, Asked asked) {
    if (channel == null || thread == null) {
      return;
    }
    String question = asked.question() == null ? "" : ReplyCache.key(asked.question());
    Answer answer = asked.answer() == null ? null : asked.answer().to("");
    threads.put(channel + "/" + thread, new Asked(question, answer));
  }

  private static int cost(String key, Asked asked) {
    long chars = key.length() + (long) asked.question().length();
    return (int) Math.min(ENTRY_OVERHEAD + 2 * chars, Integer.MAX_VALUE);
  }

  /** Returns the last question answered in {@code thread} of {@code channel}, or null. */
  public Asked recall(String channel, String thread) {
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

package msftchina.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;
import msftchina.search.Answer;
import msftchina.search.Question;

/**
 * Slash-command replies, rendered, with the answers they show, by question and version of the
 * library (reloaded while the bot runs), so the same question gets the same reply until a report
 * changes: asked again (as questions in a busy workspace are), it is answered without searching or
 * rendering anew. Bounded by the bytes of its questions and replies, and a question is cut to
 * {@link Question#MAX_CHARS} (all that is searched) before it is a key.
 *
 * <p>Caffeine decides what is kept: a question asked once is kept only briefly, one asked again and
 * again stays. An LRU map kept every new question, so under questions that never repeat each reply
 * lived long enough to be promoted to the old generation and died there: a full collection every
 * ~0.2 s at 8,000 questions a second, which set the 99th percentile of latency.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class ReplyCache {

  /**
   * A reply as sent ({@code body}, the JSON written out once) and the answer it shows, which the
   * store records.
   */
  record Rendered(String body, Answer answer) {}

  /** The bytes a reply's JSON is counted for, a character: a string's at most. */
  private static final int BYTES_PER_CHAR = 2;

  /**
   * What an entry costs beyond its characters: the cache's entry, two strings' headers and the
   * answer (a few small records pointing at statements the knowledge base holds anyway).
   */
  private static final int ENTRY_OVERHEAD = 256;

  private final Cache<String, Rendered> replies;

  /** Keeps replies of at most {@code maxBytes} in all. */
  ReplyCache(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0");
    }
    this.replies =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher(ReplyCache::cost)
            .executor(Runnable::run) // its upkeep on the asking thread: no pool of its own
            .build();
  }

  /** Returns {@code question} as the cache keys it: cut to {@link Question#MAX_CHARS}. */
  static String key(String question) {
    if (question.length() <= Question.MAX_CHARS) {
      return question;
    }
    int cut = Question.MAX_CHARS;
    if (Character.isHighSurrogate(question.charAt(cut - 1))) {
      cut--;
    }
    return question.substring(0, cut);
  }

  /**
   * Returns the reply to {@code question} (cut to its key), rendering it with {@code render} when
   * not kept.
   */
  Rendered get(String question, Function<String, Rendered> render) {
    return get(question, 0, render);
  }

  /**
   * Returns the reply to {@code question} (cut to its key) from the library's {@code version},
   * rendering it with {@code render} when not kept.
   */
  Rendered get(String question, long version, Function<String, Rendered> render) {
    String key = key(question);
    String versioned = version + ":" + key;
    Rendered reply = replies.getIfPresent(versioned);
    if (reply == null) {
      reply = render.apply(key);
      replies.put(versioned, reply);
    }
    return reply;
  }

  private static int cost(String key, Rendered reply) {
    long cost = ENTRY_OVERHEAD + 2L * key.length() + (long) BYTES_PER_CHAR * reply.body().length();
    return (int) Math.min(cost, Integer.MAX_VALUE);
  }
}

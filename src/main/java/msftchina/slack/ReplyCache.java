package msftchina.slack;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import msftchina.search.Answer;
import msftchina.search.Question;

/**
 * The most recent slash-command replies, rendered, with the answers they show, by question. The
 * reports don't change while the bot runs, so the same question always gets the same reply: asked
 * again (as questions in a busy workspace are), it is answered without searching or rendering anew.
 * Bounded by the bytes of its questions and replies, and a question is cut to {@link
 * Question#MAX_CHARS} (all that is searched) before it is a key.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class ReplyCache {

  /** A reply as sent ({@code body}, JSON) and the answer it shows, which the store records. */
  record Reply(String body, Answer answer) {}

  /**
   * What an entry costs beyond its characters: the map's entry, two strings' headers and the answer
   * (a few small records pointing at statements the knowledge base holds anyway).
   */
  private static final long ENTRY_OVERHEAD = 256;

  private final long maxBytes;
  private final LinkedHashMap<String, Reply> replies = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  /** Keeps replies of at most {@code maxBytes} in all, forgetting the least recently used. */
  ReplyCache(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0");
    }
    this.maxBytes = maxBytes;
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
  Reply get(String question, Function<String, Reply> render) {
    String key = key(question);
    synchronized (replies) {
      Reply reply = replies.get(key);
      if (reply != null) {
        return reply;
      }
    }
    Reply reply = render.apply(key);
    long cost = cost(key, reply);
    if (cost <= maxBytes) {
      synchronized (replies) {
        Reply old = replies.put(key, reply);
        bytes += cost - (old == null ? 0 : cost(key, old));
        Iterator<Map.Entry<String, Reply>> eldest = replies.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
          Map.Entry<String, Reply> e = eldest.next();
          bytes -= cost(e.getKey(), e.getValue());
          eldest.remove();
        }
      }
    }
    return reply;
  }

  /** Returns the bytes the cache holds, by its estimate. */
  long bytes() {
    synchronized (replies) {
      return bytes;
    }
  }

  private static long cost(String key, Reply reply) {
    return ENTRY_OVERHEAD + 2L * (key.length() + reply.body().length());
  }
}

package msftchina.slack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The most recent slash-command replies, rendered, by question. The reports don't change while the
 * bot runs, so the same question always gets the same reply: asked again (as questions in a busy
 * workspace are), it is answered without searching or rendering anew.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class ReplyCache {

  private final Map<String, String> replies;

  /** Keeps at most {@code capacity} replies, forgetting the least recently used; 0 keeps none. */
  ReplyCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0");
    }
    this.replies =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Returns the reply to {@code question}, rendering it with {@code render} when not kept. */
  String get(String question, Function<String, String> render) {
    synchronized (replies) {
      String reply = replies.get(question);
      if (reply != null) {
        return reply;
      }
    }
    String reply = render.apply(question);
    synchronized (replies) {
      replies.put(question, reply);
    }
    return reply;
  }
}

package msftchina.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import msftchina.app.Earlier;
import msftchina.search.Answer;
import msftchina.search.Question;

/**
 * The bot's recent answers, per thread, so that a follow-up in the thread can be read with the
 * question before it. Bounded in bytes and by age: a thread is forgotten {@code window} after its
 * last answer, and beyond {@code maxBytes} the threads least recently answered or followed up are
 * forgotten first (the one just answered is always kept: a follow-up comes soon after an answer).
 * What is kept of a question is what a follow-up is read with: its first {@link Question#MAX_CHARS}
 * characters (all that is searched) and the answer's statements, not the answer's copy of the
 * question. An entry is counted as {@code 2 × characters} of its key and question plus {@link
 * #ENTRY_OVERHEAD}. Nothing is asked of Slack.
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class ThreadMemory {

  /**
   * What an entry costs beyond its characters: the map's entry, the key's and question's string
   * headers, the records, and the answer's few small records (statements are the knowledge base's).
   */
  static final int ENTRY_OVERHEAD = 512;

  /** An answer remembered, with when, and what it costs. */
  private record Kept(Earlier asked, long at, long bytes) {}

  private final MemoryLimits limits;
  // In access order: the least recently answered or followed up first.
  private final LinkedHashMap<String, Kept> threads = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  /**
   * Remembers threads for {@code window} after their last answer, at most {@code maxBytes} of them
   * (as estimated: see the class's note).
   */
  public ThreadMemory(Duration window, long maxBytes, Clock clock) {
    this.limits = new MemoryLimits(window, maxBytes, clock);
  }

  /** Remembers that {@code asked} was answered in {@code thread} of {@code channel}. */
  public void remember(String channel, String thread, Earlier asked) {
    if (channel == null || thread == null) {
      return;
    }
    String key = channel + "/" + thread;
    String question = asked.question() == null ? "" : ReplyCache.key(asked.question());
    Answer answer = asked.answer() == null ? null : asked.answer().to("");
    long cost = ENTRY_OVERHEAD + 2L * (key.length() + question.length());
    synchronized (this) {
      Kept before = threads.put(key, new Kept(new Earlier(question, answer), limits.now(), cost));
      bytes += cost - (before == null ? 0 : before.bytes());
      Iterator<Kept> eldest = threads.values().iterator();
      while (bytes > limits.maxBytes() && threads.size() > 1) {
        bytes -= eldest.next().bytes();
        eldest.remove();
      }
    }
  }

  /** Returns the last question answered in {@code thread} of {@code channel}, or null. */
  public synchronized Earlier recall(String channel, String thread) {
    if (channel == null || thread == null) {
      return null;
    }
    String key = channel + "/" + thread;
    Kept kept = threads.get(key);
    if (kept == null) {
      return null;
    }
    if (expired(kept)) {
      threads.remove(key);
      bytes -= kept.bytes();
      return null;
    }
    return kept.asked();
  }

  /** Returns how many threads are remembered now. */
  public synchronized int size() {
    Iterator<Map.Entry<String, Kept>> it = threads.entrySet().iterator();
    while (it.hasNext()) {
      Kept kept = it.next().getValue();
      if (expired(kept)) {
        bytes -= kept.bytes();
        it.remove();
      }
    }
    return threads.size();
  }

  /** Returns the bytes the threads remembered hold, as estimated. */
  public synchronized long bytes() {
    return bytes;
  }

  private boolean expired(Kept kept) {
    return kept.at() <= limits.oldestKept();
  }
}

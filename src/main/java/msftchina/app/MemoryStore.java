package msftchina.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The storage of a bot with no database: events are claimed in memory (the most recent {@link
 * #MAX_CLAIMS}), questions and votes are not kept (the metrics count them), and nothing outlives
 * the process.
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class MemoryStore implements Storage {

  /**
   * The most event ids remembered: Slack retries an event within minutes, and 10,000 ids of some 30
   * characters hold under 1 MB.
   */
  static final int MAX_CLAIMS = 10_000;

  private final Map<String, Boolean> claims =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > MAX_CLAIMS;
        }
      };

  @Override
  public synchronized boolean firstTime(PendingReply reply) {
    String id = reply.eventId();
    return id == null || id.isEmpty() || claims.putIfAbsent(id, Boolean.TRUE) == null;
  }

  @Override
  public void done(String eventId) {
    // Nothing pending outlives the process: there is nothing to mark.
  }

  @Override
  public void start(ReplySender sender) {
    // No stopped copy left replies in memory.
  }

  @Override
  public void asked(QuestionAsked question) {
    // No database: questions are not kept (the metrics count them).
  }

  @Override
  public void voted(Vote vote) {
    // No database: votes are not kept.
  }

  @Override
  public Optional<Gaps> adminView(String userId) {
    return Optional.empty();
  }

  @Override
  public String problem() {
    return null;
  }

  @Override
  public String deadWorkers() {
    return null; // no threads of its own
  }

  @Override
  public long recordsDropped() {
    return 0;
  }

  @Override
  public int recordsQueued() {
    return 0;
  }

  @Override
  public void close() {
    // Nothing to write.
  }
}

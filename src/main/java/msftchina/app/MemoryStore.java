package msftchina.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The storage of a bot with no database: events are claimed in memory (the most recent {@link
 * #MAX_CLAIMS}), questions and votes are not kept (the metrics count them), channels' reports are
 * kept in memory (the most recent {@link #MAX_CHANNELS}), and nothing outlives the process.
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class MemoryStore implements Storage {

  /**
   * The most event ids remembered: Slack retries an event within minutes, and 10,000 ids of some 30
   * characters hold under 1 MB.
   */
  static final int MAX_CLAIMS = 10_000;

  /** The most channels whose report is remembered: ids and report ids of some 100 bytes each. */
  static final int MAX_CHANNELS = 10_000;

  private final Set<String> admins;

  private final Map<String, String> channelReports =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_CHANNELS;
        }
      };

  /** Creates a store in memory with no admins. */
  public MemoryStore() {
    this(Set.of());
  }

  /** Creates a store in memory whose admins are the Slack user ids {@code admins}. */
  public MemoryStore(Set<String> admins) {
    this.admins = Set.copyOf(admins);
  }

  @Override
  public synchronized Optional<String> channelReport(String channel) {
    return Optional.ofNullable(channel == null ? null : channelReports.get(channel));
  }

  @Override
  public synchronized boolean setChannelReport(
      String team, String channel, String report, String user) {
    if (report == null) {
      channelReports.remove(channel);
    } else {
      channelReports.put(channel, report);
    }
    return true;
  }

  @Override
  public boolean admin(String user) {
    return user != null && admins.contains(user);
  }

  private final Map<String, Boolean> claims =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > MAX_CLAIMS;
        }
      };

  @Override
  public synchronized boolean firstTime(PendingReply reply, long waitMillis) {
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

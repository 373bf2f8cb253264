package msftchina.app;

/**
 * What the bot keeps: the question log, the event claims and the channels' reports, in a database
 * or in memory, with their state for /healthz and the metrics.
 */
public interface Storage extends QuestionLog, EventClaims, ChannelReports, AutoCloseable {

  /** Returns what is wrong with the storage, for /healthz, or null when nothing is. */
  String problem();

  /**
   * Returns which of the storage's threads died while it runs, for /healthz; null when none did.
   */
  String deadWorkers();

  /** Returns how many questions and votes were dropped since start, unrecorded. */
  long recordsDropped();

  /** Returns how many questions and votes wait to be written. */
  int recordsQueued();

  /** Writes what is queued and stops; pending replies are left to the next start. */
  @Override
  void close();
}

package msftchina.app;

/**
 * What the question log recorded, read back for {@code stats} and {@code gaps}: counted and ordered
 * by the storage, so that a year of questions costs the reader no more memory than a day's.
 */
public interface UsageReader extends AutoCloseable {

  /** Returns how the bot was used since {@code sinceMillis} (epoch milliseconds). */
  Stats stats(long sinceMillis) throws StorageUnreadable;

  /**
   * Returns the first {@code limit} refused questions and answers voted down since {@code
   * sinceMillis} (epoch milliseconds), with how many there were.
   */
  Gaps gaps(long sinceMillis, int limit) throws StorageUnreadable;

  /**
   * Returns the first {@code limit} reasons questions were refused for since {@code sinceMillis}
   * (epoch milliseconds), each with its {@link Gaps#EXAMPLES} most asked wordings, and how many
   * there were.
   */
  Gaps.Reasons reasons(long sinceMillis, int limit) throws StorageUnreadable;

  /** Lets go of the storage. */
  @Override
  void close();
}

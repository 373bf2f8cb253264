package msftchina.slack;

/**
 * The heap the {@link SendQueue}'s replies may hold: each reply is counted with an estimate of what
 * it holds until it is done with (its text and blocks, {@code 2 × characters} plus {@link
 * #REPLY_OVERHEAD}); replies stay within {@code maxBytes}, and the short "busy" notes sent in the
 * place of those that don't fit stay within {@code maxBusyBytes} more.
 *
 * <p>NOTE: not safe for concurrent use; {@link SendQueue} holds its lock around every call.
 */
public final class ReplyBudget {

  /**
   * The most bytes of replies waiting or in flight: 8 MiB, some 800 answers to short questions or
   * 300 to 4,000-character ones, several minutes of Slack's rate of a post a second in each of a
   * few channels; a reply that would wait longer is better told that the bot is busy.
   */
  public static final long MAX_BYTES = 8L << 20;

  /**
   * The most bytes of "busy" notes waiting or in flight, beyond {@link #MAX_BYTES}: 512 KiB, 1,024
   * notes of {@link #BUSY_NOTE_BYTES}.
   */
  public static final long MAX_BUSY_BYTES = 512L << 10;

  /**
   * What a queued reply holds beyond the characters counted for it: the queue's record, the
   * closures that send it and hear its failure, its log name (about 60 characters), the ids it
   * names and the answer's small records (the statements themselves are the knowledge base's).
   */
  static final int REPLY_OVERHEAD = 1_024;

  /**
   * The estimate for a reply queued without one (shares, shortcuts, Home tabs): a rendered answer
   * as Block Kit objects, about 3,000 characters of text in a few dozen small objects.
   */
  static final long DEFAULT_REPLY_BYTES = 16L << 10;

  /** What a "busy" note costs: its text is a constant; the record, closures and ids. */
  static final long BUSY_NOTE_BYTES = 512;

  private final long maxBytes;
  private final long maxBusyBytes;
  private long bytes;
  private long busyBytes;

  ReplyBudget(long maxBytes, long maxBusyBytes) {
    this.maxBytes = maxBytes;
    this.maxBusyBytes = maxBusyBytes;
  }

  /**
   * Returns the bytes a reply of {@code chars} characters in all (its text, its blocks as JSON, and
   * the strings it keeps for later) holds while it waits: {@code 2 × chars} plus {@link
   * #REPLY_OVERHEAD}.
   */
  static long replyBytes(long chars) {
    return 2 * chars + REPLY_OVERHEAD;
  }

  /** Takes {@code cost} bytes for a reply when they fit; returns whether they did. */
  boolean takeReply(long cost) {
    if (bytes + cost > maxBytes) {
      return false;
    }
    bytes += cost;
    return true;
  }

  /** Takes {@link #BUSY_NOTE_BYTES} for a "busy" note when they fit; returns whether they did. */
  boolean takeBusyNote() {
    if (busyBytes + BUSY_NOTE_BYTES > maxBusyBytes) {
      return false;
    }
    busyBytes += BUSY_NOTE_BYTES;
    return true;
  }

  /** Gives back what {@code reply} was counted for. */
  void release(QueuedReply reply) {
    if (reply.busy()) {
      busyBytes -= reply.bytes();
    } else {
      bytes -= reply.bytes();
    }
  }

  /** Gives back everything: the replies are dropped. */
  void clear() {
    bytes = 0;
    busyBytes = 0;
  }

  /** Returns the bytes of replies and "busy" notes counted. */
  long bytes() {
    return bytes + busyBytes;
  }
}

package msftchina.app;

/**
 * The events this copy took on and the replies it owes: an event is answered once however often
 * Slack sends it and however many copies share the claims, and a reply acknowledged and not yet
 * delivered outlives a stop.
 */
public interface EventClaims {

  /**
   * How long an answer waits for its event's claim, in milliseconds, counted from when the claim is
   * asked for: a second.
   */
  long CLAIM_WAIT_MILLIS = 1_000;

  /**
   * Claims the event of {@code reply}, keeping the reply as pending; returns false only when a copy
   * (this one or another) already took the event. Waits at most {@link #CLAIM_WAIT_MILLIS}.
   */
  default boolean firstTime(PendingReply reply) {
    return firstTime(reply, CLAIM_WAIT_MILLIS);
  }

  /**
   * Claims the event of {@code reply} as {@link #firstTime(PendingReply)} does, waiting at most
   * {@code waitMillis} (and never past {@link #CLAIM_WAIT_MILLIS}) for the database; when that time
   * is over, returns true.
   */
  boolean firstTime(PendingReply reply, long waitMillis);

  /** Notes that the reply to {@code eventId} was delivered or given up: no longer pending. */
  void done(String eventId);

  /** Starts handing {@code sender} the replies that stopped copies left pending. */
  void start(ReplySender sender);
}

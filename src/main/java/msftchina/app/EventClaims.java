package msftchina.app;

/**
 * The events this copy took on and the replies it owes: an event is answered once however often
 * Slack sends it and however many copies share the claims, and a reply acknowledged and not yet
 * delivered outlives a stop.
 */
public interface EventClaims {

  /**
   * Claims the event of {@code reply}, keeping the reply as pending; returns false only when a copy
   * (this one or another) already took the event. Waits at most a second.
   */
  boolean firstTime(PendingReply reply);

  /** Notes that the reply to {@code eventId} was delivered or given up: no longer pending. */
  void done(String eventId);

  /** Starts handing {@code sender} the replies that stopped copies left pending. */
  void start(ReplySender sender);
}

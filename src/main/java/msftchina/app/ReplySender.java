package msftchina.app;

/** Sends a pending reply: answers its question where it was asked. */
public interface ReplySender {

  /** Answers {@code reply}'s question where it was asked, and marks it done once delivered. */
  void send(PendingReply reply);
}

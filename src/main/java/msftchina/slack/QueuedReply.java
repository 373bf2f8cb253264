package msftchina.slack;

import java.util.function.Consumer;

/**
 * A reply waiting in the {@link SendQueue}: {@code method} is the Slack method that sends it,
 * {@code what} names it in log lines (event id and channel, never its text), {@code bytes} is the
 * heap it is counted for, and {@code busy} tells a "busy" note from a reply.
 */
record QueuedReply(
    String channel,
    String method,
    String what,
    Delivery.Attempt attempt,
    Consumer<String> onFailure,
    int tries,
    long bytes,
    boolean busy) {

  /** Returns this reply after one more attempt. */
  QueuedReply retried() {
    return new QueuedReply(channel, method, what, attempt, onFailure, tries + 1, bytes, busy);
  }
}

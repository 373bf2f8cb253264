package msftchina.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;

/**
 * The short reply posted in an answer's place when the outbox is full: the question was received
 * (Slack had its acknowledgement) and is not answered, so the user can ask again later.
 */
public final class BusyNote {

  /** What the user reads, in the thread of the question. */
  public static final String TEXT =
      "Sorry, I'm busy answering a lot of questions right now and couldn't answer this one."
          + " Please ask again in a few minutes.";

  private BusyNote() {}

  /**
   * Returns the attempt that posts the note in {@code thread} of {@code channel}; {@code delivered}
   * runs once Slack took it.
   */
  public static Delivery.Attempt in(
      MethodsClient client, String channel, String thread, Runnable delivered) {
    return () -> {
      ChatPostMessageResponse r =
          client.chatPostMessage(m -> m.channel(channel).threadTs(thread).text(TEXT));
      if (r.isOk()) {
        delivered.run();
      }
      return Delivery.fromApi(r);
    };
  }
}

package msftchina.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import msftchina.app.PendingReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a reply with {@code chat.postMessage}, the event it answers named in the message's metadata
 * ({@link PostedReply#metadata}); a reply taken over from an earlier run, which may have posted it
 * before it stopped, is first looked for in Slack ({@link PostedReply#find}) and not posted again
 * when it is there.
 *
 * <p>When the look fails (Slack refuses it, say for a missing scope, or doesn't answer), the reply
 * is posted, with a log line: an acknowledged reply lost is worse than a rare duplicate, and only a
 * reply that was in flight when its run died can be shown twice.
 */
final class ReplyPost {

  private static final Logger log = LoggerFactory.getLogger(ReplyPost.class);

  private ReplyPost() {}

  /**
   * Posts {@code message} answering {@code pending} in {@code thread} (null: in the channel), or,
   * when {@code lookFirst} and Slack has it already, returns a success naming the message found.
   */
  static ChatPostMessageResponse send(
      MethodsClient client,
      PendingReply pending,
      String thread,
      Replies.Message message,
      boolean lookFirst)
      throws IOException, SlackApiException {
    String eventId = pending.eventId();
    boolean named = eventId != null && !eventId.isEmpty();
    if (lookFirst && named) {
      PostedReply.Found found = PostedReply.find(client, pending, thread);
      if (found.posted()) {
        log.info(
            "event {}: its reply is in channel {} already (ts {}), posted by an earlier run;"
                + " not posted again",
            SlackText.loggable(eventId),
            SlackText.loggable(pending.channel()),
            SlackText.loggable(found.ts()));
        ChatPostMessageResponse already = new ChatPostMessageResponse();
        already.setOk(true);
        already.setChannel(pending.channel());
        already.setTs(found.ts());
        return already;
      }
      if (found.unknown()) {
        log.warn(
            "event {}: could not look in channel {} for the reply an earlier run may have posted"
                + " ({}); posting it, so it may show twice (the app needs the channels:history,"
                + " groups:history, im:history and mpim:history scopes to look)",
            SlackText.loggable(eventId),
            SlackText.loggable(pending.channel()),
            found.error());
      }
    }
    return client.chatPostMessage(
        m -> {
          m.channel(pending.channel())
              .threadTs(thread)
              .text(message.text())
              .blocks(message.blocks());
          return named ? m.metadata(PostedReply.metadata(eventId)) : m;
        });
  }
}

package msftchina.server;

import com.slack.api.bolt.App;
import com.slack.api.webhook.WebhookResponse;
import java.util.function.Supplier;
import msftchina.slack.Delivery;
import msftchina.slack.SendQueue;

/**
 * Where the envelope queue's acks and later replies go: acks on the current connection, replies
 * after an ack through the outbox, which outlives any connection.
 */
final class EnvelopeReplies implements EnvelopeQueue.Slack {

  /** The private reply that tells the user the bot is busy, as a response_url takes it. */
  private static final String BUSY_REPLY =
      "{\"response_type\":\"ephemeral\",\"text\":\"" + BusyNotes.TEXT + "\"}";

  private final Supplier<SlackSocket> socket;
  private final App app;
  private final SendQueue outbox;

  /**
   * Acks on the connection {@code socket} gives; replies from {@code app} through {@code outbox}.
   */
  EnvelopeReplies(Supplier<SlackSocket> socket, App app, SendQueue outbox) {
    this.socket = socket;
    this.app = app;
    this.outbox = outbox;
  }

  @Override
  public boolean acknowledge(String ack) {
    SlackSocket s = socket.get();
    if (s == null || !s.isOpen()) {
      return false;
    }
    try {
      s.send(ack);
      return true;
    } catch (RuntimeException e) { // closed meanwhile
      return false;
    }
  }

  @Override
  public void respondLater(String responseUrl, String message, String what) {
    outbox.send(
        responseUrl, // a queue of its own: no pause between different commands' replies
        "response_url",
        what,
        SendQueue.replyBytes(message.length()),
        () -> {
          WebhookResponse r = app.slack().send(responseUrl, message);
          return Delivery.fromHttp(r.getCode(), null, r.getBody());
        },
        // past the send queue's bound: the user is told the bot is busy, in the answer's place
        () -> {
          WebhookResponse r = app.slack().send(responseUrl, BUSY_REPLY);
          return Delivery.fromHttp(r.getCode(), null, r.getBody());
        },
        null);
  }

  @Override
  public void post(String channel, String thread, String text, String what) {
    String token = app.config().getSingleTeamBotToken();
    outbox.send(
        channel,
        "chat.postMessage",
        what,
        () -> {
          return Delivery.fromApi(
              app.client()
                  .chatPostMessage(
                      m -> m.token(token).channel(channel).threadTs(thread).text(text)));
        },
        null);
  }
}

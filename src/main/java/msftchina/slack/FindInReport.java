package msftchina.slack;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.webhook.WebhookResponse;
import java.time.Duration;
import msftchina.metrics.Metrics;
import msftchina.search.Answer;
import msftchina.store.Store;
import msftchina.store.Surface;

/**
 * The message shortcut "Find in report": the question read out of someone's message, answered
 * privately to the person who clicked, as {@code /msftchina} answers, with "Share in channel".
 */
final class FindInReport {

  /** The shortcut's callback id, as declared in the manifests. */
  static final String CALLBACK_ID = "find_in_report";

  private FindInReport() {}

  // Message shortcuts: https://api.slack.com/interactivity/shortcuts/using#message_shortcuts
  // Acknowledged at once; the answer goes through the outbox to the payload's response_url, or by
  // chat.postEphemeral when the payload has none. Slack sends the message's text with &, < and >
  // escaped: it is decoded once, and escaped again where it is echoed.
  static void register(App app, Answering answering, Outbox outbox, Store store, Metrics metrics) {
    app.messageShortcut(
        CALLBACK_ID,
        (req, ctx) -> {
          MessageShortcutPayload payload = req.getPayload();
          String text =
              payload.getMessage() == null
                  ? ""
                  : SlackText.unescape(
                      SlackText.withoutMention(payload.getMessage().getText(), null));
          String user = payload.getUser() == null ? null : payload.getUser().getId();
          String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
          long started = System.nanoTime();
          Answer answer = answering.kb().ask(text);
          Replies.Message message = answering.repliesFor(text).answer(answer, true, null);
          long nanos = System.nanoTime() - started;
          metrics.asked(Metrics.Surface.SHORTCUT, answer, Duration.ofNanos(nanos));
          reply(ctx, outbox, message, user, channel);
          store.asked(
              Surface.SHORTCUT,
              payload.getTeam() == null ? null : payload.getTeam().getId(),
              channel,
              user,
              text,
              answer,
              nanos / 1_000_000);
          return ctx.ack();
        });
  }

  private static void reply(
      MessageShortcutContext ctx,
      Outbox outbox,
      Replies.Message message,
      String user,
      String channel) {
    String queue = channel == null ? "response_url" : channel;
    if (ctx.getResponseUrl() != null) {
      outbox.send(
          queue,
          BotApp.RESPONSE_URL,
          "shortcut by " + user + ": response_url",
          () -> {
            WebhookResponse r =
                ctx.respond(
                    m -> m.responseType("ephemeral").text(message.text()).blocks(message.blocks()));
            return Delivery.fromHttp(r.getCode(), null, r.getBody());
          },
          null);
      return;
    }
    outbox.send(
        queue,
        "chat.postEphemeral",
        "shortcut by " + user + ": chat.postEphemeral to " + channel,
        () -> {
          ChatPostEphemeralResponse r =
              ctx.client()
                  .chatPostEphemeral(
                      m ->
                          m.channel(channel)
                              .user(user)
                              .text(message.text())
                              .blocks(message.blocks()));
          if (r.isOk()) {
            return Delivery.Outcome.ok();
          }
          return "ratelimited".equals(r.getError())
              ? Delivery.Outcome.retryAfter(Delivery.BACKOFF, r.getError())
              : Delivery.Outcome.refused(r.getError());
        },
        null);
  }
}

package msftchina.slack;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.webhook.WebhookResponse;

/**
 * The message shortcut "Find in report": the question read out of someone's message, answered
 * privately to the person who clicked, as {@code /msftchina} answers, with "Share in channel".
 */
final class FindInReport {

  /** The shortcut's callback id, as declared in the manifests. */
  static final String CALLBACK_ID = "find_in_report";

  private FindInReport() {}

  // Message shortcuts: https://api.slack.com/interactivity/shortcuts/using#message_shortcuts
  // Acknowledged at once; the answer goes to the payload's response_url from a worker, or by
  // chat.postEphemeral when the payload has none.
  static void register(App app, Answering answering, Delivery delivery) {
    app.messageShortcut(
        CALLBACK_ID,
        (req, ctx) -> {
          MessageShortcutPayload payload = req.getPayload();
          String text =
              payload.getMessage() == null
                  ? ""
                  : SlackText.withoutMention(payload.getMessage().getText(), null);
          String user = payload.getUser() == null ? null : payload.getUser().getId();
          String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
          app.executorService()
              .submit(() -> reply(ctx, delivery, answering.answer(text, true), user, channel));
          return ctx.ack();
        });
  }

  private static void reply(
      MessageShortcutContext ctx,
      Delivery delivery,
      Replies.Message message,
      String user,
      String channel) {
    if (ctx.getResponseUrl() != null) {
      delivery.send(
          "shortcut by " + user + ": response_url",
          () -> {
            WebhookResponse r =
                ctx.respond(
                    m -> m.responseType("ephemeral").text(message.text()).blocks(message.blocks()));
            return Delivery.fromHttp(r.getCode(), null, r.getBody());
          });
      return;
    }
    delivery.send(
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
          return r.isOk() ? Delivery.Outcome.ok() : Delivery.Outcome.refused(r.getError());
        });
  }
}

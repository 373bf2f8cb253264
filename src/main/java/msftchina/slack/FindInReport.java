package msftchina.slack;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.webhook.WebhookResponse;
import msftchina.app.Asker;
import msftchina.app.Surface;

/**
 * The message shortcut "Find in report": the question read out of someone's message, answered
 * privately to the person who clicked, as {@code /msftchina} answers, with "Share in channel".
 */
final class FindInReport {

  /** The shortcut's callback id, as declared in the manifests. */
  static final String CALLBACK_ID = "find_in_report";

  private final BotParts parts;

  FindInReport(BotParts parts) {
    this.parts = parts;
  }

  // Message shortcuts: https://api.slack.com/interactivity/shortcuts/using#message_shortcuts
  // Acknowledged at once; the answer is made and sent by an outbox worker, to the payload's
  // response_url, or by chat.postEphemeral when the payload has none. Slack sends the message's
  // text with &, < and > escaped: it is decoded once, and escaped again where it is echoed.
  void register(App app) {
    app.messageShortcut(
        CALLBACK_ID,
        (req, ctx) -> {
          long started = System.nanoTime();
          MessageShortcutPayload payload = req.getPayload();
          String text =
              payload.getMessage() == null
                  ? ""
                  : SlackText.unescape(
                      SlackText.withoutMention(payload.getMessage().getText(), null));
          String user = payload.getUser() == null ? null : payload.getUser().getId();
          String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
          String team = payload.getTeam() == null ? null : payload.getTeam().getId();
          Asker who = new Asker(Surface.SHORTCUT, team, channel, user);
          Once<Replies.Message> message =
              new Once<>(
                  () ->
                      ReportReplies.answer(
                          parts.replies().forText(text),
                          parts.service().ask(who, text, null, started),
                          parts.service().reports(),
                          true));
          reply(ctx, message, user, channel);
          return ctx.ack();
        });
  }

  private void reply(
      MessageShortcutContext ctx, Once<Replies.Message> message, String user, String channel) {
    String queue = channel == null ? "response_url" : channel;
    if (ctx.getResponseUrl() != null) {
      parts
          .outbox()
          .send(
              queue,
              PrivateNotes.RESPONSE_URL,
              "shortcut by " + user + ": response_url",
              () -> {
                Replies.Message m = message.get();
                WebhookResponse r =
                    ctx.respond(b -> b.responseType("ephemeral").text(m.text()).blocks(m.blocks()));
                return Delivery.fromHttp(r.getCode(), null, r.getBody());
              },
              null);
      return;
    }
    parts
        .outbox()
        .send(
            queue,
            "chat.postEphemeral",
            "shortcut by " + user + ": chat.postEphemeral to " + channel,
            () -> {
              Replies.Message m = message.get();
              return Delivery.fromApi(
                  ctx.client()
                      .chatPostEphemeral(
                          b -> b.channel(channel).user(user).text(m.text()).blocks(m.blocks())));
            },
            null);
  }
}

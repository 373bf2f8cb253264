package msftchina.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.webhook.WebhookResponse;
import msftchina.search.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Share in channel" on a private answer: posts the same answer through the payload's response_url,
 * once for each private answer however often the click is sent; then the private copy becomes
 * "Shared".
 */
final class ShareButton {

  private static final Logger log = LoggerFactory.getLogger(ShareButton.class);

  private final BotParts parts;
  // One key per click: its response_url, which Slack makes for each click and a replay repeats.
  private final SeenEvents shares;

  ShareButton(BotParts parts) {
    this.parts = parts;
    this.shares = SeenEvents.forAnHour(parts.memory().seenEventsBytes());
  }

  // Block actions: https://api.slack.com/reference/interaction-payloads/block-actions
  void register(App app) {
    app.blockAction(
        Replies.SHARE_ACTION,
        (req, ctx) -> {
          BlockActionPayload payload = req.getPayload();
          if (payload.getActions() == null
              || payload.getActions().isEmpty()
              || !shares.firstTime(payload.getResponseUrl())) {
            return ctx.ack();
          }
          ButtonClick click = ButtonClick.read(payload, parts.seal(), Replies.SHARE_ACTION);
          String asked = click.value();
          Answer answer = asked == null ? null : parts.service().answer(asked, click.channel());
          if (answer == null || !answer.answered()) {
            // Edited, made up, sent before values were sealed, or no longer answered: nothing
            // reaches the channel, and the user is told to ask again.
            log.warn(
                "a share from {} with a value the bot {} ({} characters): not shared",
                SlackText.loggable(click.user()),
                answer == null ? "never sent" : "no longer answers",
                click.sealedLength());
            parts.notes().later(app, ctx::respond, payload, parts.replies().english().expired());
            return ctx.ack();
          }
          share(ctx, click, answer);
          return ctx.ack();
        });
  }

  /** Posts {@code answer}, which {@code click} asks to share, in the channel. */
  private void share(ActionContext ctx, ButtonClick click, Answer answer) {
    Replies replies = parts.replies().forText(click.value());
    Replies.Message shared = replies.answer(answer, false, click.user());
    Replies.Message done = replies.shared();
    String channel = click.channel() == null ? "response_url" : click.channel();
    String what = "share by " + click.user() + " in " + channel + ": ";
    parts
        .outbox()
        .send(
            channel,
            PrivateNotes.RESPONSE_URL,
            what + "response_url",
            () -> {
              WebhookResponse r =
                  ctx.respond(
                      m ->
                          m.responseType("in_channel")
                              .replaceOriginal(false)
                              .text(shared.text())
                              .blocks(shared.blocks()));
              Delivery.Verdict result = Delivery.fromHttp(r.getCode(), null, r.getBody());
              if (result.delivered()) {
                parts
                    .outbox()
                    .send(
                        channel,
                        PrivateNotes.RESPONSE_URL,
                        what + "replacing the private copy",
                        () -> {
                          WebhookResponse replaced =
                              ctx.respond(
                                  m ->
                                      m.replaceOriginal(true)
                                          .text(done.text())
                                          .blocks(done.blocks()));
                          return Delivery.fromHttp(replaced.getCode(), null, replaced.getBody());
                        },
                        null);
              }
              return result;
            },
            error ->
                parts
                    .notes()
                    .now(
                        ctx::respond,
                        "I couldn't share that answer in the channel (" + error + ")."));
  }
}

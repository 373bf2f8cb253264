package msftchina.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.util.Optional;
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

  /** What the user reads when the share failed inside the bot, in the note's parentheses. */
  static final String SHARE_FAILED = "something went wrong on the bot's side; please try again";

  private final BotParts parts;
  // One key per click: its response_url, which Slack makes for each click and a replay repeats.
  private final SeenEvents shares;

  ShareButton(BotParts parts) {
    this.parts = parts;
    this.shares = SeenEvents.forAnHour(parts.memory().seenEventsBytes());
  }

  // Block actions: https://api.slack.com/reference/interaction-payloads/block-actions
  // Acknowledged at once: the answer is found again by the outbox worker that shares it.
  void register(App app) {
    app.blockAction(
        Replies.SHARE_ACTION,
        (req, ctx) -> {
          BlockActionPayload payload = req.getPayload();
          if (payload.getActions() != null
              && !payload.getActions().isEmpty()
              && shares.firstTime(payload.getResponseUrl())) {
            queue(ctx, payload);
          }
          return ctx.ack();
        });
  }

  /** Queues the share: the answer found again, posted in the channel, the private copy replaced. */
  private void queue(ActionContext ctx, BlockActionPayload payload) {
    ButtonClick click = ButtonClick.read(payload, parts.seal(), Replies.SHARE_ACTION);
    String user = click.user();
    String asked = click.value();
    String channelId = click.channel();
    String channel = channelId == null ? "response_url" : channelId;
    String what = "share by " + user + " in " + channel + ": ";
    Once<Optional<Answer>> answer =
        new Once<>(
            () ->
                Optional.ofNullable(
                    asked == null ? null : parts.service().answer(asked, channelId)));
    parts
        .outbox()
        .send(
            channel,
            PrivateNotes.RESPONSE_URL,
            what + "response_url",
            () -> {
              try {
                Answer found = answer.get().orElse(null);
                if (found == null || !found.answered()) {
                  // Edited, made up, sent before values were sealed, or no longer answered:
                  // nothing reaches the channel, and the user is told to ask again.
                  log.warn(
                      "a share from {} with a value the bot {} ({} characters): not shared",
                      SlackText.loggable(user),
                      found == null ? "never sent" : "no longer answers",
                      click.sealedLength());
                  parts.notes().now(ctx::respond, parts.replies().english().expired());
                  return Delivery.Verdict.ok();
                }
                return share(ctx, found, asked, user, channel, what);
              } catch (RuntimeException e) {
                // The search or the post failed inside the bot: the user reads a fixed sentence,
                // never the exception, and the log names only its class.
                log.warn(
                    "a share from {} failed inside the bot ({}): not shared",
                    SlackText.loggable(user),
                    e.getClass().getSimpleName());
                return Delivery.Verdict.refused(SHARE_FAILED);
              }
            },
            error ->
                parts
                    .notes()
                    .now(
                        ctx::respond,
                        "I couldn't share that answer in the channel (" + error + ")."));
  }

  /**
   * Posts {@code answer} in the channel; once Slack took it, queues the private copy's "Shared".
   */
  private Delivery.Verdict share(
      ActionContext ctx, Answer answer, String asked, String user, String channel, String what)
      throws IOException {
    Replies replies = parts.replies().forText(asked);
    Replies.Message shared = replies.answer(answer, false, user);
    Replies.Message done = replies.shared();
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
                        m -> m.replaceOriginal(true).text(done.text()).blocks(done.blocks()));
                return Delivery.fromHttp(replaced.getCode(), null, replaced.getBody());
              },
              null);
    }
    return result;
  }
}

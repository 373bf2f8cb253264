package msftchina.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import msftchina.app.Vote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 👍 / 👎 buttons on every answer: a vote counted only for a value the bot sealed ({@link
 * ButtonSeal}) naming a statement of the knowledge base, recorded once per user per answer (a
 * second click changes the vote), and thanked privately, once: a click replayed is not thanked
 * again.
 */
final class FeedbackButtons {

  private static final Logger log = LoggerFactory.getLogger(FeedbackButtons.class);

  private final BotParts parts;
  private final CountedVotes votes;

  FeedbackButtons(BotParts parts) {
    this.parts = parts;
    this.votes = new CountedVotes(parts.memory());
  }

  // Feedback buttons:
  // https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element
  void register(App app) {
    app.blockAction(
        Replies.FEEDBACK_ACTION,
        (req, ctx) -> {
          BlockActionPayload payload = req.getPayload();
          ButtonClick click = ButtonClick.read(payload, parts.seal(), Replies.FEEDBACK_ACTION);
          String user = click.user();
          Vote vote = VoteButton.vote(click.value(), user, System.currentTimeMillis());
          Replies replies = parts.replies().english();
          if (vote == null || !parts.service().kb().hasStatement(vote.statement())) {
            if (vote == null) {
              log.warn(
                  "a vote from {} with a value the bot never sent ({} characters): not counted",
                  SlackText.loggable(user),
                  click.sealedLength());
            } else {
              log.warn(
                  "a vote from {} for a statement not in the knowledge base ({}): not counted",
                  SlackText.loggable(user),
                  SlackText.loggable(vote.statement()));
            }
            parts.notes().later(app, ctx::respond, payload, replies.expired());
            return ctx.ack();
          }
          if (!votes.firstTime(user, click.value(), vote.up())) {
            return ctx.ack(); // the same vote again: counted and thanked already
          }
          parts.storage().voted(vote);
          parts.notes().later(app, ctx::respond, payload, replies.thanks(vote.up()));
          return ctx.ack();
        });
  }
}

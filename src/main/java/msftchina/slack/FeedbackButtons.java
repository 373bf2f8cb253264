package msftchina.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
  private final PrivateNotes notes;
  // The votes thanked: one key (a hash of who, which answer, 👍 or 👎) per vote last counted.
  private final SeenEvents votes;

  FeedbackButtons(BotParts parts) {
    this.parts = parts;
    this.votes = SeenEvents.forAnHour(parts.memory().seenEventsBytes());
    this.notes = new PrivateNotes(parts.metrics());
  }

  // Feedback buttons:
  // https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element
  void register(App app) {
    app.blockAction(
        Replies.FEEDBACK_ACTION,
        (req, ctx) -> {
          BlockActionPayload payload = req.getPayload();
          String user = payload.getUser() == null ? null : payload.getUser().getId();
          String sealed =
              payload.getActions() == null || payload.getActions().isEmpty()
                  ? null
                  : payload.getActions().get(0).getValue();
          String value = parts.seal().open(Replies.FEEDBACK_ACTION, sealed);
          Vote vote = VoteButton.vote(value, user, System.currentTimeMillis());
          Replies replies = parts.replies().english();
          if (vote == null || !parts.service().kb().hasStatement(vote.statement())) {
            if (vote == null) {
              log.warn(
                  "a vote from {} with a value the bot never sent ({} characters): not counted",
                  SlackText.loggable(user),
                  sealed == null ? 0 : sealed.length());
            } else {
              log.warn(
                  "a vote from {} for a statement not in the knowledge base ({}): not counted",
                  SlackText.loggable(user),
                  SlackText.loggable(vote.statement()));
            }
            notes.later(app, ctx::respond, payload, replies.expired());
            return ctx.ack();
          }
          if (!votes.firstTime(voteKey(user, value, vote.up()))) {
            return ctx.ack(); // the same vote again: counted and thanked already
          }
          votes.forget(voteKey(user, value, !vote.up()));
          parts.storage().voted(vote);
          notes.later(app, ctx::respond, payload, replies.thanks(vote.up()));
          return ctx.ack();
        });
  }

  /**
   * Returns the key of a vote once counted: a hash of who voted, on which answer and which way, so
   * that a click replayed is thanked once; small whatever the question's length.
   */
  private static String voteKey(String user, String value, boolean up) {
    String answer = value.substring(1); // the statement and the question, without the vote
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((user + "\n" + (up ? "+" : "-") + answer).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

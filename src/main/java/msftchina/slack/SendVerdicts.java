package msftchina.slack;

import java.util.function.Consumer;
import msftchina.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a reply of the {@link SendQueue} once it is done with or turned away: delivered,
 * retried as {@link Delivery} says, given up, or shed because the queue is full. Each is counted in
 * the metrics and named in a log line, and a reply given up is told to its {@code onFailure}.
 *
 * <p>NOTE: not safe for concurrent use on its own: {@link #delivered} and {@link #failed} are
 * called under the queue's lock, which also guards {@code turns} and {@code budget}; {@link
 * #turnedAway} and {@link #givenUp} touch neither and are called outside it.
 *
 * @param policy how many times a reply is tried
 * @param turns the channels' turns: a reply done with frees its channel's
 * @param budget the bytes of the replies waiting: a reply done with releases its own
 * @param metrics counts what becomes of the replies, and Slack's errors
 */
record SendVerdicts(Delivery policy, ChannelTurns turns, ReplyBudget budget, Metrics metrics) {

  // The queue's logger: these lines are the queue's, whichever class words them.
  private static final Logger log = LoggerFactory.getLogger(SendQueue.class);

  /**
   * Counts {@code reply} delivered (unless its {@code outcome} says there was nothing to send) and
   * frees its channel's turn and its bytes.
   */
  void delivered(QueuedReply reply, Delivery.Verdict outcome) {
    if (outcome.error() == null) {
      metrics.outboxDelivered();
    }
    turns.delivered(reply);
    budget.release(reply);
  }

  /**
   * Retries {@code reply}, which failed with {@code outcome}, when it may be; returns the error it
   * is given up with, or null when it is retried (or, once the queue {@code dropped} what waited,
   * dropped with a log line).
   */
  String failed(QueuedReply reply, Delivery.Verdict outcome, boolean dropped) {
    metrics.slackError(reply.method(), Delivery.code(outcome));
    boolean retriable = outcome.retryAfterMillis() >= 0;
    if (retriable && dropped) {
      turns.landed(reply);
      log.warn(
          "{} not delivered: {}, and the bot stopped before it could be retried",
          reply.what(),
          outcome.error());
      return null;
    }
    if (retriable && reply.tries() + 1 < policy.maxAttempts()) {
      long pause = turns.retry(reply, outcome.retryAfterMillis());
      metrics.outboxRetried();
      log.info("{}: {}; retrying in {} ms", reply.what(), outcome.error(), pause);
      return null;
    }
    turns.landed(reply);
    budget.release(reply);
    if (retriable) {
      log.warn(
          "{} not delivered after {} attempts: {}",
          reply.what(),
          reply.tries() + 1,
          outcome.error());
    } else {
      log.warn("{} not delivered: {}", reply.what(), outcome.error());
    }
    return outcome.error();
  }

  /**
   * Names the reply {@code what} the queue did not take: {@code waiting} is -1 when the queue is
   * closing; else the reply is counted as shed, with {@code waiting} bytes queued, and when {@code
   * noted} its "busy" note was queued in its place; otherwise it is given up with {@link
   * SendQueue#BUSY}.
   */
  void turnedAway(String what, long waiting, boolean noted, Consumer<String> onFailure) {
    if (waiting < 0) {
      log.warn("{} not delivered: the bot is stopping", what);
      return;
    }
    metrics.outboxShed();
    if (noted) {
      log.warn(
          "{} not answered: the bot is busy ({} KiB of replies waiting); telling the user so",
          what,
          waiting >> 10);
      return;
    }
    log.warn(
        "{} not answered, nor told: the bot is busy ({} KiB of replies and notes waiting)",
        what,
        waiting >> 10);
    givenUp(what, onFailure, SendQueue.BUSY);
  }

  /** Counts the reply named {@code what} given up and tells {@code onFailure}, when given. */
  void givenUp(String what, Consumer<String> onFailure, String error) {
    metrics.outboxGivenUp();
    if (onFailure == null) {
      return;
    }
    try {
      onFailure.accept(error);
    } catch (RuntimeException e) {
      // A worker outlives any one reply: a failure notice that can't be sent is a log line.
      log.warn("{}: the notice that it failed was not sent either: {}", what, e.toString());
    }
  }
}

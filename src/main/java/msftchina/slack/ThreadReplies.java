package msftchina.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.util.concurrent.CompletableFuture;
import msftchina.app.Answered;
import msftchina.app.Asker;
import msftchina.app.Earlier;
import msftchina.app.PendingReply;
import msftchina.app.ReplySender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers mentions and direct messages where they were asked, in their thread when they have one:
 * the answer is made by the outbox worker that posts it (never on the request's time), and a
 * follow-up in a thread the bot answered is read with the thread's earlier question. Also sends the
 * replies that a stopped copy acknowledged and never delivered.
 */
final class ThreadReplies implements ReplySender {

  private static final Logger log = LoggerFactory.getLogger(ThreadReplies.class);

  /** A reply made: the message, and what it answered (null for the usage). */
  private record Made(Replies.Message message, Earlier answered) {}

  private final BotParts parts;
  private final MethodsClient client;
  private final EventClaimer claimer;

  ThreadReplies(BotParts parts, MethodsClient client) {
    this.parts = parts;
    this.client = client;
    this.claimer = new EventClaimer(parts.storage());
  }

  /** Returns what claims new events, for the stop to resolve the claims still queued. */
  EventClaimer claimer() {
    return claimer;
  }

  /**
   * Sends a reply a stopped copy acknowledged and never delivered, once: it is first looked for in
   * Slack, in case that copy posted it before it stopped ({@link ReplyPost}).
   */
  @Override
  public void send(PendingReply pending) {
    answer(pending, pending.thread(), true, CompletableFuture.completedFuture(true));
  }

  /**
   * Queues the answer to a new event, {@code pending}, and starts claiming it (once across copies
   * sharing the storage, kept as pending so that a stop doesn't lose it); the worker that answers
   * waits for the claim and answers only the event's first time. Nothing here waits for the
   * database: the event is acknowledged at once.
   */
  void claimAndAnswer(PendingReply pending, String remembered) {
    answer(pending, remembered, false, claimer.claim(pending));
  }

  /**
   * Queues the answer to {@code pending}, sent when {@code claimed} says it is the event's first
   * time; the answer is remembered under the thread it belongs to ({@code remembered}, when not
   * null) and under the posted reply. A reply {@code takenOver} from an earlier run is looked for
   * in Slack before it is posted.
   */
  private void answer(
      PendingReply pending,
      String remembered,
      boolean takenOver,
      CompletableFuture<Boolean> claimed) {
    String eventId = pending.eventId();
    String channel = pending.channel();
    Runnable done =
        () -> {
          var unused = claimed.thenRun(() -> parts.storage().done(eventId));
        };
    if (channel == null || channel.isBlank()) {
      log.warn("event {}: no channel to answer in; not answered", eventId);
      done.run();
      return;
    }
    Once<Made> made = new Once<>(() -> make(pending, remembered));
    parts
        .outbox()
        .send(
            channel,
            "chat.postMessage",
            "event " + eventId + ": chat.postMessage to " + channel,
            // the question held while it waits, echoed and remembered; the answer once made
            SendQueue.replyBytes(2L * pending.question().length())
                + ReplyBudget.DEFAULT_REPLY_BYTES,
            () -> {
              if (!claimed.join()) {
                return Delivery.Verdict.answeredElsewhere();
              }
              Made reply = made.get();
              ChatPostMessageResponse r =
                  ReplyPost.send(client, pending, pending.thread(), reply.message(), takenOver);
              if (r.isOk()) {
                if (reply.answered() != null) {
                  parts.threads().remember(channel, r.getTs(), reply.answered());
                }
                parts.storage().done(eventId);
              }
              return Delivery.fromApi(r);
            },
            // when the queue is full: a short note that the bot is busy, in the answer's place
            () ->
                claimed.join()
                    ? BusyNote.in(client, channel, pending.thread(), done).send()
                    : Delivery.Verdict.answeredElsewhere(),
            error -> done.run()); // given up, and named in a log line
  }

  /** Answers {@code pending}'s question (the asker's own words echoed, how it was read noted). */
  private Made make(PendingReply pending, String remembered) {
    String question = pending.question();
    Replies replies = parts.replies().forText(question);
    if (question.isBlank()) {
      return new Made(replies.usage(), null);
    }
    long waited = Math.max(0, System.currentTimeMillis() - pending.receivedAt());
    Answered answered =
        parts
            .service()
            .ask(
                new Asker(pending.surface(), pending.team(), pending.channel(), pending.user()),
                question,
                parts.threads().recall(pending.channel(), pending.thread()),
                System.nanoTime() - waited * 1_000_000);
    Replies.Message message =
        ReportReplies.answer(replies, answered, parts.service().reports(), false);
    if (answered.scope().unknown() != null) {
      return new Made(message, null);
    }
    if (answered.readAs() != null) {
      message = FollowUpNote.with(message, replies.labels(), answered.readAs());
    }
    Earlier earlier = new Earlier(answered.asked(), answered.answer());
    if (remembered != null) {
      parts.threads().remember(pending.channel(), remembered, earlier);
    }
    return new Made(message, earlier);
  }
}

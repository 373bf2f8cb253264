package msftchina.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import msftchina.app.PendingReply;
import msftchina.app.Surface;

/**
 * Mentions in channels and direct messages, with follow-ups in their threads: each event's answer
 * and its claim (once across copies sharing the storage, kept as a pending reply so that a stop
 * doesn't lose it) are queued while it is handled, and the handler then acknowledges it; the claim
 * runs on a thread of its own and the answer, by {@link ThreadReplies}, on an outbox worker.
 */
final class ThreadEvents {

  private final ThreadReplies replies;
  private final SeenEvents seen;

  ThreadEvents(BotParts parts, ThreadReplies replies) {
    this.seen = SeenEvents.forAnHour(parts.memory().seenEventsBytes());
    this.replies = replies;
  }

  // Events API: https://api.slack.com/apis/events-api
  // A retry of an event already seen (same event_id) is acknowledged and not answered again. The
  // acknowledgement waits for nothing slow: the claim, which may wait up to a second for the
  // database, is queued before the handler acknowledges and runs on its own thread; the worker
  // that answers waits for it. Slack sends
  // the text with &, < and > escaped: it is decoded once, so the echoed question shows as typed
  // (and escaped again).
  void register(App app) {
    app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          AppMentionEvent event = payload.getEvent();
          if (event.getBotId() == null && seen.firstTime(payload.getEventId())) {
            String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
            claimAndAnswer(
                new PendingReply(
                    payload.getEventId(),
                    Surface.MENTION,
                    payload.getTeamId(),
                    event.getChannel(),
                    thread,
                    event.getUser(),
                    question(event.getText(), ctx.getBotUserId()),
                    System.currentTimeMillis()),
                thread);
          }
          return ctx.ack();
        });
    app.event(
        MessageEvent.class,
        (payload, ctx) -> {
          MessageEvent event = payload.getEvent();
          boolean fromPerson =
              event.getBotId() == null
                  && event.getSubtype() == null
                  && event.getUser() != null
                  && !event.getUser().equals(ctx.getBotUserId());
          if ("im".equals(event.getChannelType())
              && fromPerson
              && seen.firstTime(payload.getEventId())) {
            claimAndAnswer(
                new PendingReply(
                    payload.getEventId(),
                    Surface.DM,
                    payload.getTeamId(),
                    event.getChannel(),
                    event.getThreadTs(),
                    event.getUser(),
                    question(event.getText(), ctx.getBotUserId()),
                    System.currentTimeMillis()),
                event.getThreadTs() != null ? event.getThreadTs() : event.getTs());
          }
          return ctx.ack();
        });
    // Messages the bot never answers: its own and other bots', edits and deletions.
    app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageChangedEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageDeletedEvent.class, (payload, ctx) -> ctx.ack());
  }

  private void claimAndAnswer(PendingReply reply, String remembered) {
    replies.claimAndAnswer(reply, remembered); // queued only: the handler acknowledges next
  }

  private static String question(String text, String botUserId) {
    return SlackText.unescape(SlackText.withoutMention(text, botUserId));
  }
}

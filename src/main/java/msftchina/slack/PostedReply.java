package msftchina.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import com.slack.api.model.ResponseMetadata;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import msftchina.app.PendingReply;

/**
 * Finds a reply the bot already posted in Slack: each reply carries, in its message metadata
 * (https://api.slack.com/metadata/using), the id of the event it answers, so a reply an earlier run
 * sent without learning Slack's answer (killed while the post was in flight) is found in its thread
 * ({@code conversations.replies}) or, for a direct message outside threads, in the channel ({@code
 * conversations.history}), both asked with {@code include_all_metadata}.
 */
final class PostedReply {

  /** The metadata event type of the bot's replies. */
  static final String EVENT_TYPE = "msftchina_reply";

  /** The metadata payload key holding the event id a reply answers. */
  static final String EVENT_ID = "event_id";

  /** Messages asked for a page: 200, the most Slack recommends for one call. */
  static final int PAGE = 200;

  /**
   * Pages looked at, at most: 1,000 messages since the question arrived; a reply further off is
   * taken as not there (a thread or DM that busy within the minutes a restart takes is unheard of).
   */
  static final int MAX_PAGES = 5;

  /**
   * How far before the question's arrival the look starts, in seconds: our clock and Slack's may
   * differ, and a minute more costs nothing.
   */
  static final long CLOCK_MARGIN_SECONDS = 60;

  /** What a look came to: the posted message's ts, or an error naming why nobody knows. */
  record Found(String ts, String error) {

    /** Returns whether the reply is in Slack already. */
    boolean posted() {
      return ts != null;
    }

    /** Returns whether the look failed (Slack refused it or didn't answer). */
    boolean unknown() {
      return error != null;
    }
  }

  private PostedReply() {}

  /** Returns the metadata a reply to {@code eventId} is posted with. */
  static Message.Metadata metadata(String eventId) {
    return Message.Metadata.builder()
        .eventType(EVENT_TYPE)
        .eventPayload(Map.of(EVENT_ID, eventId))
        .build();
  }

  /**
   * Looks for the reply to {@code pending} in Slack, posted in {@code thread} (null: in the channel
   * itself, outside threads).
   */
  static Found find(MethodsClient client, PendingReply pending, String thread) {
    String oldest =
        Long.toString(Math.max(0, pending.receivedAt() / 1000 - CLOCK_MARGIN_SECONDS)) + ".000000";
    String cursor = null;
    try {
      for (int page = 0; page < MAX_PAGES; page++) {
        String after = cursor;
        Page found =
            thread != null
                ? replies(client, pending.channel(), thread, oldest, after)
                : history(client, pending.channel(), oldest, after);
        if (found.error() != null) {
          return new Found(null, found.error());
        }
        List<Message> messages = found.messages();
        String next = found.next();
        String ts = answering(messages, pending.eventId());
        if (ts != null) {
          return new Found(ts, null);
        }
        if (next == null || next.isEmpty()) {
          return new Found(null, null);
        }
        cursor = next;
      }
      return new Found(null, null);
    } catch (SlackApiException e) {
      return new Found(null, "HTTP " + e.getResponse().code());
    } catch (IOException e) {
      return new Found(null, e.getClass().getSimpleName());
    } catch (RuntimeException e) {
      return new Found(null, e.getClass().getSimpleName());
    }
  }

  /** One page of messages, with the cursor of the next (null or empty: none), or an error. */
  private record Page(List<Message> messages, String next, String error) {

    static Page of(String method, SlackApiTextResponse r, List<Message> m, ResponseMetadata meta) {
      if (!r.isOk()) {
        return new Page(null, null, method + ": " + r.getError());
      }
      return new Page(m, meta == null ? null : meta.getNextCursor(), null);
    }
  }

  /** https://api.slack.com/methods/conversations.replies */
  private static Page replies(
      MethodsClient client, String channel, String thread, String oldest, String cursor)
      throws IOException, SlackApiException {
    ConversationsRepliesResponse r =
        client.conversationsReplies(
            q ->
                q.channel(channel)
                    .ts(thread)
                    .oldest(oldest)
                    .limit(PAGE)
                    .cursor(cursor)
                    .includeAllMetadata(true));
    return Page.of("conversations.replies", r, r.getMessages(), r.getResponseMetadata());
  }

  /** https://api.slack.com/methods/conversations.history */
  private static Page history(MethodsClient client, String channel, String oldest, String cursor)
      throws IOException, SlackApiException {
    ConversationsHistoryResponse r =
        client.conversationsHistory(
            q ->
                q.channel(channel)
                    .oldest(oldest)
                    .limit(PAGE)
                    .cursor(cursor)
                    .includeAllMetadata(true));
    return Page.of("conversations.history", r, r.getMessages(), r.getResponseMetadata());
  }

  /** Returns the ts of the message in {@code messages} answering {@code eventId}, or null. */
  private static String answering(List<Message> messages, String eventId) {
    if (messages == null) {
      return null;
    }
    for (Message m : messages) {
      Message.Metadata metadata = m.getMetadata();
      if (metadata != null
          && EVENT_TYPE.equals(metadata.getEventType())
          && metadata.getEventPayload() != null
          && eventId.equals(metadata.getEventPayload().get(EVENT_ID))) {
        return m.getTs();
      }
    }
    return null;
  }
}

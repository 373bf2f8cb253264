package msftchina.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the Socket Mode envelopes that came while the queue was full: each is acknowledged at
 * once and its user told the bot is busy (a slash command in the ack, a mention or direct message
 * in its thread), with one log line when a busy spell starts and one when it ends.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class BusyNotes {

  /** The text a user gets when the bot is busy. */
  static final String TEXT =
      "I'm answering a lot of questions right now and couldn't take yours; please ask again in a"
          + " minute.";

  private static final Logger log = LoggerFactory.getLogger(BusyNotes.class);

  private final EnvelopeQueue.Slack slack;
  private final Acknowledger acks;
  private final AtomicInteger shed = new AtomicInteger();
  private final AtomicBoolean busy = new AtomicBoolean();

  BusyNotes(EnvelopeQueue.Slack slack, Acknowledger acks) {
    this.slack = slack;
    this.acks = acks;
  }

  /**
   * Acknowledges {@code e}, which came while {@code waitingBytes} were waiting, telling its user
   * the bot is busy.
   */
  void shed(Envelope e, long waitingBytes) {
    if (busy.compareAndSet(false, true)) {
      log.warn(
          "Socket Mode: busy, {} KiB of envelopes waiting (the most this bot keeps): new ones are"
              + " acknowledged and their users told to ask again in a minute, until the backlog"
              + " halves",
          waitingBytes >> 10);
    }
    shed.incrementAndGet();
    if ("slash_commands".equals(e.type)) {
      acks.send(e, busyReply());
      return;
    }
    acks.send(e, null);
    if ("events_api".equals(e.type)) {
      noteInThread(e);
    }
  }

  /**
   * Tells the user of {@code e}, acknowledged but not run before the bot stopped, that the bot is
   * busy (a slash command or a shortcut on its response_url, a mention or direct message in its
   * thread), and names it in a log line.
   */
  void unrun(Envelope e) {
    log.warn(
        "socket mode: a {} envelope acknowledged was not run before the bot stopped; its user is"
            + " told to ask again (envelope {})",
        e.type,
        e.id);
    if ("slash_commands".equals(e.type) || "interactive".equals(e.type)) {
      String url = null; // a slash command's, or a shortcut's ("Find in report")
      try {
        url =
            string(
                object(JsonParser.parseString(e.message).getAsJsonObject(), "payload"),
                "response_url");
      } catch (RuntimeException notJson) {
        // named in the log line above
      }
      if (url != null) {
        slack.respondLater(url, busyReply(), "busy note (envelope " + e.id + "): response_url");
      }
    } else if ("events_api".equals(e.type)) {
      noteInThread(e);
    }
  }

  /** Notes that the backlog has halved: a busy spell, if any, is over. */
  void drained() {
    if (busy.compareAndSet(true, false)) {
      log.info(
          "Socket Mode: answering again; {} envelope(s) arrived while busy, each acknowledged"
              + " and its user told to ask again",
          shed.getAndSet(0));
    }
  }

  /** Posts the busy note in the thread of a mention or direct message {@code e} carries. */
  private void noteInThread(Envelope e) {
    JsonObject event;
    try {
      event =
          object(object(JsonParser.parseString(e.message).getAsJsonObject(), "payload"), "event");
    } catch (RuntimeException notJson) {
      return;
    }
    if (event == null || event.has("bot_id") || event.has("subtype")) {
      return;
    }
    String eventType = string(event, "type");
    boolean answered =
        "app_mention".equals(eventType)
            || ("message".equals(eventType) && "im".equals(string(event, "channel_type")));
    String channel = string(event, "channel");
    String thread =
        string(event, "thread_ts") != null ? string(event, "thread_ts") : string(event, "ts");
    if (answered && channel != null) {
      slack.post(channel, thread, TEXT, "busy note in " + channel + " (envelope " + e.id + ")");
    }
  }

  /** Returns the private reply to a slash command that tells its user the bot is busy. */
  private static String busyReply() {
    JsonObject reply = new JsonObject();
    reply.addProperty("response_type", "ephemeral");
    reply.addProperty("text", TEXT);
    return reply.toString();
  }

  private static JsonObject object(JsonObject o, String name) {
    JsonElement e = o == null ? null : o.get(name);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  private static String string(JsonObject o, String name) {
    JsonElement e = o == null ? null : o.get(name);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
  }
}

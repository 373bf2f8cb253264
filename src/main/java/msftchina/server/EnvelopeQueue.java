package msftchina.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket Mode envelopes received and not yet run: run by a few workers, each acknowledged
 * within {@link #ACK_BUDGET} of its arrival whatever the backlog, and bounded in bytes.
 *
 * <p>A worker runs the app on an envelope and acknowledges it, a slash command's reply as the ack's
 * payload. An envelope still waiting or running at its deadline is acknowledged then, without a
 * payload, and a slash command's reply goes afterwards through its {@code response_url}: the user
 * gets the answer either way. Past {@link #MAX_BYTES} of waiting envelopes a new one is not queued:
 * it is acknowledged at once and its user told the bot is busy (a slash command in the ack, a
 * mention or direct message in its thread), with one log line for the whole busy spell.
 *
 * <p>NOTE: safe for concurrent use; {@link #accept} is called by the connection's reader thread.
 */
final class EnvelopeQueue {

  /**
   * 200 ms: a slash command is answered in about a millisecond, so it is late only behind a
   * backlog; and a burst's acks, which queue behind each other for the connection's one writer and
   * two cores, still reach Slack within half a second (p99 of 2,000 at once), far inside its 3 s.
   */
  static final Duration ACK_BUDGET = Duration.ofMillis(200);

  /**
   * 4 MiB of envelopes waiting, each counted at two bytes a character plus {@link #OVERHEAD}: some
   * 2,000 slash commands at once (about 1 KB each), an eighth of the serve launcher's 32 MiB heap.
   * One envelope is at most {@link SlackSocket#MAX_MESSAGE_BYTES} (two of its characters a byte at
   * worst), so it always fits in an empty queue.
   */
  static final long MAX_BYTES = 4L << 20;

  /** What an envelope costs beyond its text: its record, its place in two queues. */
  static final long OVERHEAD = 256;

  /**
   * 2: the handlers search in memory (CPU-bound; two cores on the machines measured) and claim
   * events in the store (a short write). With more, a burst starved the connection's reader and the
   * deadline acker of CPU, and acks came later.
   */
  static final int WORKERS = 2;

  /** The text a user gets when the bot is busy. */
  static final String BUSY =
      "I'm answering a lot of questions right now and couldn't take yours; please ask again in a"
          + " minute.";

  private static final Logger log = LoggerFactory.getLogger(EnvelopeQueue.class);

  /** Where acks and later replies go. */
  interface Slack {

    /** Sends {@code ack} on the current connection; false when there is none open. */
    boolean acknowledge(String ack);

    /**
     * Posts the JSON {@code message} to a slash command's {@code responseUrl}, named {@code what}.
     */
    void respondLater(String responseUrl, String message, String what);

    /** Posts {@code text} in {@code channel}, in {@code thread} when given, named {@code what}. */
    void post(String channel, String thread, String text, String what);
  }

  /** An envelope waiting, running, or run and not yet past its deadline. */
  private static final class Envelope {
    final String id;
    final String type;
    final long deadline;
    final long bytes;
    final AtomicBoolean acknowledged = new AtomicBoolean();
    volatile String message;

    Envelope(String id, String type, String message) {
      this.id = id;
      this.type = type;
      this.message = message;
      this.bytes = 2L * message.length() + OVERHEAD;
      this.deadline = System.nanoTime() + ACK_BUDGET.toNanos();
    }

    /** Returns true once: whoever gets true acknowledges (or deliberately doesn't). */
    boolean claim() {
      return acknowledged.compareAndSet(false, true);
    }
  }

  /** What ends a worker, queued once for each at the stop. */
  private static final Envelope LAST = new Envelope("", "", "");

  private final App app;
  private final SocketModeRequestParser parser;
  private final Slack slack;
  private final LinkedBlockingQueue<Envelope> waiting = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Envelope> deadlines = new ConcurrentLinkedQueue<>();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicInteger shed = new AtomicInteger();
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicLong notSent = new AtomicLong();
  private final AtomicLong lastNotSentLog = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
  private final ExecutorService workers;
  private final Thread acker;
  private volatile boolean stopping;

  /** Starts the workers and the deadline acker for {@code app}, answering through {@code slack}. */
  EnvelopeQueue(App app, Slack slack) {
    this.app = app;
    this.parser = new SocketModeRequestParser(app.config());
    this.slack = slack;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            WORKERS,
            r -> {
              Thread t = new Thread(r, "socket-mode-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < WORKERS; i++) {
      workers.execute(this::work);
    }
    acker = new Thread(this::acknowledgeLate, "socket-mode-acker");
    acker.setDaemon(true);
    acker.start();
  }

  /** Returns the bytes of envelopes waiting or running. */
  long bytes() {
    return bytes.get();
  }

  /**
   * Takes envelope {@code id} of {@code type} ({@code message} its JSON): queued for a worker, or,
   * past {@link #MAX_BYTES}, acknowledged at once and its user told the bot is busy. While
   * stopping, it is left unacknowledged: Slack sends it again.
   */
  void accept(String id, String type, String message) {
    if (stopping) {
      return;
    }
    Envelope e = new Envelope(id, type, message);
    if (bytes.addAndGet(e.bytes) > MAX_BYTES) {
      bytes.addAndGet(-e.bytes);
      shed(e);
      return;
    }
    deadlines.add(e);
    waiting.add(e);
  }

  private void work() {
    while (true) {
      Envelope e;
      try {
        e = waiting.take();
      } catch (InterruptedException interrupted) {
        return;
      }
      if (e == LAST) {
        return;
      }
      try {
        run(e);
      } catch (RuntimeException failed) {
        log.error("socket mode: {} envelope failed: {}", e.type, failed.toString());
        if (e.claim()) {
          send(e, null);
        }
      } finally {
        e.message = null;
        if (bytes.addAndGet(-e.bytes) < MAX_BYTES / 2 && busy.compareAndSet(true, false)) {
          log.info(
              "Socket Mode: answering again; {} envelope(s) arrived while busy, each acknowledged"
                  + " and its user told to ask again",
              shed.getAndSet(0));
        }
      }
    }
  }

  /**
   * Runs the app on {@code e} and acknowledges it with the reply as payload; when the deadline
   * acker acknowledged it first, a slash command's reply goes through its response_url. An envelope
   * the app can't parse or run is still acknowledged, so Slack doesn't send it again to a bot that
   * can't answer it.
   */
  private void run(Envelope e) {
    SocketModeRequest request;
    try {
      request = parser.parse(e.message);
    } catch (JsonParseException | IllegalStateException bad) {
      log.warn("socket mode: {} envelope not understood: {}", e.type, bad.toString());
      request = null;
    }
    if (request == null) {
      if (e.claim()) {
        send(e, null);
      }
      return;
    }
    String payload = null;
    try {
      Response response = app.run(request.getBoltRequest());
      if (response.getStatusCode() == StopGate.STOPPING) {
        if (!e.claim()) {
          log.warn(
              "socket mode: a {} envelope was acknowledged, then the bot stopped before answering"
                  + " it; its user got no answer",
              e.type);
        }
        return; // else not acknowledged: Slack sends it again, to this copy or another
      }
      if (response.getStatusCode() != 200) {
        log.warn("socket mode: {} envelope answered {}", e.type, response.getStatusCode());
      } else if (response.getBody() != null
          && !response.getBody().isEmpty()
          && response.getContentType() != null
          && response.getContentType().startsWith("application/json")) {
        payload = response.getBody();
      }
    } catch (Exception failed) {
      log.error("socket mode: {} envelope failed: {}", e.type, failed.toString());
    }
    if (e.claim()) {
      send(e, payload);
    } else if (payload != null) {
      String url =
          request.getBoltRequest() instanceof SlashCommandRequest slash
              ? slash.getPayload().getResponseUrl()
              : null;
      if (url != null) {
        slack.respondLater(url, payload, "slash command (envelope " + e.id + "): response_url");
      } else {
        log.warn(
            "socket mode: the reply to a {} envelope was ready after its ack and it has no"
                + " response_url; its user got no reply",
            e.type);
      }
    }
  }

  /** Acknowledges every envelope still unacknowledged at its deadline, without a payload. */
  private void acknowledgeLate() {
    while (!stopping) {
      Envelope e = deadlines.peek();
      if (e == null) {
        LockSupport.parkNanos(ACK_BUDGET.toNanos());
        continue;
      }
      long wait = e.deadline - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
        continue;
      }
      deadlines.poll();
      if (!stopping && e.claim()) {
        send(e, null);
      }
    }
  }

  /**
   * Acknowledges an envelope that came while {@link #MAX_BYTES} were waiting, telling its user the
   * bot is busy: a slash command in the ack, a mention or direct message in its thread.
   */
  private void shed(Envelope e) {
    if (busy.compareAndSet(false, true)) {
      log.warn(
          "Socket Mode: busy, {} KiB of envelopes waiting (the most this bot keeps): new ones are"
              + " acknowledged and their users told to ask again in a minute, until the backlog"
              + " halves",
          bytes.get() >> 10);
    }
    shed.incrementAndGet();
    if ("slash_commands".equals(e.type)) {
      JsonObject reply = new JsonObject();
      reply.addProperty("response_type", "ephemeral");
      reply.addProperty("text", BUSY);
      send(e, reply.toString());
      return;
    }
    send(e, null);
    if (!"events_api".equals(e.type)) {
      return;
    }
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
      slack.post(channel, thread, BUSY, "busy note in " + channel + " (envelope " + e.id + ")");
    }
  }

  private void send(Envelope e, String payload) {
    StringBuilder ack = new StringBuilder("{\"envelope_id\":");
    ack.append(new com.google.gson.JsonPrimitive(e.id));
    if (payload != null) {
      ack.append(",\"payload\":").append(payload);
    }
    ack.append('}');
    if (slack.acknowledge(ack.toString())) {
      return;
    }
    long n = notSent.incrementAndGet();
    long now = System.nanoTime();
    long last = lastNotSentLog.get();
    if (now - last > TimeUnit.SECONDS.toNanos(10) && lastNotSentLog.compareAndSet(last, now)) {
      notSent.addAndGet(-n);
      log.warn(
          "socket mode: {} envelope(s) could not be acknowledged, the connection was closed;"
              + " Slack sends them again",
          n);
    }
  }

  /**
   * Stops taking envelopes and acknowledging late ones, and stops the workers once they have run
   * every envelope already acknowledged (their replies go through the outbox) and finished what
   * they were running; envelopes not yet acknowledged are dropped, for Slack to send again. Call it
   * while the app still runs requests.
   */
  void stop(Duration timeout) throws InterruptedException {
    stopping = true;
    LockSupport.unpark(acker);
    List<Envelope> left = new ArrayList<>();
    waiting.drainTo(left);
    for (Envelope e : left) {
      if (e.claim()) { // not acknowledged: Slack sends it again
        bytes.addAndGet(-e.bytes);
      } else {
        waiting.add(e); // acknowledged: run, its reply sent later
      }
    }
    for (int i = 0; i < WORKERS; i++) {
      waiting.add(LAST); // each worker finishes what it runs, then takes one of these and ends
    }
    workers.shutdown();
    if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      log.warn(
          "socket mode: envelopes still running after {} s; stopping anyway", timeout.toSeconds());
      workers.shutdownNow();
    }
  }

  private static JsonObject object(JsonObject o, String name) {
    JsonElement e = o == null ? null : o.get(name);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  private static String string(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
  }
}

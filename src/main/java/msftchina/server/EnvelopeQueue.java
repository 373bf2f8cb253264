package msftchina.server;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket Mode envelopes received and not yet run: run by a few workers, each acknowledged
 * within the ack budget of its arrival whatever the backlog ({@link Acknowledger}), and bounded in
 * bytes ({@link SocketModeLimits}).
 *
 * <p>A worker runs the app on an envelope and acknowledges it, a slash command's reply as the ack's
 * payload. An envelope still waiting or running at its deadline is acknowledged then, without a
 * payload, and a slash command's reply goes afterwards through its {@code response_url}: the user
 * gets the answer either way. Past the queue's bytes a new envelope is not queued: {@link
 * BusyNotes} acknowledges it at once and tells its user the bot is busy.
 *
 * <p>NOTE: safe for concurrent use; {@link #accept} is called by the connection's reader thread.
 */
final class EnvelopeQueue {

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

  /** What ends a worker, queued once for each at the stop. */
  private static final Envelope LAST = new Envelope("", "", "", Duration.ZERO);

  private final App app;
  private final SocketModeRequestParser parser;
  private final Slack slack;
  private final SocketModeLimits limits;
  private final Acknowledger acks;
  private final BusyNotes busy;
  private final LinkedBlockingQueue<Envelope> waiting = new LinkedBlockingQueue<>();
  private final AtomicLong bytes = new AtomicLong();
  private final ExecutorService workers;
  private volatile boolean stopping;

  /**
   * Starts the workers and the deadline acker for {@code app}, within {@code limits}, answering
   * through {@code slack}.
   */
  EnvelopeQueue(App app, SocketModeLimits limits, Slack slack) {
    this.app = app;
    this.parser = new SocketModeRequestParser(app.config());
    this.slack = slack;
    this.limits = limits;
    this.acks = new Acknowledger(slack, limits.ackBudget());
    this.busy = new BusyNotes(slack, acks);
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            limits.workers(),
            r -> {
              Thread t = new Thread(r, "socket-mode-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < limits.workers(); i++) {
      workers.execute(this::work);
    }
  }

  /** Returns the bytes of envelopes waiting or running. */
  long bytes() {
    return bytes.get();
  }

  /**
   * Takes envelope {@code id} of {@code type} ({@code message} its JSON): queued for a worker, or,
   * past the queue's bytes, acknowledged at once and its user told the bot is busy. While stopping,
   * it is left unacknowledged: Slack sends it again.
   */
  void accept(String id, String type, String message) {
    if (stopping) {
      return;
    }
    Envelope e = new Envelope(id, type, message, limits.ackBudget());
    if (bytes.addAndGet(e.bytes) > limits.queueBytes()) {
      busy.shed(e, bytes.addAndGet(-e.bytes));
      return;
    }
    acks.watch(e);
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
          acks.send(e, null);
        }
      } finally {
        e.message = null;
        if (bytes.addAndGet(-e.bytes) < limits.queueBytes() / 2) {
          busy.drained();
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
        acks.send(e, null);
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
                  + " it; its user got no answer (envelope {})",
              e.type,
              e.id);
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
      if (UnreadablePayload.is(failed)) {
        log.warn("socket mode: {} envelope not understood: {}", e.type, failed.toString());
      } else {
        log.error("socket mode: {} envelope failed: {}", e.type, failed.toString());
      }
    }
    if (e.claim()) {
      acks.send(e, payload);
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

  /**
   * Stops taking envelopes and acknowledging late ones, and stops the workers once they have run
   * every envelope already acknowledged (their replies go through the outbox) and finished what
   * they were running; envelopes not yet acknowledged are dropped, for Slack to send again. When
   * the workers can't run them all within {@code timeout}, the user of each acknowledged envelope
   * left is told the bot is busy, and it is named in a log line. Call it while the app still runs
   * requests.
   */
  void stop(Duration timeout) throws InterruptedException {
    stopping = true;
    acks.stop();
    List<Envelope> left = new ArrayList<>();
    waiting.drainTo(left);
    for (Envelope e : left) {
      if (e.claim()) { // not acknowledged: Slack sends it again
        bytes.addAndGet(-e.bytes);
      } else {
        waiting.add(e); // acknowledged: run, its reply sent later
      }
    }
    for (int i = 0; i < limits.workers(); i++) {
      waiting.add(LAST); // each worker finishes what it runs, then takes one of these and ends
    }
    workers.shutdown();
    if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      log.warn(
          "socket mode: envelopes still running after {} s; stopping anyway", timeout.toSeconds());
      workers.shutdownNow();
      List<Envelope> unrun = new ArrayList<>();
      waiting.drainTo(unrun);
      for (Envelope e : unrun) {
        if (e != LAST) {
          busy.unrun(e);
          bytes.addAndGet(-e.bytes);
        }
      }
    }
  }
}

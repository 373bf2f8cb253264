package msftchina.server;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import msftchina.slack.Delivery;
import msftchina.slack.SendQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot connected to Slack over Socket Mode (https://api.slack.com/apis/socket-mode), running the
 * same app as the HTTP server.
 *
 * <p>Slack's protocol: {@code apps.connections.open} gives a WebSocket URL; the server says {@code
 * hello}; every envelope is acknowledged with its {@code envelope_id} within 3 s, a slash command's
 * reply going back as the ack's {@code payload}; a {@code disconnect} message asks for a new
 * connection. Envelopes are run and acknowledged by an {@link EnvelopeQueue}, within its budget
 * whatever the backlog; the connection is a {@link SlackSocket}, which refuses messages bigger than
 * any envelope. Replies already acknowledged are posted by the outbox, which outlives any
 * connection.
 *
 * <p>Slack's own Socket Mode client is not used: it hands messages to its listeners from a queue
 * that ten tasks poll every 10 ms on one thread (some 1,000 envelopes a second at best: a burst of
 * 2,000 slash commands was acknowledged after Slack's 3 s), and it reads frames of any size.
 *
 * <p>The connection is watched here, not by the client's own monitor (whose log lines say neither
 * what happened nor what to do, one every 5 s while Slack is out of reach): every second while it
 * is down, every 5 s (a ping) while it is up. A connection that drops or can't be opened, at start
 * or later, is opened again after pauses growing from 1 s to 60 s, for as long as it takes. The log
 * says once that the connection dropped or can't be opened and why, again every 10 minutes while it
 * stays down, and once that it is back.
 */
public final class SocketModeRunner {

  /** The pause after the first failed attempt; it doubles up to {@link #LONGEST_PAUSE}. */
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

  static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);

  /** How often an open connection is checked with a ping. */
  static final Duration CHECK_EVERY = Duration.ofSeconds(5);

  /** How often a connection that stays down is logged again. */
  static final Duration LOG_AGAIN_EVERY = Duration.ofMinutes(10);

  /** How long start-up waits for Slack's hello before going on without it. */
  static final Duration FIRST_WAIT = Duration.ofSeconds(3);

  /** apps.connections.open errors that say Slack is unwell rather than the token is wrong. */
  private static final Set<String> TRANSIENT =
      Set.of(
          "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

  private static final Logger log = LoggerFactory.getLogger(SocketModeRunner.class);

  private final App app;
  private final String appToken;
  private final Duration stopTimeout;
  private final SendQueue outbox;
  private final ScheduledExecutorService monitor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "socket-mode-monitor");
            t.setDaemon(true);
            return t;
          });
  private final CountDownLatch firstHello = new CountDownLatch(1);
  private volatile SlackSocket socket;
  private volatile EnvelopeQueue envelopes;
  private volatile boolean stopping;

  // The connection's state, guarded by this.
  private boolean connected;
  private boolean everConnected;
  private long downSince = System.nanoTime();
  private boolean downLogged;
  private boolean failureLogged;
  private long lastLogged;
  private int tries;
  private long pauseMillis = FIRST_PAUSE.toMillis();
  private long nextCheck;

  /**
   * Creates a runner for {@code app} that connects with the app-level {@code appToken}; replies
   * sent after an envelope's ack go through {@code outbox}.
   */
  public SocketModeRunner(App app, String appToken, Duration stopTimeout, SendQueue outbox) {
    this.app = app;
    this.appToken = appToken;
    this.stopTimeout = stopTimeout;
    this.outbox = outbox;
  }

  /**
   * Opens the connection, waiting at most {@link #FIRST_WAIT} for Slack's hello; throws {@link
   * IllegalArgumentException} when Slack refuses the app token. When Slack can't be reached, it
   * says so in one log line and keeps trying in the background.
   */
  public void start() throws Exception {
    String url = open();
    envelopes = new EnvelopeQueue(app, new ToSlack());
    if (url != null) {
      connect(url);
      synchronized (this) {
        nextCheck = System.nanoTime() + FIRST_WAIT.toNanos();
      }
    }
    var unused = monitor.scheduleWithFixedDelay(this::maintain, 1, 1, TimeUnit.SECONDS);
    if (url != null) {
      firstHello.await(FIRST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Opens a connection to {@code url}, waiting at most {@link #FIRST_WAIT} for it, then closes the
   * one before it, if any: acks go on the new one.
   */
  private void connect(String url) throws IOException {
    SlackSocket next;
    try {
      next = new SlackSocket(new URI(url), new Listener());
    } catch (URISyntaxException e) {
      throw new IOException("apps.connections.open gave a URL that is not one: " + e.getReason());
    }
    SlackSocket before = socket;
    socket = next;
    try {
      var unused = next.connectBlocking(FIRST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (before != null) {
      before.close();
    }
  }

  /**
   * Asks Slack for a new connection and opens it; a failure is logged ({@link #cannotConnect}), a
   * refused token too, as it may be Slack's passing trouble once the bot has started.
   */
  private void reconnect() {
    try {
      String url = open();
      if (url != null) {
        connect(url);
      }
    } catch (IllegalArgumentException e) {
      cannotConnect(e.getMessage());
    } catch (IOException e) {
      cannotConnect(e.getMessage());
    }
  }

  /** Returns whether the connection is open (Slack has said hello on it). */
  public synchronized boolean connected() {
    return connected;
  }

  /**
   * Asks Slack for a connection's URL; returns null, with one log line, when Slack can't be reached
   * or fails, so that start-up goes on and the connection is opened later.
   */
  private String open() {
    AppsConnectionsOpenResponse open;
    try {
      open = app.client().appsConnectionsOpen(r -> r.token(appToken));
    } catch (SlackApiException e) {
      cannotConnect("apps.connections.open answered HTTP " + e.getResponse().code());
      return null;
    } catch (IOException e) {
      cannotConnect("apps.connections.open: " + describe(e));
      return null;
    }
    if (open.isOk() && open.getUrl() != null) {
      return open.getUrl();
    }
    if (TRANSIENT.contains(open.getError())) {
      cannotConnect("apps.connections.open: Slack said " + open.getError());
      return null;
    }
    throw new IllegalArgumentException(
        "SLACK_APP_TOKEN was refused by Slack ("
            + open.getError()
            + "); make an app-level token with connections:write under Basic Information >"
            + " App-Level Tokens, and enable Socket Mode");
  }

  /** Checks the connection, and opens a new one when it is down and the pause is over. */
  private void maintain() {
    SlackSocket s = socket;
    if (stopping) {
      return;
    }
    synchronized (this) {
      if (System.nanoTime() - nextCheck < 0) {
        return;
      }
    }
    try {
      if (s != null && s.answersPing(Duration.ofSeconds(3))) {
        synchronized (this) {
          nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
        }
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    boolean wasConnected;
    synchronized (this) {
      wasConnected = connected;
    }
    if (wasConnected) {
      down("the connection to Slack stopped answering pings");
    }
    reconnect();
    synchronized (this) {
      tries++;
      nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis);
      pauseMillis = Math.min(pauseMillis * 2, LONGEST_PAUSE.toMillis());
    }
  }

  /** Notes Slack's hello: the connection is open. */
  private void hello() {
    long downFor;
    int triedTimes;
    boolean logged;
    boolean again;
    synchronized (this) {
      if (connected) {
        return;
      }
      connected = true;
      again = everConnected;
      everConnected = true;
      downFor = System.nanoTime() - downSince;
      triedTimes = tries;
      logged = downLogged;
      downLogged = false;
      failureLogged = false;
      tries = 0;
      pauseMillis = FIRST_PAUSE.toMillis();
      nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
    }
    firstHello.countDown();
    if (logged) {
      log.info(
          "Socket Mode: {} Slack after {} s ({} tr{}); answering again",
          again ? "connected again to" : "connected to",
          TimeUnit.NANOSECONDS.toSeconds(downFor),
          Math.max(1, triedTimes),
          Math.max(1, triedTimes) == 1 ? "y" : "ies");
    }
  }

  /** Notes that the connection is down, logging it once: {@code what} happened. */
  private void down(String what) {
    down(what, true);
  }

  /**
   * Notes that the connection is down, logging it once: {@code what} happened; {@code network} when
   * the cause may be the network between here and Slack.
   */
  private void down(String what, boolean network) {
    synchronized (this) {
      if (!connected || stopping) {
        return;
      }
      connected = false;
      downSince = System.nanoTime();
      downLogged = true;
      lastLogged = downSince;
      nextCheck = downSince; // reconnect at the next check
    }
    if (!network) {
      log.warn(
          "Socket Mode: {}; reconnecting now. Replies already acknowledged are still posted", what);
      return;
    }
    log.warn(
        "Socket Mode: {}; reconnecting now, then with pauses growing to {} s. Replies already"
            + " acknowledged are still posted; if this repeats, check that this machine reaches"
            + " slack.com and wss-primary.slack.com on port 443",
        what,
        LONGEST_PAUSE.toSeconds());
  }

  /**
   * What the connections say, on their reader threads; a connection that is no longer the current
   * one (closed after a refresh) is not listened to.
   */
  private final class Listener implements SlackSocket.Listener {

    @Override
    public void message(SlackSocket from, String text) {
      if (from == socket) {
        received(text);
      }
    }

    /** A close other than a normal one (ours, a refresh) is a drop. */
    @Override
    public void closed(SlackSocket from, int code, String reason) {
      if (from != socket || code < 1000 || code == 1000) {
        return; // never opened (reported as a failure), closed by us, or an old connection
      }
      if (code == SlackSocket.TOO_BIG) {
        down(
            "Slack sent a message over "
                + (SlackSocket.MAX_MESSAGE_BYTES >> 10)
                + " KiB, bigger than any envelope this bot answers; it was not read, and the"
                + " connection was closed (Slack sends again what wasn't acknowledged)",
            false);
        return;
      }
      down(
          "the connection to Slack dropped ("
              + code
              + (reason == null || reason.isBlank() ? "" : ", " + reason)
              + ")");
    }

    /** A connection that failed to open, or failed while open. */
    @Override
    public void failed(SlackSocket from, Exception e) {
      if (stopping || from != socket) {
        return;
      }
      if (connected()) {
        down("the connection to Slack failed: " + describe(e));
      } else {
        cannotConnect(describe(e));
      }
    }
  }

  /**
   * Reads one message of Slack's: hello, disconnect, or an envelope for the queue. Only its {@code
   * type} and {@code envelope_id} are read here, on the connection's one reader thread, which a
   * burst keeps busy; the workers parse the rest.
   */
  private void received(String text) {
    String type = null;
    String id = null;
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      reader.beginObject();
      while (reader.hasNext() && (type == null || id == null)) {
        String name = reader.nextName();
        if (reader.peek() == JsonToken.STRING
            && ("type".equals(name) || "envelope_id".equals(name))) {
          if ("type".equals(name)) {
            type = reader.nextString();
          } else {
            id = reader.nextString();
          }
        } else {
          reader.skipValue();
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn(
          "socket mode: a message from Slack is not JSON; ignored ({})",
          e.getClass().getSimpleName());
      return;
    }
    if ("hello".equals(type)) {
      hello();
    } else if ("disconnect".equals(type)) {
      monitor.execute(this::reconnect); // Slack asks for a new connection, then closes this one
    } else if (id != null && type != null) {
      envelopes.accept(id, type, text);
    }
  }

  /**
   * Notes a failed attempt to connect, logging the first of a run of them, then one every {@link
   * #LOG_AGAIN_EVERY} while they go on.
   */
  private void cannotConnect(String reason) {
    long now = System.nanoTime();
    boolean first;
    long downFor;
    int triedTimes;
    boolean again;
    synchronized (this) {
      if (stopping || connected) {
        return;
      }
      first = !failureLogged;
      if (!first && now - lastLogged < LOG_AGAIN_EVERY.toNanos()) {
        return;
      }
      failureLogged = true;
      downLogged = true;
      lastLogged = now;
      downFor = now - downSince;
      triedTimes = tries;
      again = everConnected;
    }
    if (first) {
      log.warn(
          "Socket Mode: cannot {} Slack: {}; retrying in the background with pauses growing to"
              + " {} s (logged again every {} minutes while it fails). Check that this machine"
              + " reaches slack.com and wss-primary.slack.com on port 443 (or SLACK_API_URL)",
          again ? "reconnect to" : "connect to",
          reason,
          LONGEST_PAUSE.toSeconds(),
          LOG_AGAIN_EVERY.toMinutes());
    } else {
      log.warn(
          "Socket Mode: still not connected to Slack after {} min ({} tries): {}; retrying every"
              + " {} s",
          TimeUnit.NANOSECONDS.toMinutes(downFor),
          triedTimes,
          reason,
          LONGEST_PAUSE.toSeconds());
    }
  }

  private static String describe(Throwable e) {
    String name = e.getClass().getSimpleName();
    if (e instanceof ConnectException) {
      return "connection refused or failed (" + name + ")";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host (" + name + ")";
    }
    if (e instanceof InterruptedIOException) {
      return "no answer in time (" + name + ")";
    }
    if (e instanceof SSLException) {
      return "TLS failed (" + name + ")";
    }
    if (e instanceof SlackApiException api) {
      return "HTTP " + api.getResponse().code();
    }
    return e instanceof IOException ? "network error (" + name + ")" : "error (" + name + ")";
  }

  /**
   * Stops reading envelopes, lets those already acknowledged or running finish (envelopes not yet
   * acknowledged are left for Slack to send again), closes the connection, then lets the app's
   * pending work finish within the stop timeout. Call it before the app stops taking requests.
   */
  public void stop() throws Exception {
    stopping = true;
    monitor.shutdownNow();
    EnvelopeQueue queue = envelopes;
    if (queue != null) {
      queue.stop(stopTimeout);
    }
    SlackSocket s = socket;
    if (s != null) {
      s.close();
    }
    app.executorService().shutdown();
    if (!app.executorService().awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
      app.executorService().shutdownNow();
    }
  }

  /** Where the envelope queue's acks and later replies go: the connection, and the outbox. */
  private final class ToSlack implements EnvelopeQueue.Slack {

    /** The private reply that tells the user the bot is busy, as a response_url takes it. */
    private static final String BUSY_REPLY =
        "{\"response_type\":\"ephemeral\",\"text\":\"" + EnvelopeQueue.BUSY + "\"}";

    @Override
    public boolean acknowledge(String ack) {
      SlackSocket s = socket;
      if (s == null || !s.isOpen()) {
        return false;
      }
      try {
        s.send(ack);
        return true;
      } catch (RuntimeException e) { // closed meanwhile
        return false;
      }
    }

    @Override
    public void respondLater(String responseUrl, String message, String what) {
      outbox.send(
          responseUrl, // a queue of its own: no pause between different commands' replies
          "response_url",
          what,
          SendQueue.replyBytes(message.length()),
          () -> {
            WebhookResponse r = app.slack().send(responseUrl, message);
            return Delivery.fromHttp(r.getCode(), null, r.getBody());
          },
          // past the send queue's bound: the user is told the bot is busy, in the answer's place
          () -> {
            WebhookResponse r = app.slack().send(responseUrl, BUSY_REPLY);
            return Delivery.fromHttp(r.getCode(), null, r.getBody());
          },
          null);
    }

    @Override
    public void post(String channel, String thread, String text, String what) {
      String token = app.config().getSingleTeamBotToken();
      outbox.send(
          channel,
          "chat.postMessage",
          what,
          () -> {
            return Delivery.fromApi(
                app.client()
                    .chatPostMessage(
                        m -> m.token(token).channel(channel).threadTs(thread).text(text)));
          },
          null);
    }
  }
}

package msftchina.server;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.socket_mode.impl.SocketModeClientJavaWSImpl;
import com.slack.api.socket_mode.queue.impl.ConcurrentLinkedMessageQueue;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;

/**
 * The bot connected to Slack over Socket Mode (https://api.slack.com/apis/socket-mode): Slack's
 * Java-WebSocket client, running the same app as the HTTP server.
 *
 * <p>Slack's protocol: {@code apps.connections.open} gives a WebSocket URL; the server says {@code
 * hello}; every envelope is acknowledged with its {@code envelope_id} as soon as the app has run
 * (handlers return at once and answer from a worker), a slash command's reply going back as the
 * ack's {@code payload}; a {@code disconnect} message makes the client open a new connection.
 * Replies already acknowledged are posted by the app's workers, which outlive any connection.
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
  private final ScheduledExecutorService monitor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "socket-mode-monitor");
            t.setDaemon(true);
            return t;
          });
  private final CountDownLatch firstHello = new CountDownLatch(1);
  private volatile Client client;
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

  /** Creates a runner for {@code app} that connects with the app-level {@code appToken}. */
  public SocketModeRunner(App app, String appToken, Duration stopTimeout) {
    this.app = app;
    this.appToken = appToken;
    this.stopTimeout = stopTimeout;
  }

  /**
   * Opens the connection, waiting at most {@link #FIRST_WAIT} for Slack's hello; throws {@link
   * IllegalArgumentException} when Slack refuses the app token. When Slack can't be reached, it
   * says so in one log line and keeps trying in the background.
   */
  public void start() throws Exception {
    String url = open();
    Gson gson = GsonFactory.createSnakeCase(app.slack().getConfig());
    SocketModeRequestParser parser = new SocketModeRequestParser(app.config());
    Client c;
    try {
      c = new Client(url == null ? "wss://wss-primary.slack.com/link/" : url);
    } catch (URISyntaxException e) {
      throw new IOException("apps.connections.open gave a URL that is not one: " + e.getReason());
    }
    c.addWebSocketMessageListener(message -> acknowledge(c, parser, gson, message));
    c.addWebSocketCloseListener(this::closed);
    c.addWebSocketErrorListener(this::failed);
    client = c;
    if (url != null) {
      c.connect();
      synchronized (this) {
        nextCheck = System.nanoTime() + FIRST_WAIT.toNanos();
      }
    }
    // The client's own monitor is off (see Client); this one, every second.
    var unused = monitor.scheduleWithFixedDelay(this::maintain, 1, 1, TimeUnit.SECONDS);
    if (url != null) {
      firstHello.await(FIRST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
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
    Client c = client;
    if (stopping || c == null) {
      return;
    }
    synchronized (this) {
      if (System.nanoTime() - nextCheck < 0) {
        return;
      }
    }
    if (c.verifyConnection()) { // a ping answered within 3 s
      synchronized (this) {
        nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
      }
      return;
    }
    boolean wasConnected;
    synchronized (this) {
      wasConnected = connected;
    }
    if (wasConnected) {
      down("the connection to Slack stopped answering pings");
    }
    try {
      c.connectToNewEndpoint(); // a failure is reported by the client (see Client)
    } catch (IOException | RuntimeException e) {
      // reported
    }
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
    log.warn(
        "Socket Mode: {}; reconnecting now, then with pauses growing to {} s. Replies already"
            + " acknowledged are still posted; if this repeats, check that this machine reaches"
            + " slack.com and wss-primary.slack.com on port 443",
        what,
        LONGEST_PAUSE.toSeconds());
  }

  /** The client's close listener: a close other than a normal one (ours, a refresh) is a drop. */
  private void closed(int code, String reason) {
    if (code != 1000) {
      down(
          "the connection to Slack dropped ("
              + code
              + (reason == null || reason.isBlank() ? "" : ", " + reason)
              + ")");
    }
  }

  /** The client's error listener: a connection that failed to open, or failed while open. */
  private void failed(Throwable e) {
    if (stopping) {
      return;
    }
    if (connected()) {
      down("the connection to Slack failed: " + describe(e));
    } else {
      cannotConnect(describe(e));
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
   * Runs the app on one envelope and acknowledges it: with the reply as payload when the app gave a
   * JSON body, with the envelope id alone otherwise, even when the app failed, so that Slack
   * doesn't send it again to a bot that can't answer it. While stopping, envelopes are left
   * unacknowledged: Slack sends them again.
   */
  private void acknowledge(Client c, SocketModeRequestParser parser, Gson gson, String message) {
    if (stopping) {
      return;
    }
    SocketModeRequest request;
    try {
      request = parser.parse(message);
    } catch (JsonParseException | IllegalStateException e) {
      log.warn("socket mode: message not understood: {}", e.toString());
      return;
    }
    if (request == null) {
      if (isHello(message)) {
        hello();
      }
      return; // and messages that are not envelopes
    }
    JsonObject ack = new JsonObject();
    ack.addProperty("envelope_id", request.getEnvelope().getEnvelopeId());
    try {
      Response response = app.run(request.getBoltRequest());
      if (response.getStatusCode() == StopGate.STOPPING) {
        return; // not acknowledged: Slack sends it again, to this copy or another
      }
      if (response.getStatusCode() != 200) {
        log.warn(
            "socket mode: {} envelope answered {}",
            request.getBoltRequest().getRequestType(),
            response.getStatusCode());
      } else if (response.getBody() != null
          && !response.getBody().isEmpty()
          && response.getContentType() != null
          && response.getContentType().startsWith("application/json")) {
        ack.add("payload", gson.fromJson(response.getBody(), JsonElement.class));
      }
    } catch (Exception e) {
      log.error(
          "socket mode: {} envelope failed: {}",
          request.getBoltRequest().getRequestType(),
          e.toString());
    }
    try {
      c.sendSocketModeResponse(ack.toString());
    } catch (RuntimeException e) {
      log.warn(
          "socket mode: a {} envelope could not be acknowledged, the connection closed ({});"
              + " Slack sends it again",
          request.getBoltRequest().getRequestType(),
          e.getClass().getSimpleName());
    }
  }

  private static boolean isHello(String message) {
    try {
      JsonElement type = JsonParser.parseString(message).getAsJsonObject().get("type");
      return type != null && type.isJsonPrimitive() && "hello".equals(type.getAsString());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Closes the connection (envelopes not yet run are left unacknowledged, for Slack to send again),
   * then lets the app's pending work finish within the stop timeout.
   */
  public void stop() throws Exception {
    stopping = true;
    monitor.shutdownNow();
    Client c = client;
    if (c != null) {
      c.close();
    }
    app.executorService().shutdown();
    if (!app.executorService().awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
      app.executorService().shutdownNow();
    }
  }

  /**
   * Slack's Java-WebSocket client with its own session monitor off (this runner watches the
   * connection) and its log lines silenced (this runner says what they meant); a failure to open a
   * new connection is reported to the runner.
   */
  private final class Client extends SocketModeClientJavaWSImpl {

    Client(String url) throws URISyntaxException {
      super(
          app.slack(),
          appToken,
          url,
          DEFAULT_MESSAGE_PROCESSOR_CONCURRENCY,
          new ConcurrentLinkedMessageQueue(),
          true,
          false, // no session monitor of its own
          DEFAULT_SESSION_MONITOR_INTERVAL_MILLISECONDS);
    }

    @Override
    public void connectToNewEndpoint() throws IOException {
      try {
        super.connectToNewEndpoint();
      } catch (IOException | RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int error = message.indexOf("(error: ");
        if (e.getCause() instanceof SlackApiException api) {
          cannotConnect("apps.connections.open answered HTTP " + api.getResponse().code());
        } else if (e instanceof IllegalStateException && error >= 0) {
          cannotConnect(
              "apps.connections.open: Slack said "
                  + message.substring(error + 8).replaceFirst("\\).*", "")
                  + " (check SLACK_APP_TOKEN if this lasts)");
        } else {
          failed(e);
        }
        throw e;
      }
    }

    @Override
    public Logger getLogger() {
      return NOPLogger.NOP_LOGGER;
    }
  }
}

package msftchina.server;

import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one Socket Mode connection to Slack, kept open: {@code apps.connections.open} gives a
 * WebSocket URL, a {@link SlackSocket} opens it, and every message on the current connection goes
 * to the runner. The connection is watched here, not by a client's own monitor ({@link
 * ConnectionState}): every second while it is down, every 5 s (a ping) while it is up. One that
 * drops or can't be opened, at start or later, is opened again after pauses growing from 1 s to 60
 * s, for as long as it takes; on Slack's {@code disconnect} a new one is opened and the old one
 * closed.
 */
final class SlackConnection {

  /** How long start-up waits for a connection to open before going on without it. */
  static final Duration FIRST_WAIT = Duration.ofSeconds(3);

  /** apps.connections.open errors that say Slack is unwell rather than the token is wrong. */
  private static final Set<String> TRANSIENT =
      Set.of(
          "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

  private final App app;
  private final String appToken;
  private final int maxFrameBytes;
  private final ConnectionState state;
  private final Consumer<String> messages;
  private final ScheduledExecutorService monitor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "socket-mode-monitor");
            t.setDaemon(true);
            return t;
          });
  private volatile SlackSocket socket;

  /**
   * A connection for {@code app} with the app-level {@code appToken}, reading messages of at most
   * {@code maxFrameBytes}, noting its ups and downs in {@code state}, and handing each message of
   * the current connection to {@code messages} (on the connection's reader thread).
   */
  SlackConnection(
      App app,
      String appToken,
      int maxFrameBytes,
      ConnectionState state,
      Consumer<String> messages) {
    this.app = app;
    this.appToken = appToken;
    this.maxFrameBytes = maxFrameBytes;
    this.state = state;
    this.messages = messages;
  }

  /**
   * Asks Slack for a connection and opens it, waiting at most {@link #FIRST_WAIT}, then watches it
   * every second; returns whether Slack gave a URL. Throws {@link IllegalArgumentException} when
   * Slack refuses the app token. When Slack can't be reached, it says so in one log line and keeps
   * trying in the background.
   */
  boolean open() throws IOException {
    String url = url();
    if (url != null) {
      connect(url);
      state.checkAfter(FIRST_WAIT);
    }
    var unused = monitor.scheduleWithFixedDelay(this::maintain, 1, 1, TimeUnit.SECONDS);
    return url != null;
  }

  /** Returns the current connection, or null before the first. */
  SlackSocket current() {
    return socket;
  }

  /** Opens a new connection soon, on the monitor's thread: Slack asked for one. */
  void renew() {
    monitor.execute(this::reconnect); // Slack asks for a new connection, then closes this one
  }

  /** Stops watching the connection, and closes it. */
  void close() {
    monitor.shutdownNow();
    SlackSocket s = socket;
    if (s != null) {
      s.close();
    }
  }

  /**
   * Opens a connection to {@code url}, waiting at most {@link #FIRST_WAIT} for it, then closes the
   * one before it, if any: acks go on the new one.
   */
  private void connect(String url) throws IOException {
    SlackSocket next;
    try {
      next = new SlackSocket(new URI(url), maxFrameBytes, new Listener());
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
   * Asks Slack for a new connection and opens it; a failure is logged ({@link
   * ConnectionState#cannotConnect}), a refused token too, as it may be Slack's passing trouble once
   * the bot has started.
   */
  private void reconnect() {
    try {
      String url = url();
      if (url != null) {
        connect(url);
      }
    } catch (IllegalArgumentException e) {
      state.cannotConnect(e.getMessage());
    } catch (IOException e) {
      state.cannotConnect(e.getMessage());
    }
  }

  /**
   * Asks Slack for a connection's URL; returns null, with one log line, when Slack can't be reached
   * or fails, so that start-up goes on and the connection is opened later.
   */
  private String url() {
    AppsConnectionsOpenResponse open;
    try {
      open = app.client().appsConnectionsOpen(r -> r.token(appToken));
    } catch (SlackApiException e) {
      state.cannotConnect("apps.connections.open answered HTTP " + e.getResponse().code());
      return null;
    } catch (IOException e) {
      state.cannotConnect("apps.connections.open: " + ConnectionState.describe(e));
      return null;
    }
    if (open.isOk() && open.getUrl() != null) {
      return open.getUrl();
    }
    if (TRANSIENT.contains(open.getError())) {
      state.cannotConnect("apps.connections.open: Slack said " + open.getError());
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
    if (state.stopping() || !state.due()) {
      return;
    }
    try {
      if (s != null && s.answersPing(Duration.ofSeconds(3))) {
        state.checkAfter(ConnectionState.CHECK_EVERY);
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (state.connected()) {
      state.down("the connection to Slack stopped answering pings", true);
    }
    reconnect();
    state.tried();
  }

  /**
   * What the connections say, on their reader threads; a connection that is no longer the current
   * one (closed after a refresh) is not listened to.
   */
  private final class Listener implements SlackSocket.Listener {

    @Override
    public void message(SlackSocket from, String text) {
      if (from == socket) {
        messages.accept(text);
      }
    }

    /** A close other than a normal one (ours, a refresh) is a drop. */
    @Override
    public void closed(SlackSocket from, int code, String reason) {
      if (from != socket || code < 1000 || code == 1000) {
        return; // never opened (reported as a failure), closed by us, or an old connection
      }
      if (code == SlackSocket.TOO_BIG) {
        state.down(
            "Slack sent a message over "
                + (maxFrameBytes >> 10)
                + " KiB, bigger than any envelope this bot answers; it was not read, and the"
                + " connection was closed (Slack sends again what wasn't acknowledged)",
            false);
        return;
      }
      state.down(
          "the connection to Slack dropped ("
              + code
              + (reason == null || reason.isBlank() ? "" : ", " + reason)
              + ")",
          true);
    }

    /** A connection that failed to open, or failed while open. */
    @Override
    public void failed(SlackSocket from, Exception e) {
      if (state.stopping() || from != socket) {
        return;
      }
      if (state.connected()) {
        state.down("the connection to Slack failed: " + ConnectionState.describe(e), true);
      } else {
        state.cannotConnect(ConnectionState.describe(e));
      }
    }
  }
}

package msftchina.server;

import com.slack.api.bolt.App;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import msftchina.slack.SendQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot connected to Slack over Socket Mode (https://api.slack.com/apis/socket-mode), running the
 * same app as the HTTP server: the {@link Transport} chosen when {@code SLACK_APP_TOKEN} is set.
 *
 * <p>Slack's protocol: {@code apps.connections.open} gives a WebSocket URL; the server says {@code
 * hello}; every envelope is acknowledged with its {@code envelope_id} within 3 s, a slash command's
 * reply going back as the ack's {@code payload}; a {@code disconnect} message asks for a new
 * connection. Envelopes are run and acknowledged by an {@link EnvelopeQueue}, within its budget
 * whatever the backlog; the connection is a {@link SlackSocket}, which refuses messages bigger than
 * any envelope. Replies already acknowledged are posted by the outbox ({@link EnvelopeReplies}),
 * which outlives any connection. The SDK's {@code SocketModeRequestParser} turns envelopes into
 * Bolt's requests.
 *
 * <p>The SDK's Socket Mode client and its listener ({@code SocketModeApp}, {@code
 * SocketModeClient}) are not used: the client hands messages to its listeners from a queue that ten
 * tasks poll every 10 ms on one thread (some 1,000 envelopes a second at best: a burst of 2,000
 * slash commands was acknowledged after Slack's 3 s), acknowledges only after the app has run (no
 * ack budget, no bound in bytes on what waits), and reads frames of any size (a 10 MB frame ran a
 * 32 MiB heap out of memory); its monitor logs one line every 5 s while Slack is out of reach,
 * saying neither what happened nor what to do.
 *
 * <p>The connection is kept open by a {@link SlackConnection}.
 */
final class SocketModeRunner implements Transport {

  private static final Logger log = LoggerFactory.getLogger(SocketModeRunner.class);

  private final App app;
  private final SocketModeLimits limits;
  private final AppStop stop;
  private final ConnectionState state = new ConnectionState();
  private final SlackConnection connection;
  private final EnvelopeReplies replies;
  private final CountDownLatch firstHello = new CountDownLatch(1);
  private volatile EnvelopeQueue envelopes;

  /**
   * Creates a runner for the app of {@code stop}, stopped by it, that connects with the app-level
   * {@code appToken} within {@code limits}; replies sent after an envelope's ack go through {@code
   * outbox}.
   */
  SocketModeRunner(AppStop stop, String appToken, SocketModeLimits limits, SendQueue outbox) {
    this.app = stop.app();
    this.stop = stop;
    this.limits = limits;
    this.connection =
        new SlackConnection(app, appToken, limits.maxFrameBytes(), state, this::received);
    this.replies = new EnvelopeReplies(connection::current, app, outbox);
  }

  /**
   * Opens the connection, waiting at most {@link SlackConnection#FIRST_WAIT} for Slack's hello;
   * throws {@link IllegalArgumentException} when Slack refuses the app token. When Slack can't be
   * reached, it says so in one log line and keeps trying in the background.
   */
  @Override
  public void start() throws Exception {
    envelopes = new EnvelopeQueue(app, limits, replies);
    if (connection.open()) {
      firstHello.await(SlackConnection.FIRST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Returns whether the connection is open (Slack has said hello on it). */
  @Override
  public boolean connected() {
    return state.connected();
  }

  @Override
  public int port() {
    return 0;
  }

  @Override
  public String describe() {
    return connected()
        ? "connected over Socket Mode"
        : "not connected over Socket Mode yet (retrying in the background)";
  }

  /**
   * Reads one message of Slack's: hello, disconnect, or an envelope for the queue (only its {@link
   * MessageHead} is read here).
   */
  private void received(String text) {
    MessageHead head;
    try {
      head = MessageHead.read(text);
    } catch (IOException | RuntimeException e) {
      log.warn(
          "socket mode: a message from Slack is not JSON; ignored ({})",
          e.getClass().getSimpleName());
      return;
    }
    String type = head.type();
    String id = head.envelopeId();
    if ("hello".equals(type)) {
      if (state.hello()) {
        firstHello.countDown();
      }
    } else if ("disconnect".equals(type)) {
      connection.renew();
    } else if (id != null && type != null) {
      envelopes.accept(id, type, text);
    }
  }

  /**
   * Stops reading envelopes, lets those already acknowledged or running finish (envelopes not yet
   * acknowledged are left for Slack to send again), closes the connection, then lets the app's
   * pending work finish within the stop timeout. Call it before the app stops taking requests.
   */
  @Override
  public void stop() throws Exception {
    state.stop();
    try {
      EnvelopeQueue queue = envelopes;
      if (queue != null) {
        queue.stop(stop.timeout());
      }
      connection.close();
      stop.finishBackgroundWork();
    } finally {
      stop.closeGate(); // only now: the envelopes acknowledged were run, not answered 503
    }
  }
}

package msftchina.server;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot connected to Slack over Socket Mode (https://api.slack.com/apis/socket-mode): Bolt's
 * {@link SocketModeApp} on the Java-WebSocket backend, running the same app as the HTTP server.
 *
 * <p>Slack's protocol: {@code apps.connections.open} gives a WebSocket URL; the server says {@code
 * hello}; every envelope is acknowledged with its {@code envelope_id} as soon as the app has run
 * (handlers return at once and answer from a worker), a slash command's reply going back as the
 * ack's {@code payload}; a {@code disconnect} message makes the client open a new connection, and a
 * dropped one is reopened by the client's session monitor. Replies already acknowledged are posted
 * by the app's workers, which outlive any connection.
 */
public final class SocketModeRunner {

  private static final Logger log = LoggerFactory.getLogger(SocketModeRunner.class);

  private final App app;
  private final String appToken;
  private final Duration stopTimeout;
  private SocketModeApp socketMode;

  /** Creates a runner for {@code app} that connects with the app-level {@code appToken}. */
  public SocketModeRunner(App app, String appToken, Duration stopTimeout) {
    this.app = app;
    this.appToken = appToken;
    this.stopTimeout = stopTimeout;
  }

  /**
   * Opens the connection; throws {@link IllegalArgumentException} when Slack refuses the app token,
   * {@link IOException} when Slack can't be reached.
   */
  public void start() throws Exception {
    checkToken();
    SocketModeClient client;
    try {
      client = app.slack().socketMode(appToken, SocketModeClient.Backend.JavaWebSocket);
    } catch (IOException | RuntimeException e) {
      throw new IOException(
          "cannot open a Socket Mode connection ("
              + e.getClass().getSimpleName()
              + "); check SLACK_APP_TOKEN and that the app has Socket Mode enabled",
          e);
    }
    SocketModeRequestParser parser = new SocketModeRequestParser(app.config());
    Gson gson = GsonFactory.createSnakeCase(app.slack().getConfig());
    client.addWebSocketMessageListener(message -> acknowledge(client, parser, gson, message));
    socketMode = new SocketModeApp(client, app);
    socketMode.startAsync();
  }

  /** Asks Slack for a connection once, so that a refused app token stops start-up with one line. */
  private void checkToken() throws IOException {
    AppsConnectionsOpenResponse open;
    try {
      open = app.client().appsConnectionsOpen(r -> r.token(appToken));
    } catch (SlackApiException e) {
      throw new IOException(
          "cannot open a Socket Mode connection (HTTP " + e.getResponse().code() + ")");
    }
    if (!open.isOk()) {
      throw new IllegalArgumentException(
          "SLACK_APP_TOKEN was refused by Slack ("
              + open.getError()
              + "); make an app-level token with connections:write under Basic Information >"
              + " App-Level Tokens, and enable Socket Mode");
    }
  }

  /**
   * Runs the app on one envelope and acknowledges it: with the reply as payload when the app gave a
   * JSON body, with the envelope id alone otherwise, even when the app failed, so that Slack
   * doesn't send it again to a bot that can't answer it.
   */
  private void acknowledge(
      SocketModeClient client, SocketModeRequestParser parser, Gson gson, String message) {
    SocketModeRequest request;
    try {
      request = parser.parse(message);
    } catch (JsonParseException | IllegalStateException e) {
      log.warn("socket mode: message not understood: {}", e.toString());
      return;
    }
    if (request == null) {
      return; // hello, and messages that are not envelopes
    }
    JsonObject ack = new JsonObject();
    ack.addProperty("envelope_id", request.getEnvelope().getEnvelopeId());
    try {
      Response response = app.run(request.getBoltRequest());
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
    client.sendSocketModeResponse(ack.toString());
  }

  /** Closes the connection, then lets pending replies finish within the stop timeout. */
  public void stop() throws Exception {
    if (socketMode != null && socketMode.getClient() != null) {
      socketMode.getClient().close();
    }
    app.executorService().shutdown();
    if (!app.executorService().awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
      app.executorService().shutdownNow();
    }
  }
}

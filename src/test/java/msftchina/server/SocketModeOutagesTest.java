package msftchina.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import msftchina.app.MemoryStore;
import msftchina.slack.Delivery;
import msftchina.testing.LogCapture;
import msftchina.testing.RunningBot;
import msftchina.testing.SlackStandIn;
import msftchina.testing.SocketModeStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket Mode when Slack is out of reach (issue 19 item 3, issue 21 item 10): at start the bot
 * keeps trying instead of exiting; a drop and the failed reconnects after it are each logged once,
 * with what to do, and the reconnection once it happens.
 */
class SocketModeOutagesTest {

  @TempDir Path indexDir;

  @Test
  void slackOutOfReachAtStartIsRetriedInTheBackgroundAndSaidOnce() throws Exception {
    int apiPort = freePort();
    try (LogCapture log = new LogCapture()) {
      Bot bot = start("http://127.0.0.1:" + apiPort + "/api/");
      SlackStandIn slack = null;
      SocketModeStandIn socket = null;
      try {
        assertTrue(bot.socketMode());
        assertFalse(bot.connected(), "not connected while Slack is out of reach");
        Thread.sleep(1_500); // a retry or two fail meanwhile
        socket = new SocketModeStandIn();
        slack = new SlackStandIn(apiPort);
        slack.socketModeUrl(socket.url());
        assertTrue(socket.awaitConnections(1, Duration.ofSeconds(10)), "connected once reachable");
        JsonObject ack = command(socket, "env-after-outage", "who is the biggest AI customer?");
        assertTrue(ack.toString().contains("ByteDance"), ack.toString());
        assertTrue(bot.connected());
      } finally {
        bot.close();
        if (slack != null) {
          slack.close();
        }
        if (socket != null) {
          socket.close();
        }
      }
      List<String> lines = log.lines();
      String all = String.join("\n", lines);
      assertEquals(
          1,
          lines.stream()
              .filter(
                  l ->
                      l.endsWith(
                          "WARN SocketModeRunner - Socket Mode: cannot connect to Slack:"
                              + " apps.connections.open: connection refused or failed"
                              + " (ConnectException); retrying in the background with pauses"
                              + " growing to 60 s (logged again every 10 minutes while it fails)."
                              + " Check that this machine reaches slack.com and"
                              + " wss-primary.slack.com on port 443 (or SLACK_API_URL)"))
              .count(),
          all);
      assertEquals(1, count(lines, "Socket Mode: connected to Slack after "), all);
      assertNoStackTrace(all);
    }
  }

  @Test
  void aDropAndTheFailedReconnectsAfterItAreLoggedOnceThenTheReconnection() throws Exception {
    int socketPort = freePort();
    SocketModeStandIn socket = new SocketModeStandIn(socketPort);
    SlackStandIn slack = new SlackStandIn();
    slack.socketModeUrl(socket.url());
    try (LogCapture log = new LogCapture()) {
      Bot bot = start(slack.apiUrl());
      try {
        assertTrue(socket.awaitConnections(1, Duration.ofSeconds(10)));
        assertTrue(bot.connected());
        int opens = slack.calls("/api/apps.connections.open").size();
        socket.close(); // Slack's end goes away; reconnecting fails until it is back
        Thread.sleep(4_500);
        assertFalse(bot.connected());
        int retries = slack.calls("/api/apps.connections.open").size() - opens;
        assertTrue(retries >= 3, "reconnects tried: " + retries);
        List<String> during = log.lines();
        String text = String.join("\n", during);
        assertEquals(1, count(during, "Socket Mode: the connection to Slack dropped ("), text);
        assertEquals(
            1,
            count(
                during,
                "Socket Mode: cannot reconnect to Slack: connection refused or failed"
                    + " (ConnectException); retrying in the background"),
            text);
        assertTrue(
            during.stream()
                .anyMatch(
                    l ->
                        l.contains("dropped (")
                            && l.contains("reconnecting now, then with pauses growing to 60 s")
                            && l.contains("check that this machine reaches slack.com")),
            text);

        socket = new SocketModeStandIn(socketPort);
        slack.socketModeUrl(socket.url());
        assertTrue(socket.awaitConnections(1, Duration.ofSeconds(15)), "reconnected");
        assertTrue(
            command(socket, "env-after-drop", "who is the biggest AI customer?")
                .toString()
                .contains("ByteDance"));
        assertEquals(1, count(log.lines(), "Socket Mode: connected again to Slack after "));
      } finally {
        bot.close();
        slack.close();
        socket.close();
      }
      String all = String.join("\n", log.lines());
      assertFalse(all.contains("onError listener"), all);
      assertNoStackTrace(all);
    }
  }

  private Bot start(String apiUrl) throws Exception {
    return Bot.start(
        ServeConfig.from(
                Map.of(
                    "SLACK_APP_TOKEN",
                    RunningBot.APP_TOKEN,
                    "SLACK_BOT_TOKEN",
                    RunningBot.BOT_TOKEN,
                    "SLACK_API_URL",
                    apiUrl))
            .with(new Delivery(4, Duration.ofMillis(50), Duration.ofSeconds(2))),
        Path.of("facts"),
        indexDir,
        CompletableFuture.completedFuture(new MemoryStore()),
        line -> {});
  }

  private static JsonObject command(SocketModeStandIn socket, String id, String text)
      throws Exception {
    socket.send(
        SocketModeTest.envelope(
            id,
            "slash_commands",
            "{\"token\":\"unused\",\"team_id\":\"T0LOCAL\",\"channel_id\":\"C1\","
                + "\"user_id\":\"U123\",\"command\":\"/msftchina\",\"text\":\""
                + text
                + "\",\"api_app_id\":\"A0LOCAL\",\"response_url\":\"http://127.0.0.1:9/r\","
                + "\"trigger_id\":\"1.2.3\"}",
            true));
    JsonObject ack = socket.awaitAck(id, Duration.ofSeconds(3));
    assertNotNull(ack, "acknowledged");
    return ack;
  }

  private static long count(List<String> lines, String text) {
    return lines.stream().filter(l -> l.contains(text)).count();
  }

  private static void assertNoStackTrace(String log) {
    assertFalse(log.contains("\tat ") || log.contains("Exception:"), log);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}

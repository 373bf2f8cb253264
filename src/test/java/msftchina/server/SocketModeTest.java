package msftchina.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import msftchina.testing.Buttons;
import msftchina.testing.RunningBot;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bot over Socket Mode (https://api.slack.com/apis/socket-mode), against a real local WebSocket
 * server speaking Slack's envelope format: each envelope acknowledged with its id within 3 seconds,
 * the slash command's reply as the ack's payload, and reconnection after Slack asks for it or the
 * connection drops.
 */
class SocketModeTest {

  private static final Duration ACK_WITHIN = Duration.ofSeconds(3);
  private static RunningBot bot;

  @BeforeAll
  static void start() throws Exception {
    bot = RunningBot.startSocketMode(RunningBot.tempIndex());
  }

  @AfterAll
  static void stop() throws Exception {
    bot.close();
  }

  @Test
  void connectsWithTheUrlFromAppsConnectionsOpenUsingTheAppToken() {
    assertTrue(bot.bot.socketMode());
    List<SlackStandIn.Call> opens = bot.slack.calls("/api/apps.connections.open");
    assertTrue(!opens.isEmpty(), "apps.connections.open was called");
    assertEquals(
        "Bearer " + RunningBot.APP_TOKEN, opens.get(0).headers().get("authorization").get(0));
  }

  @Test
  void slashCommandIsAnsweredInTheAcksPayload() throws Exception {
    JsonObject ack =
        sendCommand("env-command-1", "who is Microsoft's biggest AI customer in China?");
    System.out.println("slash_commands ack: " + ack);
    JsonObject payload = ack.getAsJsonObject("payload");
    assertEquals("ephemeral", payload.get("response_type").getAsString());
    String blocks = payload.get("blocks").toString();
    assertTrue(blocks.contains("ByteDance leads as") && blocks.contains("[1, 2, 3, 4]"), blocks);
  }

  @Test
  void mentionIsAcknowledgedThenAnsweredInItsThread() throws Exception {
    bot.socket.send(
        envelope(
            "env-mention-1",
            "events_api",
            "{\"token\":\"unused\",\"team_id\":\"T0LOCAL\",\"api_app_id\":\"A0LOCAL\","
                + "\"event\":{\"type\":\"app_mention\",\"user\":\"U123\",\"text\":\"<@"
                + SlackStandIn.BOT_USER_ID
                + "> how fast is Azure AI revenue growing in China?\",\"ts\":\"1700000100.000100\","
                + "\"channel\":\"C77\",\"event_ts\":\"1700000100.000100\"},"
                + "\"type\":\"event_callback\",\"event_id\":\"EvSocket1\",\"event_time\":1700000100,"
                + "\"authorizations\":[{\"team_id\":\"T0LOCAL\",\"user_id\":\""
                + SlackStandIn.BOT_USER_ID
                + "\",\"is_bot\":true}]}",
            false));
    assertNotNull(bot.socket.awaitAck("env-mention-1", ACK_WITHIN), "acknowledged");
    SlackStandIn.Call post =
        bot.slack
            .await(
                c -> c.path().equals("/api/chat.postMessage") && "C77".equals(c.param("channel")),
                1,
                Duration.ofSeconds(5))
            .get(0);
    System.out.println("events_api app_mention -> chat.postMessage " + post.form());
    assertEquals("1700000100.000100", post.param("thread_ts"));
    assertTrue(post.param("blocks").contains("Azure"), post.param("blocks"));
  }

  @Test
  void anEnvelopeTheAppDoesNotHandleIsStillAcknowledgedSoSlackDoesNotResendIt() throws Exception {
    bot.socket.send(
        envelope(
            "env-unknown-1",
            "slash_commands",
            "{\"token\":\"unused\",\"team_id\":\"T0LOCAL\",\"channel_id\":\"C1\","
                + "\"user_id\":\"U123\",\"command\":\"/other\",\"text\":\"hi\","
                + "\"api_app_id\":\"A0LOCAL\",\"response_url\":\"http://127.0.0.1:9/r\","
                + "\"trigger_id\":\"1.2.3\"}",
            true));
    JsonObject ack = bot.socket.awaitAck("env-unknown-1", ACK_WITHIN);
    assertNotNull(ack, "acknowledged");
    assertEquals(List.of("envelope_id"), List.copyOf(ack.keySet()));
  }

  @Test
  void aRetriedEventIsAcknowledgedAgainButAnsweredOnce() throws Exception {
    for (int attempt = 0; attempt < 2; attempt++) {
      String id = "env-retry-" + attempt;
      bot.socket.send(
          envelope(
              id,
              "events_api",
              "{\"token\":\"unused\",\"team_id\":\"T0LOCAL\",\"api_app_id\":\"A0LOCAL\","
                  + "\"event\":{\"type\":\"app_mention\",\"user\":\"U123\",\"text\":\"<@"
                  + SlackStandIn.BOT_USER_ID
                  + "> who is the biggest AI customer?\",\"ts\":\"1700000900.000100\","
                  + "\"channel\":\"C78\",\"event_ts\":\"1700000900.000100\"},"
                  + "\"type\":\"event_callback\",\"event_id\":\"EvSocketRetry\","
                  + "\"event_time\":1700000900}",
              false));
      assertNotNull(bot.socket.awaitAck(id, ACK_WITHIN), "attempt " + attempt + " acknowledged");
    }
    // The retry is told from the first attempt and the answer queued before the acknowledgement:
    // with both attempts acknowledged and the send queue empty, no other answer can come.
    bot.slack.await(
        c -> c.path().equals("/api/chat.postMessage") && "C78".equals(c.param("channel")),
        1,
        ACK_WITHIN);
    bot.awaitRepliesSent(ACK_WITHIN);
    assertEquals(
        1,
        bot.slack.calls("/api/chat.postMessage").stream()
            .filter(c -> "C78".equals(c.param("channel")))
            .count(),
        "answered once");
  }

  @Test
  void shareButtonIsAcknowledgedAndPostsThroughTheResponseUrl() throws Exception {
    // the value the bot sent with the button, in its answer to the slash command
    String value =
        Buttons.shareValue(
            sendCommand("env-command-share", "who is the biggest AI customer in China?")
                .getAsJsonObject("payload"));
    bot.socket.send(
        envelope(
            "env-button-1",
            "interactive",
            "{\"type\":\"block_actions\",\"user\":{\"id\":\"U778\",\"username\":\"li\",\"team_id\":\"T0LOCAL\"},"
                + "\"api_app_id\":\"A0LOCAL\",\"token\":\"unused\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1.2\",\"channel_id\":\"C1\",\"is_ephemeral\":true},"
                + "\"trigger_id\":\"1.2.3\",\"team\":{\"id\":\"T0LOCAL\",\"domain\":\"local\"},"
                + "\"channel\":{\"id\":\"C1\",\"name\":\"general\"},"
                + "\"response_url\":\""
                + bot.slack.responseUrl("socket-share")
                + "\",\"actions\":[{\"action_id\":\"share_answer\",\"block_id\":\"b1\","
                + "\"text\":{\"type\":\"plain_text\",\"text\":\"Share in channel\"},"
                + "\"value\":\""
                + value
                + "\",\"type\":\"button\",\"action_ts\":\"1.3\"}]}",
            false));
    assertNotNull(bot.socket.awaitAck("env-button-1", ACK_WITHIN), "acknowledged");
    SlackStandIn.Call shared =
        bot.slack.await("/response/socket-share", 1, Duration.ofSeconds(5)).get(0);
    System.out.println("interactive block_actions -> response_url " + shared.body());
    assertTrue(shared.body().contains("in_channel") && shared.body().contains("ByteDance"));
  }

  @Test
  void reconnectsWhenAskedToRefreshAndWhenTheConnectionDrops() throws Exception {
    int before = bot.socket.connections();
    bot.socket.askToReconnect("refresh_requested");
    assertTrue(
        bot.socket.awaitConnections(before + 1, Duration.ofSeconds(10)),
        "a new connection after refresh_requested");
    assertTrue(
        sendCommand(
                "env-after-refresh", "Why can Microsoft sell OpenAI models to Chinese companies?")
            .toString()
            .contains("OpenAI"));

    bot.socket.dropConnections();
    assertTrue(
        bot.socket.awaitConnections(before + 2, Duration.ofSeconds(20)),
        "a new connection after the old one dropped");
    JsonObject ack =
        sendCommand("env-after-drop", "who is Microsoft's biggest AI customer in China?");
    System.out.println("after refresh and drop, slash_commands ack: " + ack);
    assertTrue(ack.toString().contains("ByteDance"), ack.toString());
  }

  private static JsonObject sendCommand(String envelopeId, String text) throws Exception {
    bot.socket.send(
        envelope(
            envelopeId,
            "slash_commands",
            "{\"token\":\"unused\",\"team_id\":\"T0LOCAL\",\"team_domain\":\"local\","
                + "\"channel_id\":\"C1\",\"channel_name\":\"general\",\"user_id\":\"U123\","
                + "\"user_name\":\"you\",\"command\":\"/msftchina\",\"text\":\""
                + text.replace("\"", "\\\"")
                + "\",\"api_app_id\":\"A0LOCAL\",\"response_url\":\""
                + bot.slack.responseUrl("socket-command")
                + "\",\"trigger_id\":\"1.2.3\"}",
            true));
    JsonObject ack = bot.socket.awaitAck(envelopeId, ACK_WITHIN);
    assertNotNull(ack, "no ack for " + envelopeId + " within 3 s");
    return ack;
  }

  /** Returns an envelope as Slack sends it over the socket. */
  static String envelope(String id, String type, String payload, boolean acceptsPayload) {
    return "{\"envelope_id\":\""
        + id
        + "\",\"payload\":"
        + payload
        + ",\"type\":\""
        + type
        + "\",\"accepts_response_payload\":"
        + acceptsPayload
        + (type.equals("events_api") ? ",\"retry_attempt\":0,\"retry_reason\":\"\"" : "")
        + "}";
  }
}

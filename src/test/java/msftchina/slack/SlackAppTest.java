package msftchina.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import msftchina.testing.Buttons;
import msftchina.testing.RunningBot;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Slack app over real HTTP: Slack-signed requests in, what users would see out. */
class SlackAppTest {

  private static final String POST_MESSAGE = "/api/chat.postMessage";

  /** A question asked after events that must not be answered, whose answer proves they weren't. */
  private static final String LATER = "how fast is azure ai growing in china";

  private static final String REPORT = "Microsoft's AI business with Chinese companies";
  private static RunningBot bot;

  @BeforeAll
  static void start() throws Exception {
    bot = RunningBot.start(RunningBot.tempIndex());
  }

  @AfterAll
  static void stop() throws Exception {
    bot.close();
  }

  // Slash commands: https://api.slack.com/interactivity/slash-commands

  @Test
  void slashCommandAnswersPrivatelyWithTheStatementItsCitationsAndReport() throws Exception {
    HttpResponse<String> response =
        bot.slashCommand("who is Microsoft's biggest AI customer in China?");
    assertEquals(200, response.statusCode());
    JsonObject reply = JsonParser.parseString(response.body()).getAsJsonObject();
    assertEquals("ephemeral", reply.get("response_type").getAsString());
    assertTrue(
        reply.get("text").getAsString().contains("ByteDance"),
        "notification fallback names the answer");
    String blocks = reply.get("blocks").toString();
    assertTrue(blocks.contains("ByteDance leads as"), blocks);
    assertTrue(blocks.contains("[1, 2, 3, 4]"), blocks);
    assertTrue(blocks.contains(REPORT), blocks);
    assertTrue(blocks.contains("*biggest*"), "matched words are bold: " + blocks);
    assertTrue(
        blocks.contains("\"action_id\":\"share_answer\""), "offers a share button: " + blocks);
  }

  @Test
  void echoedQuestionCannotPingAnyone() throws Exception {
    String body =
        bot.slashCommand(
                "<!channel> <!here> <@U123> <!subteam^S1|@team> & who is the biggest customer?")
            .body();
    String echo =
        JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("blocks").get(0).toString();
    assertTrue(
        echo.contains("&lt;!channel&gt;")
            && echo.contains("&lt;@U123&gt;")
            && echo.contains("&amp;"),
        echo);
    assertFalse(
        body.contains("<!channel>")
            || body.contains("<!here>")
            || body.contains("<@U123>")
            || body.contains("<!subteam"),
        body);
  }

  @Test
  void helpAndAnEmptyCommandGiveUsageWithThreeExampleQuestions() throws Exception {
    for (String text : List.of("help", "", "   ")) {
      String blocks =
          JsonParser.parseString(bot.slashCommand(text).body())
              .getAsJsonObject()
              .get("blocks")
              .toString();
      assertTrue(blocks.contains("/msftchina"), blocks);
      assertEquals(3, blocks.split("\\u2022").length - 1, "three examples: " + blocks);
    }
  }

  @Test
  void questionTheReportDoesNotCoverIsAnsweredPlainlyWithExamples() throws Exception {
    JsonObject reply =
        JsonParser.parseString(bot.slashCommand("What is Nvidia's revenue in Japan?").body())
            .getAsJsonObject();
    String blocks = reply.get("blocks").toString();
    assertTrue(
        reply.get("text").getAsString().startsWith("The report doesn't say anything about"),
        reply.toString());
    assertTrue(blocks.contains("Nvidia"), blocks);
    assertTrue(blocks.contains("Try asking"), blocks);
    assertFalse(blocks.contains("share_answer"), "nothing to share: " + blocks);
  }

  @Test
  void nearTopicQuestionSaysWhatTheReportLacksAndShowsTheClosestStatement() throws Exception {
    JsonObject reply =
        JsonParser.parseString(bot.slashCommand("How much does Tencent spend on Azure AI?").body())
            .getAsJsonObject();
    String blocks = reply.get("blocks").toString();
    assertEquals(
        "The report doesn't say how much Tencent spends on Azure AI.",
        reply.get("text").getAsString());
    assertTrue(blocks.contains("Closest in the report:"), blocks);
    assertTrue(blocks.contains("Other major Chinese firms using"), blocks);
    assertTrue(blocks.contains("[1, 2, 3, 4]"), blocks);
    assertFalse(blocks.contains("Try asking"), blocks);
    assertFalse(blocks.contains("share_answer"), "a refusal is not shared: " + blocks);
  }

  @Test
  void nearTopicRefusalEchoesTheAskersWordsEscapedAndWithoutMentions() throws Exception {
    JsonObject reply =
        JsonParser.parseString(
                bot.slashCommand("<!channel> How much does Tencent spend on Azure AI & cloud?")
                    .body())
            .getAsJsonObject();
    assertEquals(
        "The report doesn't say how much Tencent spends on Azure AI &amp; cloud.",
        reply.get("text").getAsString());
    assertFalse(reply.get("blocks").toString().contains("spends on Azure AI & cloud"));
  }

  @Test
  void nearTopicQuestionInChineseGetsChineseLabelsAroundTheEnglishStatement() throws Exception {
    String blocks =
        JsonParser.parseString(bot.slashCommand("腾讯每年在微软AI上花多少钱？").body())
            .getAsJsonObject()
            .get("blocks")
            .toString();
    assertTrue(blocks.contains("报告中最接近的内容："), blocks);
    assertTrue(blocks.contains("Other major Chinese firms using"), blocks);
  }

  // Block actions: https://api.slack.com/reference/interaction-payloads/block-actions

  @Test
  void shareButtonPostsTheSameAnswerToTheChannelSayingWhoShared() throws Exception {
    String value = Buttons.shareValue(bot, "who is the biggest AI customer in China?");
    String payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U777\",\"username\":\"ana\",\"team_id\":\"T0LOCAL\"},"
            + "\"api_app_id\":\"A0LOCAL\",\"token\":\"unused\",\"container\":{\"type\":\"message\",\"message_ts\":\"1.2\",\"channel_id\":\"C1\",\"is_ephemeral\":true},"
            + "\"trigger_id\":\"1.2.3\",\"team\":{\"id\":\"T0LOCAL\",\"domain\":\"local\"},\"channel\":{\"id\":\"C1\",\"name\":\"general\"},"
            + "\"response_url\":\""
            + bot.slack.responseUrl("share")
            + "\","
            + "\"actions\":[{\"action_id\":\"share_answer\",\"block_id\":\"b1\",\"text\":{\"type\":\"plain_text\",\"text\":\"Share in channel\"},"
            + "\"value\":\""
            + value
            + "\",\"type\":\"button\",\"action_ts\":\"1.3\"}]}";
    assertEquals(200, bot.interaction(payload).statusCode());
    List<SlackStandIn.Call> posts = bot.slack.await("/response/share", 1, Duration.ofSeconds(5));
    assertEquals(1, posts.size());
    JsonObject shared = JsonParser.parseString(posts.get(0).body()).getAsJsonObject();
    assertEquals("in_channel", shared.get("response_type").getAsString());
    String blocks = shared.get("blocks").toString();
    assertTrue(blocks.contains("ByteDance leads as") && blocks.contains("[1, 2, 3, 4]"), blocks);
    assertTrue(blocks.contains("Shared by <@U777>"), blocks);
    assertFalse(blocks.contains("share_answer"), "a shared answer has no share button: " + blocks);
  }

  // Events API: https://api.slack.com/apis/events-api

  @Test
  void mentionIsAnsweredInItsThreadWithoutTheMention() throws Exception {
    String event =
        "{\"type\":\"app_mention\",\"user\":\"U123\",\"text\":\"<@"
            + SlackStandIn.BOT_USER_ID
            + "> how much does bytedance spend on microsoft?\",\"ts\":\"1700000001.000100\",\"channel\":\"C42\",\"event_ts\":\"1700000001.000100\"}";
    assertEquals(200, bot.event("EvMention1", event, Map.of()).statusCode());
    SlackStandIn.Call post =
        bot.slack
            .await(
                c -> c.path().equals(POST_MESSAGE) && "C42".equals(c.param("channel")),
                1,
                Duration.ofSeconds(5))
            .get(0);
    assertEquals("1700000001.000100", post.param("thread_ts"));
    assertTrue(post.param("text").contains("ByteDance"), post.param("text"));
    assertTrue(post.param("blocks").contains("[1, 2, 3, 4]"), post.param("blocks"));
    assertFalse(
        post.param("blocks").contains(SlackStandIn.BOT_USER_ID),
        "the bot's mention is not part of the question");
    assertEquals(List.of("Bearer " + RunningBot.BOT_TOKEN), post.headers().get("authorization"));
  }

  @Test
  void mentionInsideAThreadIsAnsweredInThatThread() throws Exception {
    String event =
        "{\"type\":\"app_mention\",\"user\":\"U123\",\"text\":\"<@"
            + SlackStandIn.BOT_USER_ID
            + "> who testified to congress?\",\"ts\":\"1700000002.000200\",\"thread_ts\":\"1700000000.000001\",\"channel\":\"C43\",\"event_ts\":\"1700000002.000200\"}";
    bot.event("EvMention2", event, Map.of());
    SlackStandIn.Call post =
        bot.slack
            .await(
                c -> c.path().equals(POST_MESSAGE) && "C43".equals(c.param("channel")),
                1,
                Duration.ofSeconds(5))
            .get(0);
    assertEquals("1700000000.000001", post.param("thread_ts"));
    assertTrue(post.param("blocks").contains("Brad Smith"), post.param("blocks"));
  }

  @Test
  void bareMentionGetsUsage() throws Exception {
    String event =
        "{\"type\":\"app_mention\",\"user\":\"U123\",\"text\":\"<@"
            + SlackStandIn.BOT_USER_ID
            + ">\",\"ts\":\"1700000003.000300\",\"channel\":\"C44\",\"event_ts\":\"1700000003.000300\"}";
    bot.event("EvMention3", event, Map.of());
    SlackStandIn.Call post =
        bot.slack
            .await(
                c -> c.path().equals(POST_MESSAGE) && "C44".equals(c.param("channel")),
                1,
                Duration.ofSeconds(5))
            .get(0);
    assertTrue(post.param("blocks").contains("Try asking"), post.param("blocks"));
  }

  @Test
  void directMessageIsAnsweredInTheDirectMessage() throws Exception {
    String event =
        "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U123\",\"text\":\"how fast is azure ai growing in china\",\"ts\":\"1700000004.000400\",\"channel\":\"D45\",\"event_ts\":\"1700000004.000400\"}";
    assertEquals(200, bot.event("EvDm1", event, Map.of()).statusCode());
    SlackStandIn.Call post =
        bot.slack
            .await(
                c -> c.path().equals(POST_MESSAGE) && "D45".equals(c.param("channel")),
                1,
                Duration.ofSeconds(5))
            .get(0);
    assertTrue(post.param("blocks").contains("tripled"), post.param("blocks"));
  }

  @Test
  void aRetriedEventIsAnsweredOnce() throws Exception {
    String event =
        "{\"type\":\"app_mention\",\"user\":\"U123\",\"text\":\"<@"
            + SlackStandIn.BOT_USER_ID
            + "> who is the biggest customer\",\"ts\":\"1700000005.000500\",\"channel\":\"C46\",\"event_ts\":\"1700000005.000500\"}";
    assertEquals(200, bot.event("EvRetry1", event, Map.of()).statusCode());
    assertEquals(
        200,
        bot.event(
                "EvRetry1",
                event,
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
            .statusCode());
    assertEquals(
        200,
        bot.event(
                "EvRetry1",
                event,
                Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout"))
            .statusCode());
    assertEquals(
        200,
        bot.event(
                "EvRetry1Later",
                "{\"type\":\"app_mention\",\"user\":\"U123\",\"text\":\"<@"
                    + SlackStandIn.BOT_USER_ID
                    + "> "
                    + LATER
                    + "\",\"ts\":\"1700000005.000600\",\"channel\":\"C46\",\"event_ts\":\"1700000005.000600\"}",
                Map.of())
            .statusCode());
    List<SlackStandIn.Call> posts = answeredAfterAnythingEarlier("C46");
    assertEquals(2, posts.size(), "one answer to the event and one to the later one: " + posts);
    assertTrue(posts.get(0).param("blocks").contains("ByteDance"), posts.get(0).param("blocks"));
  }

  /**
   * Waits for the answer to {@link #LATER} in {@code channel} and returns every post to it: the bot
   * decides whether to answer an event before acknowledging it, and posts to a channel in order, so
   * once the later answer is there, any answer to an earlier event would be too.
   */
  private static List<SlackStandIn.Call> answeredAfterAnythingEarlier(String channel)
      throws InterruptedException {
    List<SlackStandIn.Call> later =
        bot.slack.await(
            c ->
                c.path().equals(POST_MESSAGE)
                    && channel.equals(c.param("channel"))
                    && c.param("blocks").contains(LATER),
            1,
            Duration.ofSeconds(5));
    assertEquals(1, later.size(), "the later question was answered once in " + channel);
    return bot.slack.calls(POST_MESSAGE).stream()
        .filter(c -> channel.equals(c.param("channel")))
        .toList();
  }

  @Test
  void messagesFromBotsAreNeverAnswered() throws Exception {
    String fromBot =
        "{\"type\":\"message\",\"subtype\":\"bot_message\",\"channel_type\":\"im\",\"bot_id\":\"BOTHER\",\"text\":\"who is the biggest customer\",\"ts\":\"1700000006.000600\",\"channel\":\"D47\",\"event_ts\":\"1700000006.000600\"}";
    String fromSelf =
        "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\""
            + SlackStandIn.BOT_USER_ID
            + "\",\"text\":\"who is the biggest customer\",\"ts\":\"1700000006.000700\",\"channel\":\"D47\",\"event_ts\":\"1700000006.000700\"}";
    assertEquals(200, bot.event("EvBot1", fromBot, Map.of()).statusCode());
    assertEquals(200, bot.event("EvBot2", fromSelf, Map.of()).statusCode());
    String fromPerson =
        "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U123\",\"text\":\""
            + LATER
            + "\",\"ts\":\"1700000006.000800\",\"channel\":\"D47\",\"event_ts\":\"1700000006.000800\"}";
    assertEquals(200, bot.event("EvBot3", fromPerson, Map.of()).statusCode());
    List<SlackStandIn.Call> posts = answeredAfterAnythingEarlier("D47");
    assertEquals(1, posts.size(), "only the person is answered: " + posts);
  }

  // Request verification: https://api.slack.com/authentication/verifying-requests-from-slack

  @Test
  void forgedSignatureIsRejected() throws Exception {
    SignedRequest real =
        SignedRequest.slashCommand(
            RunningBot.SIGNING_SECRET,
            "hi",
            bot.slack.responseUrl("x"),
            Instant.now().getEpochSecond());
    SignedRequest forged =
        SignedRequest.slashCommand(
            "not-the-secret", "hi", bot.slack.responseUrl("x"), Instant.now().getEpochSecond());
    assertEquals(
        401,
        bot.post(
                real.body(),
                "application/x-www-form-urlencoded",
                forged.timestamp(),
                forged.signature(),
                Map.of())
            .statusCode());
    assertEquals(
        401,
        bot.post(
                real.body() + "&extra=1",
                "application/x-www-form-urlencoded",
                real.timestamp(),
                real.signature(),
                Map.of())
            .statusCode());
    assertEquals(
        401,
        bot.post(real.body(), "application/x-www-form-urlencoded", null, null, Map.of())
            .statusCode());
  }

  @Test
  void urlVerificationReturnsTheChallenge() throws Exception {
    HttpResponse<String> response =
        bot.signedJson(
            "{\"token\":\"unused\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}",
            Map.of());
    assertEquals(200, response.statusCode());
    assertTrue(
        response.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"),
        response.body());
  }

  @Test
  void malformedUnsignedBodiesGetA4xxNeverAStackTrace() throws Exception {
    for (String[] bad :
        List.of(
            new String[] {"{not json", "application/json"},
            new String[] {"[1,2,3]", "application/json"},
            new String[] {"payload=%7Bnot+json", "application/x-www-form-urlencoded"},
            new String[] {
              "payload=%7B%22type%22%3A%22no_such_type%22%7D", "application/x-www-form-urlencoded"
            },
            new String[] {"", "application/json"})) {
      HttpResponse<String> response =
          bot.postBytes(bad[0].getBytes(java.nio.charset.StandardCharsets.UTF_8), bad[1]);
      assertTrue(
          response.statusCode() >= 400 && response.statusCode() < 500,
          bad[0] + " -> " + response.statusCode() + " " + response.body());
      assertFalse(
          response.body().contains("Exception") || response.body().contains("\tat "),
          response.body());
    }
  }

  @Test
  void bodyOverOneMebibyteIsRefusedAs413() throws Exception {
    byte[] huge = new byte[(1 << 20) + 10];
    java.util.Arrays.fill(huge, (byte) 'a');
    assertEquals(413, bot.postBytes(huge, "application/x-www-form-urlencoded").statusCode());
    assertEquals(200, bot.slashCommand("help").statusCode(), "the next request is served");
  }

  @Test
  void healthCheckAnswersOnceTheIndexIsOpen() throws Exception {
    HttpResponse<String> response = bot.get("/healthz");
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"facts\":12"), response.body());
  }
}

package msftchina.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import msftchina.testing.EventBodies;
import msftchina.testing.RunningBot;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The surfaces beyond the slash command, over real HTTP in Slack's documented payload formats:
 * lookups, the "Find in report" message shortcut, the Home tab, follow-ups in threads, and replies
 * in the asker's language.
 */
class SurfacesTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static RunningBot bot;

  @BeforeAll
  static void start() throws Exception {
    bot = RunningBot.start(RunningBot.tempIndex());
  }

  @AfterAll
  static void stop() throws Exception {
    bot.close();
  }

  // --- /msftchina find WORDS ---

  @Test
  void findListsEveryMatchingStatementInReportOrderWithCitations() throws Exception {
    String body = bot.slashCommand("find tencent | bytedance").body();
    System.out.println("/msftchina find tencent | bytedance -> " + body);
    JsonObject reply = JsonParser.parseString(body).getAsJsonObject();
    assertEquals("ephemeral", reply.get("response_type").getAsString());
    String blocks = reply.get("blocks").toString();
    assertTrue(blocks.contains("2 statement(s) with `tencent | bytedance`"), blocks);
    assertTrue(blocks.indexOf("ByteDance leads") < blocks.indexOf("Tencent Holdings"), blocks);
    assertTrue(blocks.contains("[1, 2, 3, 4]"), blocks);
  }

  @ParameterizedTest(name = "find {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nvidia                 | No statement in the report matches",
        "\"unclosed             | No statement in the report matches",
        "<!channel> tencent     | No statement in the report matches `&lt;!channel&gt; tencent`.",
        "微软                    | 报告中没有陈述符合"
      })
  void findThatMatchesNothingSaysSoEscapingTheWords(String words, String expected)
      throws Exception {
    String body = bot.slashCommand("find " + words).body();
    String text = JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    assertTrue(text.startsWith(expected), body);
    assertFalse(text.contains("<!channel>"), body);
  }

  // --- Message shortcut: https://api.slack.com/reference/interaction-payloads/shortcuts ---

  @Test
  void findInReportAnswersTheMessagesQuestionPrivatelyWithAShareButton() throws Exception {
    bot.interaction(
        messageAction(
            "shortcut-1",
            "Morning all. I was reading about this yesterday. Who is Microsoft's biggest AI"
                + " customer in China? Let's discuss at standup."));
    SlackStandIn.Call reply = bot.slack.await("/response/shortcut-1", 1, WAIT).get(0);
    System.out.println("message_action find_in_report -> response_url " + reply.body());
    JsonObject sent = JsonParser.parseString(reply.body()).getAsJsonObject();
    assertEquals("ephemeral", sent.get("response_type").getAsString());
    String blocks = sent.get("blocks").toString();
    assertTrue(blocks.contains("ByteDance leads as") && blocks.contains("[1, 2, 3, 4]"), blocks);
    assertTrue(blocks.contains("share_answer"), blocks);
  }

  @Test
  void findInReportRefusesPrivatelyWhenTheReportDoesNotSay() throws Exception {
    bot.interaction(messageAction("shortcut-2", "Anyone know Nvidia's revenue in Japan?"));
    SlackStandIn.Call reply = bot.slack.await("/response/shortcut-2", 1, WAIT).get(0);
    JsonObject sent = JsonParser.parseString(reply.body()).getAsJsonObject();
    assertEquals("ephemeral", sent.get("response_type").getAsString());
    assertTrue(
        sent.get("text").getAsString().startsWith("The report doesn't say anything about"),
        reply.body());
  }

  @Test
  void findInReportWithoutAResponseUrlAnswersByPostEphemeral() throws Exception {
    String payload = messageAction("unused", "who is the biggest AI customer in China?");
    payload = payload.replaceAll(",\"response_url\":\"[^\"]*\"", "");
    bot.interaction(payload);
    SlackStandIn.Call post =
        bot.slack
            .await(
                c -> c.path().equals("/api/chat.postEphemeral") && "C55".equals(c.param("channel")),
                1,
                WAIT)
            .get(0);
    assertEquals("U555", post.param("user"));
    assertTrue(post.param("blocks").contains("ByteDance"), post.param("blocks"));
  }

  @Test
  void findInReportEchoesTheMessageEscapedSoItCannotPingAnyone() throws Exception {
    bot.interaction(
        messageAction("shortcut-3", "<!channel> <@U42> who is the biggest AI customer in China?"));
    String body = bot.slack.await("/response/shortcut-3", 1, WAIT).get(0).body();
    JsonObject sent = JsonParser.parseString(body).getAsJsonObject();
    String echo = sent.getAsJsonArray("blocks").get(0).toString();
    assertTrue(echo.contains("&lt;!channel&gt;"), echo);
    assertFalse(sent.get("text").getAsString().contains("<!channel>"), body);
    assertTrue(sent.get("blocks").toString().contains("ByteDance"), body);
  }

  /** Payloads shaped unlike Slack's usual ones: acknowledged, never a 500, never a crash. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "shortcut on a message without text | {\"type\":\"message_action\",\"callback_id\":\"find_in_report\",\"user\":{\"id\":\"U1\"},\"channel\":{\"id\":\"C1\"},\"message\":{\"type\":\"message\",\"ts\":\"1.1\"},\"response_url\":\"http://127.0.0.1:9/r\",\"team\":{\"id\":\"T0LOCAL\"}}",
        "shortcut without a message         | {\"type\":\"message_action\",\"callback_id\":\"find_in_report\",\"user\":{\"id\":\"U1\"},\"channel\":{\"id\":\"C1\"},\"team\":{\"id\":\"T0LOCAL\"}}",
        "home button without a value        | {\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"},\"container\":{\"type\":\"view\"},\"actions\":[{\"action_id\":\"home_example_9\",\"type\":\"button\"}]}"
      })
  void oddlyShapedPayloadsAreAcknowledged(String what, String payload) throws Exception {
    int status = bot.interaction(payload).statusCode();
    assertTrue(status == 200 || status == 400, what + ": " + status);
  }

  @Test
  void openingTheMessagesTabPublishesNothing() throws Exception {
    bot.event(
        "EvHomeMessages",
        "{\"type\":\"app_home_opened\",\"user\":\"UHOME3\",\"channel\":\"D0HOME\","
            + "\"tab\":\"messages\",\"event_ts\":\"1700000200.000200\"}",
        Map.of());
    // The user then opens the Home tab: its view is published after anything queued before it.
    bot.event(
        "EvHomeThenHome",
        "{\"type\":\"app_home_opened\",\"user\":\"UHOME3\",\"channel\":\"D0HOME\","
            + "\"tab\":\"home\",\"event_ts\":\"1700000200.000300\"}",
        Map.of());
    List<SlackStandIn.Call> published = publishedFor("UHOME3", 1);
    assertEquals(1, published.size(), "the Home tab's view only: " + published);
    assertTrue(published.get(0).param("view").contains("\"type\":\"home\""));
  }

  // --- App Home: https://api.slack.com/events/app_home_opened ---

  @Test
  void homeTabShowsTheReportWhatItCoversHowToAskAndExampleButtons() throws Exception {
    bot.event(
        "EvHome1",
        "{\"type\":\"app_home_opened\",\"user\":\"UHOME1\",\"channel\":\"D0HOME\",\"tab\":\"home\","
            + "\"event_ts\":\"1700000200.000100\"}",
        Map.of());
    SlackStandIn.Call publish = publishedFor("UHOME1", 1).get(0);
    System.out.println("app_home_opened -> views.publish " + publish.form());
    String view = publish.param("view");
    assertTrue(view.contains("\"type\":\"home\""), view);
    assertTrue(view.contains("AI business with Chinese companies"), view);
    for (int paragraph = 1; paragraph <= 6; paragraph++) {
      assertTrue(view.contains("\u00b6" + paragraph + " "), "paragraph " + paragraph + ": " + view);
    }
    assertTrue(view.contains("Find in report") && view.contains("/msftchina find"), view);
    assertTrue(view.contains("home_example_0") && view.contains("home_example_2"), view);
  }

  @Test
  void homeExampleButtonAnswersInTheHomeTab() throws Exception {
    String payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"UHOME2\",\"username\":\"mei\",\"team_id\":\"T0LOCAL\"},"
            + "\"api_app_id\":\"A0LOCAL\",\"token\":\"unused\",\"container\":{\"type\":\"view\",\"view_id\":\"V0LOCAL\"},"
            + "\"trigger_id\":\"1.2.3\",\"team\":{\"id\":\"T0LOCAL\",\"domain\":\"local\"},"
            + "\"view\":{\"id\":\"V0LOCAL\",\"type\":\"home\",\"blocks\":[],\"hash\":\"1.x\"},"
            + "\"actions\":[{\"action_id\":\"home_example_0\",\"block_id\":\"b1\","
            + "\"text\":{\"type\":\"plain_text\",\"text\":\"Who is Microsoft's biggest AI customer in China?\"},"
            + "\"value\":\"Who is Microsoft's biggest AI customer in China?\",\"type\":\"button\",\"action_ts\":\"1.3\"}]}";
    assertEquals(200, bot.interaction(payload).statusCode());
    String view = publishedFor("UHOME2", 1).get(0).param("view");
    System.out.println("block_actions home_example_0 -> views.publish view=" + view);
    assertTrue(view.contains("home_example_0"), "the examples stay: " + view);
    assertTrue(view.contains("ByteDance leads as") && view.contains("[1, 2, 3, 4]"), view);
  }

  // --- Follow-ups in threads ---

  @Test
  void mentionInAThreadTheBotAnsweredIsReadWithTheThreadsQuestion() throws Exception {
    bot.event(
        "EvThread1",
        EventBodies.appMention(
            "C900", "1700000300.000100", null, "who is Microsoft's biggest AI customer in China?"),
        Map.of());
    postsTo("C900", 1);
    bot.event(
        "EvThread2",
        EventBodies.appMention(
            "C900", "1700000301.000100", "1700000300.000100", "how much does it spend?"),
        Map.of());
    SlackStandIn.Call followUp = postsTo("C900", 2).get(1);
    System.out.println("app_mention follow-up -> chat.postMessage " + followUp.form());
    assertEquals("1700000300.000100", followUp.param("thread_ts"));
    String blocks = followUp.param("blocks");
    assertTrue(blocks.contains("how much does ByteDance spend?"), blocks);
    assertTrue(blocks.contains("*Q:* how much does it spend?"), blocks);
    assertTrue(blocks.contains("over US$1 billion annually"), blocks);
  }

  @Test
  void questionThatStandsOnItsOwnInAThreadIsAnsweredAsItIs() throws Exception {
    bot.event(
        "EvThread3",
        EventBodies.appMention(
            "C901", "1700000400.000100", null, "who is Microsoft's biggest AI customer in China?"),
        Map.of());
    postsTo("C901", 1);
    bot.event(
        "EvThread4",
        EventBodies.appMention(
            "C901",
            "1700000401.000100",
            "1700000400.000100",
            "How fast is Azure's AI revenue growing in China?"),
        Map.of());
    String blocks = postsTo("C901", 2).get(1).param("blocks");
    assertFalse(blocks.contains("Read with this thread"), blocks);
    assertTrue(blocks.contains("tripled"), blocks);
  }

  @ParameterizedTest(name = "thread under {0}")
  @CsvSource({
    "the question, D900, 1700000500.000100",
    // the ts the stand-in gave the bot's answer
    "the bot's answer, D901, ANSWER"
  })
  void anyMessageInADirectMessageThreadIsReadWithTheThreadsQuestion(
      String under, String channel, String thread) throws Exception {
    bot.event(
        "EvDm1" + channel,
        directMessage(
            channel, "1700000500.000100", null, "who is Microsoft's biggest AI customer in China?"),
        Map.of());
    postsTo(channel, 1);
    String threadTs =
        thread.equals("ANSWER")
            ? bot.slack.posted().stream()
                .filter(p -> p.channel().equals(channel))
                .findFirst()
                .orElseThrow()
                .ts()
            : thread;
    bot.awaitRepliesSent(WAIT); // the bot notes its answer's ts before it is done sending it
    bot.event(
        "EvDm2" + channel,
        directMessage(channel, "1700000501.000100", threadTs, "how much does it spend?"),
        Map.of());
    SlackStandIn.Call reply = postsTo(channel, 2).get(1);
    System.out.println(
        "message.im in a thread under " + under + " -> chat.postMessage " + reply.form());
    assertTrue(
        reply.param("blocks").contains("how much does ByteDance spend?"), reply.param("blocks"));
  }

  // --- The asker's language ---

  @Test
  void aQuestionInChineseGetsChineseWordsAroundTheReportsEnglishStatements() throws Exception {
    String body = bot.slashCommand("微软在中国最大的AI客户是谁？").body();
    System.out.println("/msftchina 微软在中国最大的AI客户是谁？ -> " + body);
    String blocks = JsonParser.parseString(body).getAsJsonObject().get("blocks").toString();
    assertTrue(blocks.contains("问：") && blocks.contains("分享到频道"), blocks);
    assertTrue(blocks.contains("ByteDance leads as"), "the statement stays English: " + blocks);
    assertFalse(blocks.contains("Share in channel"), blocks);
  }

  @Test
  void aChineseQuestionTheReportDoesNotCoverIsRefusedInChinese() throws Exception {
    String body = bot.slashCommand("英伟达在日本的收入是多少？").body();
    JsonObject reply = JsonParser.parseString(body).getAsJsonObject();
    assertTrue(reply.get("text").getAsString().startsWith("报告没有提到"), body);
    assertTrue(reply.get("blocks").toString().contains("可以这样问"), body);
  }

  @Test
  void helpInChineseIsInChinese() throws Exception {
    String blocks =
        JsonParser.parseString(bot.slashCommand("帮助").body())
            .getAsJsonObject()
            .get("blocks")
            .toString();
    assertTrue(blocks.contains("向我提问") && blocks.contains("/msftchina"), blocks);
  }

  // --- Helpers ---

  private static List<SlackStandIn.Call> publishedFor(String user, int count)
      throws InterruptedException {
    List<SlackStandIn.Call> calls =
        bot.slack.await(
            c -> c.path().equals("/api/views.publish") && user.equals(c.param("user_id")),
            count,
            WAIT);
    assertEquals(count, calls.size(), "views.publish calls for " + user);
    return calls;
  }

  private static List<SlackStandIn.Call> postsTo(String channel, int count)
      throws InterruptedException {
    List<SlackStandIn.Call> calls =
        bot.slack.await(
            c -> c.path().equals("/api/chat.postMessage") && channel.equals(c.param("channel")),
            count,
            WAIT);
    assertEquals(count, calls.size(), "posts to " + channel);
    return calls;
  }

  private static String directMessage(String channel, String ts, String threadTs, String text) {
    return "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U123\",\"text\":\""
        + text
        + "\",\"ts\":\""
        + ts
        + "\","
        + (threadTs == null ? "" : "\"thread_ts\":\"" + threadTs + "\",")
        + "\"channel\":\""
        + channel
        + "\",\"event_ts\":\""
        + ts
        + "\"}";
  }

  /** A message_action payload for "Find in report" on a message saying {@code text}. */
  private static String messageAction(String responseName, String text) {
    return "{\"type\":\"message_action\",\"token\":\"unused\",\"action_ts\":\"1700000600.000001\","
        + "\"team\":{\"id\":\"T0LOCAL\",\"domain\":\"local\"},"
        + "\"user\":{\"id\":\"U555\",\"name\":\"ana\"},"
        + "\"channel\":{\"id\":\"C55\",\"name\":\"general\"},"
        + "\"callback_id\":\"find_in_report\",\"trigger_id\":\"1.2.3\","
        + "\"message_ts\":\"1700000599.000100\","
        + "\"message\":{\"type\":\"message\",\"user\":\"U9\",\"ts\":\"1700000599.000100\",\"text\":\""
        + text
        + "\"},"
        + "\"response_url\":\""
        + bot.slack.responseUrl(responseName)
        + "\"}";
  }
}

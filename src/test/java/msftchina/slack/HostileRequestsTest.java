package msftchina.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import msftchina.testing.RunningBot;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever a signed request carries, the bot answers: hostile questions get an answer, "the report
 * doesn't say" or usage, with HTTP 200; bytes that aren't UTF-8, events it doesn't handle and
 * interactivity payloads it doesn't know never get a 5xx.
 */
class HostileRequestsTest {

  private static final String POST_MESSAGE = "/api/chat.postMessage";
  private static final String REPORT = "Microsoft's AI business with Chinese companies";
  private static final AtomicInteger channels = new AtomicInteger();
  private static RunningBot bot;

  @BeforeAll
  static void start() throws Exception {
    bot = RunningBot.start(RunningBot.tempIndex());
  }

  @AfterAll
  static void stop() throws Exception {
    bot.close();
  }

  static Stream<Arguments> hostileQuestions() {
    return Stream.of(
        Arguments.of("10,000 letters", "a".repeat(10_000)),
        Arguments.of(
            "10,000 characters of the report's words",
            "ByteDance biggest customer China ".repeat(400).substring(0, 10_000)),
        Arguments.of("10,000 emoji", "\uD83D\uDE00".repeat(10_000)),
        Arguments.of(
            "10,000 characters of Lucene syntax",
            "a:b AND (c OR \"d\"~2)^3 [x TO y] /.*/ ".repeat(300).substring(0, 10_000)),
        Arguments.of(
            "control characters",
            "\u0000\u0007who is the\u001B[31m biggest\u0008 customer\u007F\u0085?"),
        Arguments.of("only control characters", "\u0001\u0002\u0003\u001F\u007F"),
        Arguments.of("newlines and tabs", "who\nis\tthe\r\nbiggest\u000Bcustomer\u000C?"),
        Arguments.of(
            "right-to-left marks",
            "\u200Fwho is the\u200E \u202Ebiggest\u202C \u2067customer\u2069?"),
        Arguments.of("only right-to-left marks", "\u200F\u202E\u2067"),
        Arguments.of("zero-width characters", "Byte\u200BDance\u200C \u200Dspending\uFEFF"),
        Arguments.of("only zero-width characters", "\u200B\u200C\u200D\uFEFF\u2060"),
        Arguments.of(
            "emoji",
            "\uD83E\uDD16 who is the \uD83D\uDCB0 biggest customer \uD83D\uDC4D\uD83C\uDFFD\u200D\u2640\uFE0F?"),
        Arguments.of(
            "only emoji",
            "\uD83D\uDE00\uD83C\uDDE8\uD83C\uDDF3\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"),
        Arguments.of(
            "Lucene syntax",
            "title:foo AND bar~2 OR \"x\"^3 [a TO b] {c TO d} /re.*/ +must -not !no && || \\"),
        Arguments.of(
            "Lucene syntax around words",
            "(ByteDance)^10 AND (Azure OR \"OpenAI\")^0.1 Micro* Byte?ance~"),
        Arguments.of("Lucene special characters only", "+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /"),
        Arguments.of("unbalanced quotes and brackets", "\"ByteDance (( [[ {{ customer"),
        Arguments.of("unpaired surrogates", "ByteDance \uD800 revenue \uDC00 end \uD83D"),
        Arguments.of(
            "Slack markup",
            "<!channel> <!here> <@U123|bob> <#C1|general> <https://evil.example|click> &amp; &lt;b&gt; biggest customer"),
        Arguments.of(
            "Chinese",
            "\u5FAE\u8F6F\u5728\u4E2D\u56FD\u6700\u5927\u7684AI\u5BA2\u6237\u662F\u8C01\uFF1F"),
        Arguments.of(
            "combining marks", "Byte\u0301\u0301\u0301Dance re\u0300venue Z\u0336\u0335\u0334"),
        Arguments.of(
            "format strings and injections",
            "%s %n %d {0} ${jndi:ldap://x/a} '; DROP TABLE facts; -- <script>alert(1)</script>"),
        Arguments.of("only punctuation", "?!.,;:'\"()[]{}<>/\\|@#$%^&*-_=+`~"),
        Arguments.of("the word help with invisible marks", "\u200Bhelp\u200F"));
  }

  // Slash commands: https://api.slack.com/interactivity/slash-commands

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileQuestions")
  void slashCommandWithAHostileQuestionIsAnswered(String description, String question)
      throws Exception {
    HttpResponse<String> response = bot.slashCommand(question);
    assertEquals(200, response.statusCode(), response.body());
    JsonObject reply = JsonParser.parseString(response.body()).getAsJsonObject();
    assertEquals("ephemeral", reply.get("response_type").getAsString());
    assertTrue(reply.getAsJsonArray("blocks").size() > 0, response.body());
    assertIsAReply(reply.get("text").getAsString());
  }

  // Events API: https://api.slack.com/events/app_mention

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileQuestions")
  void mentionWithAHostileQuestionIsAnsweredInItsThread(String description, String question)
      throws Exception {
    String channel = "CHOSTILE" + channels.incrementAndGet();
    JsonObject event = new JsonObject();
    event.addProperty("type", "app_mention");
    event.addProperty("user", "U123");
    event.addProperty("text", "<@" + SlackStandIn.BOT_USER_ID + "> " + question);
    event.addProperty("ts", "1700000200.000100");
    event.addProperty("channel", channel);
    event.addProperty("event_ts", "1700000200.000100");

    HttpResponse<String> response = bot.event("EvHostile-" + channel, event.toString(), Map.of());
    assertEquals(200, response.statusCode(), response.body());
    List<SlackStandIn.Call> posts =
        bot.slack.await(
            c -> c.path().equals(POST_MESSAGE) && channel.equals(c.param("channel")),
            1,
            Duration.ofSeconds(5));
    assertEquals(1, posts.size(), "one reply in " + channel);
    assertEquals("1700000200.000100", posts.get(0).param("thread_ts"));
    assertIsAReply(posts.get(0).param("text"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileQuestions")
  void directMessageWithAHostileQuestionIsAnswered(String description, String question)
      throws Exception {
    String channel = "DHOSTILE" + channels.incrementAndGet();
    JsonObject event = new JsonObject();
    event.addProperty("type", "message");
    event.addProperty("channel_type", "im");
    event.addProperty("user", "U123");
    event.addProperty("text", question);
    event.addProperty("ts", "1700000300.000100");
    event.addProperty("channel", channel);
    event.addProperty("event_ts", "1700000300.000100");

    assertEquals(200, bot.event("EvHostile-" + channel, event.toString(), Map.of()).statusCode());
    List<SlackStandIn.Call> posts =
        bot.slack.await(
            c -> c.path().equals(POST_MESSAGE) && channel.equals(c.param("channel")),
            1,
            Duration.ofSeconds(5));
    assertEquals(1, posts.size(), "one reply in " + channel);
    assertIsAReply(posts.get(0).param("text"));
  }

  // Bytes that are not UTF-8

  static Stream<Arguments> invalidUtf8() {
    return Stream.of(
        Arguments.of("lone continuation byte", new byte[] {(byte) 0x80}),
        Arguments.of(
            "bytes never used in UTF-8",
            new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC0, (byte) 0xC1, (byte) 0xF5}),
        Arguments.of("overlong slash", new byte[] {(byte) 0xC0, (byte) 0xAF}),
        Arguments.of("encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
        Arguments.of("truncated sequence", new byte[] {(byte) 0xE4, (byte) 0xB8}),
        Arguments.of(
            "code point beyond U+10FFFF",
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
        Arguments.of(
            "Latin-1 text", "caf\u00E9 na\u00EFve ByteDance".getBytes(StandardCharsets.ISO_8859_1)),
        Arguments.of("NUL bytes", new byte[] {0, 0, 'a', 0}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  void slashCommandWithInvalidUtf8IsAnswered(String description, byte[] bad) throws Exception {
    for (boolean percentEncoded : new boolean[] {false, true}) {
      byte[] text =
          concat(
              "who is the biggest customer ".getBytes(StandardCharsets.UTF_8),
              percentEncoded ? percentEncode(bad) : bad);
      byte[] body =
          concat(
              "token=unused&team_id=T0LOCAL&channel_id=C0LOCAL&user_id=U0LOCAL&command=%2Fmsftchina&text="
                  .getBytes(StandardCharsets.UTF_8),
              text,
              ("&response_url="
                      + URLEncoder.encode(bot.slack.responseUrl("utf8"), StandardCharsets.UTF_8)
                      + "&trigger_id=0.0.local")
                  .getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> response = bot.postBytes(body, "application/x-www-form-urlencoded");
      assertEquals(
          200,
          response.statusCode(),
          (percentEncoded ? "percent-encoded: " : "raw: ") + response.body());
      assertIsAReply(
          JsonParser.parseString(response.body()).getAsJsonObject().get("text").getAsString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  void eventsAndInteractionsWithInvalidUtf8NeverGet5xx(String description, byte[] bad)
      throws Exception {
    String channel = "CUTF8" + channels.incrementAndGet();
    byte[] event =
        concat(
            ("{\"token\":\"unused\",\"team_id\":\"T0LOCAL\",\"api_app_id\":\"A0LOCAL\",\"type\":\"event_callback\",\"event_id\":\"Ev"
                    + channel
                    + "\",\"event_time\":1700000400,"
                    + "\"event\":{\"type\":\"app_mention\",\"user\":\"U123\",\"ts\":\"1700000400.000100\",\"channel\":\""
                    + channel
                    + "\",\"text\":\"<@"
                    + SlackStandIn.BOT_USER_ID
                    + "> biggest customer ")
                .getBytes(StandardCharsets.UTF_8),
            bad,
            "\"}}".getBytes(StandardCharsets.UTF_8));
    assertNo5xx("event", bot.postBytes(event, "application/json"));
    assertNo5xx(
        "event, truncated",
        bot.postBytes(
            concat(
                "{\"type\":\"event_callback\",\"event\":{\"type\":\"app_mention\",\"text\":\""
                    .getBytes(StandardCharsets.UTF_8),
                bad),
            "application/json"));
    assertNo5xx("whole body", bot.postBytes(bad, "application/json"));
    assertNo5xx("whole form body", bot.postBytes(bad, "application/x-www-form-urlencoded"));

    byte[] action =
        concat(
            ("{\"type\":\"block_actions\",\"user\":{\"id\":\"U777\"},\"team\":{\"id\":\"T0LOCAL\"},\"response_url\":\""
                    + bot.slack.responseUrl("utf8-share")
                    + "\","
                    + "\"actions\":[{\"action_id\":\""
                    + Replies.SHARE_ACTION
                    + "\",\"block_id\":\"b1\",\"type\":\"button\",\"value\":\"biggest customer ")
                .getBytes(StandardCharsets.UTF_8),
            bad,
            "\"}]}".getBytes(StandardCharsets.UTF_8));
    assertNo5xx(
        "interaction, raw",
        bot.postBytes(
            concat("payload=".getBytes(StandardCharsets.UTF_8), action),
            "application/x-www-form-urlencoded"));
    assertNo5xx(
        "interaction, percent-encoded",
        bot.postBytes(
            concat("payload=".getBytes(StandardCharsets.UTF_8), percentEncode(action)),
            "application/x-www-form-urlencoded"));

    assertEquals(
        200, bot.slashCommand("who is the biggest customer").statusCode(), "the bot keeps serving");
  }

  // Events the bot doesn't handle: https://api.slack.com/events

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"type\":\"reaction_added\",\"user\":\"U123\",\"reaction\":\"thumbsup\",\"item_user\":\"U456\",\"item\":{\"type\":\"message\",\"channel\":\"C1\",\"ts\":\"1.2\"},\"event_ts\":\"1.3\"}",
        "{\"type\":\"team_join\",\"user\":{\"id\":\"U999\",\"name\":\"new\"},\"event_ts\":\"1.3\"}",
        "{\"type\":\"app_home_opened\",\"user\":\"U123\",\"channel\":\"D1\",\"tab\":\"home\",\"event_ts\":\"1.3\"}",
        "{\"type\":\"channel_created\",\"channel\":{\"id\":\"C9\",\"name\":\"new\",\"created\":1,\"creator\":\"U1\"},\"event_ts\":\"1.3\"}",
        "{\"type\":\"no_such_event\",\"x\":[1,{\"y\":null}],\"event_ts\":\"1.3\"}",
        "{\"type\":\"\",\"event_ts\":\"1.3\"}",
        "{\"type\":\"message\",\"subtype\":\"file_share\",\"channel_type\":\"im\",\"user\":\"U123\",\"text\":\"who is the biggest customer\",\"ts\":\"1.2\",\"channel\":\"DFILE\",\"event_ts\":\"1.2\"}",
        "{\"type\":\"message\",\"subtype\":\"no_such_subtype\",\"channel_type\":\"im\",\"user\":\"U123\",\"ts\":\"1.2\",\"channel\":\"DSUB\",\"event_ts\":\"1.2\"}",
        "{\"type\":\"message\",\"channel_type\":\"channel\",\"user\":\"U123\",\"text\":\"who is the biggest customer\",\"ts\":\"1.2\",\"channel\":\"CPUBLIC\",\"event_ts\":\"1.2\"}",
        "{\"type\":\"app_uninstalled\",\"event_ts\":\"1.3\"}",
        "{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[\"UBOT0001\"]},\"event_ts\":\"1.3\"}"
      })
  void eventTheBotDoesNotHandleNeverGets5xxNorAReply(String event) throws Exception {
    int before = bot.slack.calls(POST_MESSAGE).size();
    HttpResponse<String> response =
        bot.event("EvUnknown" + channels.incrementAndGet(), event, Map.of());
    assertNo5xx(event, response);
    bot.awaitRepliesSent(Duration.ofSeconds(5));
    assertEquals(before, bot.slack.calls(POST_MESSAGE).size(), "no reply to " + event);
  }

  // Interactivity payloads: https://api.slack.com/reference/interaction-payloads

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"type\":\"no_such_type\"}",
        "{\"type\":\"\"}",
        "{\"type\":null}",
        "{\"type\":42}",
        "{\"type\":{\"nested\":true}}",
        "{\"type\":\"shortcut\",\"callback_id\":\"unknown\",\"trigger_id\":\"1.2\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"}}",
        "{\"type\":\"message_action\",\"callback_id\":\"unknown\",\"trigger_id\":\"1.2\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"},\"channel\":{\"id\":\"C1\"},\"message\":{\"text\":\"hi\",\"ts\":\"1.2\"},\"response_url\":\"not a url\"}",
        "{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"},\"view\":{\"type\":\"modal\",\"callback_id\":\"unknown\"}}",
        "{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"}}",
        "{\"type\":\"view_closed\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"},\"view\":{\"type\":\"modal\",\"callback_id\":\"unknown\"}}",
        "{\"type\":\"view_closed\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"}}",
        "{\"type\":\"block_suggestion\",\"action_id\":\"unknown\",\"value\":\"x\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"}}",
        "{\"type\":\"interactive_message\",\"callback_id\":\"unknown\",\"actions\":[{\"name\":\"x\",\"type\":\"button\",\"value\":\"1\"}],\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"}}",
        "{\"type\":\"dialog_submission\",\"callback_id\":\"unknown\",\"submission\":{},\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"}}",
        "{\"type\":\"dialog_cancellation\",\"callback_id\":\"unknown\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"}}",
        "{\"type\":\"dialog_suggestion\",\"callback_id\":\"unknown\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"}}",
        "{\"type\":\"workflow_step_edit\",\"callback_id\":\"unknown\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"}}",
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"},\"actions\":[{\"action_id\":\"unknown_action\",\"type\":\"button\",\"value\":\"x\"}]}",
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"},\"actions\":[]}",
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T0LOCAL\"}}",
        "{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"share_answer\"},{\"action_id\":\"share_answer\"}]}",
        "{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"share_answer\"}]}",
        "{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"share_answer\",\"value\":\"who is the biggest customer\"}],\"response_url\":\"not a url\"}",
        "{\"type\":\"block_actions\",\"actions\":[null]}"
      })
  void interactionTheBotDoesNotKnowNeverGets5xx(String payload) throws Exception {
    assertNo5xx(payload, bot.interaction(payload));
    assertEquals(
        200, bot.slashCommand("who is the biggest customer").statusCode(), "the bot keeps serving");
  }

  // Helpers

  /**
   * Asserts that {@code text} is one of the bot's replies: an answer with its report, "doesn't
   * say", or usage.
   */
  private static void assertIsAReply(String text) {
    boolean answer = text.contains(REPORT) && (text.contains("[") || text.contains("uncited"));
    boolean refusal =
        text.startsWith("The report doesn't say")
            || text.startsWith("There is nothing in that to search");
    boolean usage = text.startsWith("Ask me a question about the report");
    assertTrue(answer || refusal || usage, "not an answer, a refusal or usage: " + text);
  }

  private static void assertNo5xx(String what, HttpResponse<String> response) {
    assertTrue(
        response.statusCode() < 500, what + " -> " + response.statusCode() + " " + response.body());
    assertTrue(
        !response.body().contains("Exception") && !response.body().contains("\tat "),
        "no stack trace: " + response.body());
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] percentEncode(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append('%').append(String.format("%02X", b & 0xFF));
    }
    return s.toString().getBytes(StandardCharsets.US_ASCII);
  }
}

package msftchina.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import msftchina.store.Store;
import msftchina.store.StoreSettings;
import msftchina.testing.Buttons;
import msftchina.testing.LogCapture;
import msftchina.testing.RunningBot;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A button counts only for what the bot sent with it: the real bot over signed HTTP, clicks sent as
 * Slack sends them, with the values the bot's own replies carry or with values edited or made up;
 * what users wrote reaches the admins' Home tab escaped.
 */
class ButtonsTest {

  private static final String ANSWERED = "who is Microsoft's biggest AI customer in China?";
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String MARKUP = "<https://evil.example|click here> <!channel>";

  private static RunningBot bot;

  @TempDir Path temp;

  @BeforeAll
  static void start() throws Exception {
    bot = RunningBot.start(RunningBot.tempIndex());
  }

  @AfterAll
  static void stop() throws Exception {
    bot.close();
  }

  @Test
  void voteForAStatementTheBotNeverSentIsNeitherStoredNorShownToAdmins() throws Exception {
    Map<String, String> env =
        Map.of(
            "MSFTCHINA_DB",
            "jdbc:sqlite:" + temp.resolve("votes.db"),
            "MSFTCHINA_ADMINS",
            "UADMIN");
    List<String> forged = List.of("x".repeat(300), "no-such-report:99.9", MARKUP);
    try (RunningBot voted = start(env);
        LogCapture log = new LogCapture()) {
      JsonObject reply = slash(voted, ANSWERED);
      String sealed = Buttons.feedbackValue(reply, "negative_button");
      for (String statement : forged) {
        // as values were before they were sealed, and as the bot's own value with its id edited
        click(voted, "forged", "-\n" + statement + "\n" + ANSWERED);
        click(voted, "forged", sealed.replace("msft-china-ai:1.2", statement));
      }
      List<SlackStandIn.Call> told = voted.slack.await("/response/forged", 6, WAIT);
      assertEquals(6, told.size(), "each click told once");
      for (SlackStandIn.Call call : told) {
        assertTrue(call.body().contains("expired"), call.body());
        assertFalse(call.body().contains("in_channel"), call.body());
      }
      List<String> refused = log.lines().stream().filter(l -> l.contains("not counted")).toList();
      assertEquals(6, refused.size(), "one log line a click: " + log.lines());
      for (String line : refused) {
        assertFalse(line.contains("<") || line.contains("x".repeat(100)), line);
      }
    }
    assertEquals(0, votes(temp.resolve("votes.db")), "no vote stored");
    String view = adminHome(env);
    assertTrue(view.contains("none yet"), view);
    for (String statement : forged) {
      assertFalse(view.contains(statement), view);
    }
    assertFalse(view.contains("<!channel>") || view.contains("<https://"), view);
  }

  @Test
  void markupInAVotedQuestionIsEscapedInTheAdminsHomeTab() throws Exception {
    Map<String, String> env =
        Map.of(
            "MSFTCHINA_DB", "jdbc:sqlite:" + temp.resolve("home.db"), "MSFTCHINA_ADMINS", "UADMIN");
    String question = MARKUP + " " + ANSWERED;
    try (RunningBot voted = start(env)) {
      JsonObject reply = slash(voted, question);
      click(voted, "U1", Buttons.feedbackValue(reply, "negative_button"));
      List<SlackStandIn.Call> thanks = voted.slack.await("/response/U1", 1, WAIT);
      assertTrue(thanks.get(0).body().contains("Thanks"), thanks.get(0).body());
    }
    assertEquals(1, votes(temp.resolve("home.db")));
    String view = adminHome(env);
    assertTrue(view.contains("msft-china-ai:1.2"), view);
    assertTrue(view.contains("&lt;!channel&gt;"), view);
    assertTrue(view.contains("&lt;https://evil.example|click here&gt;"), view);
    assertFalse(view.contains("<!channel>") || view.contains("<https://"), view);
  }

  @Test
  void shareWhoseValueWasEditedPostsNothingToTheChannel() throws Exception {
    String sealed = Buttons.shareValue(bot, ANSWERED);
    String vote =
        Buttons.feedbackValue(
            JsonParser.parseString(bot.slashCommand(ANSWERED).body()).getAsJsonObject(),
            "positive_button");
    List<String> edited =
        List.of(
            "<!channel> buy now at <https://evil.example|our shop>",
            "what is the weather in Paris?", // a refusal, as it was shared before
            sealed.replace("biggest", "smallest"), // the bot's own value, its question edited
            sealed.substring(0, 10) + "X" + sealed.substring(11), // its seal edited
            vote); // a value the bot sent with another button
    try (LogCapture log = new LogCapture()) {
      for (int i = 0; i < edited.size(); i++) {
        String name = "edited-share-" + i;
        HttpResponse<String> r =
            bot.interaction(Buttons.sharePayload(bot.slack.responseUrl(name), "U9", edited.get(i)));
        assertEquals(200, r.statusCode(), r.body());
        List<SlackStandIn.Call> calls = bot.slack.await("/response/" + name, 1, WAIT);
        JsonObject told = JsonParser.parseString(calls.get(0).body()).getAsJsonObject();
        assertFalse(
            told.has("response_type")
                && "in_channel".equals(told.get("response_type").getAsString()),
            told.toString());
        assertTrue(told.get("text").getAsString().contains("expired"), told.toString());
        assertFalse(told.toString().contains("evil.example"), told.toString());
      }
      assertEquals(
          edited.size(),
          log.lines().stream().filter(l -> l.contains("not shared")).count(),
          "one log line a click: " + log.lines());
    }
    // The value the bot sent shares, saying who shared it.
    bot.interaction(Buttons.sharePayload(bot.slack.responseUrl("true-share"), "U9", sealed));
    List<SlackStandIn.Call> shared = bot.slack.await("/response/true-share", 2, WAIT);
    String posted = JsonParser.parseString(shared.get(0).body()).toString();
    assertTrue(posted.contains("in_channel"), posted);
    assertTrue(posted.contains("Shared by <@U9>"), posted);
    // Each refusal was told before this later click was answered: none was told twice.
    for (int i = 0; i < edited.size(); i++) {
      List<SlackStandIn.Call> told = bot.slack.calls("/response/edited-share-" + i);
      assertEquals(1, told.size(), edited.get(i) + ": " + told);
    }
  }

  @Test
  void voteReplayedAHundredTimesIsThankedOnce() throws Exception {
    JsonObject reply = slash(bot, ANSWERED);
    String up = Buttons.feedbackValue(reply, "positive_button");
    String down = Buttons.feedbackValue(reply, "negative_button");
    String path = "/response/replayed-vote";
    String payload = Buttons.feedbackPayload(bot.slack.responseUrl("replayed-vote"), "U5", up);
    for (int i = 0; i < 100; i++) {
      assertEquals(200, bot.interaction(payload).statusCode());
    }
    // A changed mind is a new vote, thanked; and changed back, thanked again. Whether a click is
    // thanked is decided before it is acknowledged; the outbox's senders may deliver the thanks in
    // any order, so a wrongly thanked replay would be a fourth, given a moment to arrive.
    bot.interaction(Buttons.feedbackPayload(bot.slack.responseUrl("replayed-vote"), "U5", down));
    bot.interaction(Buttons.feedbackPayload(bot.slack.responseUrl("replayed-vote"), "U5", up));
    bot.slack.await(path, 3, WAIT);
    Thread.sleep(500);
    List<SlackStandIn.Call> thanks = bot.slack.calls(path);
    assertEquals(3, thanks.size(), "thanked once a vote: " + thanks);
    assertEquals(
        2, thanks.stream().filter(t -> t.body().contains("\uD83D\uDC4D")).count(), "two 👍");
    assertEquals(
        1, thanks.stream().filter(t -> t.body().contains("\uD83D\uDC4E")).count(), "one 👎");
  }

  // --- Helpers ---

  private static RunningBot start(Map<String, String> env) throws Exception {
    return RunningBot.start(RunningBot.tempIndex(), Store.open(StoreSettings.from(env)));
  }

  private static JsonObject slash(RunningBot bot, String question) throws Exception {
    HttpResponse<String> r = bot.slashCommand(question);
    assertEquals(200, r.statusCode(), r.body());
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  /** Sends a click on a feedback button by {@code user}, its response_url named after them. */
  private static void click(RunningBot bot, String user, String value) throws Exception {
    HttpResponse<String> r =
        bot.interaction(Buttons.feedbackPayload(bot.slack.responseUrl(user), user, value));
    assertEquals(200, r.statusCode(), r.body());
  }

  /** Returns the Home tab the admin is shown, as sent to views.publish: its blocks' JSON. */
  private static String adminHome(Map<String, String> env) throws Exception {
    try (RunningBot bot = start(env)) {
      bot.event(
          "EvHomeAdmin",
          "{\"type\":\"app_home_opened\",\"user\":\"UADMIN\",\"channel\":\"D0HOME\",\"tab\":\"home\",\"event_ts\":\"1700000300.000100\"}",
          Map.of());
      List<SlackStandIn.Call> published = bot.slack.await("/api/views.publish", 1, WAIT);
      assertEquals(1, published.size());
      String view = JsonParser.parseString(published.get(0).param("view")).toString();
      assertTrue(view.contains("maintainers"), view);
      return view;
    }
  }

  private static long votes(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM votes")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

package msftchina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import msftchina.app.Gaps;
import msftchina.store.Store;
import msftchina.store.StoreSettings;
import msftchina.testing.RunningBot;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the bot remembers, read back as its maintainers would: the real bot over signed HTTP,
 * recording into a real SQLite file, then {@code msftchina gaps} and {@code msftchina stats} on
 * that file.
 */
class StoreCommandsTest {

  private static final String ANSWERED = "who is Microsoft's biggest AI customer in China?";
  private static final String TENCENT = "how much does Tencent spend on Azure?";

  @TempDir Path temp;

  @Test
  void questionsAndVotesOutliveARestartAndShowInGapsAndStats() throws Exception {
    Map<String, String> env = Map.of("MSFTCHINA_DB", "jdbc:sqlite:" + temp.resolve("bot.db"));
    JsonObject answer;
    try (RunningBot bot = start(env)) {
      answer = slash(bot, ANSWERED);
      // The asker reads the refusal in their own words; gaps (below) names the detail lacking.
      assertEquals(
          "The report doesn't say how much Tencent spends on Azure.",
          slash(bot, TENCENT).get("text").getAsString());
      slash(bot, "  How much does TENCENT spend on Azure? ");
      slash(bot, "what is the weather in Paris?");
      String up = feedbackValue(answer, "positive_button");
      String down = feedbackValue(answer, "negative_button");
      click(bot, "U1", up);
      click(bot, "U1", down); // U1 changes their mind: one vote, now down
      click(bot, "U2", down);
      click(bot, "U3", up);
      List<SlackStandIn.Call> thanks =
          bot.slack.await("/response/feedback", 4, Duration.ofSeconds(5));
      assertEquals(4, thanks.size());
      assertTrue(thanks.get(0).body().contains("Thanks"), thanks.get(0).body());
    }
    try (RunningBot bot = start(env)) {
      slash(bot, TENCENT);
    }

    List<String> versioned = run(env, "gaps", "--json").lines().toList();
    // Refused by every report: named by the library's version (ReportVersionsTest checks them).
    assertTrue(
        versioned.get(0).matches(".*, \"version\": \"all reports [0-9a-f]{12}\"}"),
        versioned.get(0));
    List<String> gaps =
        versioned.stream().map(l -> l.replaceAll(", \"version\": \"[^\"]*\"", "")).toList();
    assertEquals(
        List.of(
            "{\"question\": \"how much does Tencent spend on Azure?\", \"asked\": 3, \"reason\":"
                + " \"detail not in the report: a figure for Tencent\"}",
            "{\"question\": \"what is the weather in Paris?\", \"asked\": 1, \"reason\":"
                + " \"name not in the report: weather, Paris\"}",
            "{\"question\": \"who is Microsoft's biggest AI customer in China?\", \"statement\":"
                + " \"msft-china-ai:1.2\", \"down\": 2, \"up\": 1}"),
        gaps);

    String text = run(env, "gaps");
    assertTrue(text.contains("Not answered in the last 30 days: 4 questions"), text);
    assertTrue(text.contains("3 asked  detail not in the report: a figure for Tencent"), text);
    assertTrue(text.contains("3x  how much does Tencent spend on Azure?"), text);
    assertTrue(text.contains("down 2  up 1  msft-china-ai:1.2"), text);

    String stats = run(env, "stats", "--since", "1d");
    assertTrue(stats.contains("Last 1 days: 5 questions, 1 answered (20.0%)"), stats);
    assertTrue(stats.contains("slash 5"), stats);
    assertTrue(stats.contains("1  msft-china-ai:1.2"), stats);
    assertTrue(stats.contains("Votes: up 1, down 2"), stats);
    assertTrue(stats.contains("Records dropped (database slow or gone): 0"), stats);

    // App Home's admin view (issue 10 shows it): the same gaps, for MSFTCHINA_ADMINS only.
    Map<String, String> admins = new HashMap<>(env);
    admins.put("MSFTCHINA_ADMINS", "UADMIN1, UADMIN2");
    try (Store store = Store.open(StoreSettings.from(admins))) {
      assertTrue(store.adminView("U0LOCAL").isEmpty(), "not an admin");
      Gaps seen = store.adminView("UADMIN2").orElseThrow();
      assertEquals(3, seen.refused().get(0).asked());
      assertEquals(2, seen.votedDown().get(0).down());
    }
    // ... and in the Home tab, over the events Slack sends: for admins only.
    try (RunningBot bot = start(admins)) {
      for (String user : List.of("UADMIN1", "U0LOCAL")) {
        bot.event(
            "EvHome" + user,
            "{\"type\":\"app_home_opened\",\"user\":\""
                + user
                + "\",\"channel\":\"D0HOME\",\"tab\":\"home\",\"event_ts\":\"1700000300.000100\"}",
            Map.of());
      }
      List<SlackStandIn.Call> published =
          bot.slack.await("/api/views.publish", 2, Duration.ofSeconds(5));
      String admin = viewFor(published, "UADMIN1");
      String reader = viewFor(published, "U0LOCAL");
      assertTrue(admin.contains("maintainers: the last 30 days"), admin);
      assertTrue(admin.contains("how much does Tencent spend on Azure?"), admin);
      assertTrue(admin.contains("msft-china-ai:1.2"), admin);
      assertFalse(reader.contains("maintainers"), reader);
    }
  }

  private static String viewFor(List<SlackStandIn.Call> published, String user) {
    return published.stream()
        .filter(c -> user.equals(c.param("user_id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no views.publish for " + user))
        .param("view");
  }

  @Test
  void aHomeTabExampleClickedIsRecordedAsAskedOnTheHomeTab() throws Exception {
    Map<String, String> env = Map.of("MSFTCHINA_DB", "jdbc:sqlite:" + temp.resolve("home.db"));
    try (RunningBot bot = start(env)) {
      for (String question : List.of(ANSWERED, "what is the weather in Paris?")) {
        String payload =
            "{\"type\":\"block_actions\",\"user\":{\"id\":\"UHOME1\",\"team_id\":\"T0LOCAL\"},"
                + "\"api_app_id\":\"A0LOCAL\",\"container\":{\"type\":\"view\",\"view_id\":\"V1\"},"
                + "\"trigger_id\":\"1.2.3\",\"team\":{\"id\":\"T0LOCAL\"},"
                + "\"view\":{\"id\":\"V1\",\"type\":\"home\",\"blocks\":[]},"
                + "\"actions\":[{\"action_id\":\"home_example_0\",\"block_id\":\"b1\","
                + "\"value\":\""
                + question
                + "\",\"type\":\"button\",\"action_ts\":\"1.3\"}]}";
        assertEquals(200, bot.interaction(payload).statusCode());
      }
      bot.slack.await("/api/views.publish", 2, Duration.ofSeconds(5));
    }
    String stats = run(env, "stats", "--since", "1d");
    assertTrue(stats.contains("2 questions, 1 answered (50.0%)"), stats);
    assertTrue(stats.contains("home 2"), stats);
    String gaps = run(env, "gaps", "--json");
    assertTrue(gaps.contains("\"question\": \"what is the weather in Paris?\""), gaps);
  }

  @Test
  void countsModeKeepsNoQuestionTextAndNoUserIds() throws Exception {
    Path file = temp.resolve("counts.db");
    Map<String, String> env =
        Map.of("MSFTCHINA_DB", "jdbc:sqlite:" + file, "MSFTCHINA_RECORD", "counts");
    try (RunningBot bot = start(env)) {
      JsonObject answer = slash(bot, ANSWERED);
      slash(bot, "does Zanzibarcorp buy Azure?");
      click(bot, "UPRIVATE1", feedbackValue(answer, "negative_button"));
      bot.slack.await("/response/feedback", 1, Duration.ofSeconds(5));
    }
    String everything = dump(file);
    for (String secret : List.of("Zanzibarcorp", "biggest AI customer", "UPRIVATE1", "U0LOCAL")) {
      assertFalse(everything.contains(secret), secret + " was stored: " + everything);
    }
    String stats = run(env, "stats");
    assertTrue(stats.contains("2 questions, 1 answered (50.0%)"), stats);
    assertTrue(stats.contains("Votes: up 0, down 1"), stats);
    String gaps = run(env, "gaps", "--json");
    assertTrue(gaps.contains("\"question\": \"\", \"asked\": 1, \"reason\":"), gaps);
    assertTrue(gaps.contains("\"statement\": \"msft-china-ai:1.2\", \"down\": 1, \"up\": 0"), gaps);
  }

  @Test
  void rowsOlderThanTheRetentionPeriodAreDeleted() throws Exception {
    Path file = temp.resolve("old.db");
    Map<String, String> env =
        Map.of("MSFTCHINA_DB", "jdbc:sqlite:" + file, "MSFTCHINA_RETENTION_DAYS", "7");
    Store.open(StoreSettings.from(env)).close(); // creates the schema
    long day = Duration.ofDays(1).toMillis();
    long now = System.currentTimeMillis();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO questions (asked_at, surface, team_id, channel_id, user_id, question,"
              + " statements, reason, missing, strength, millis) VALUES ("
              + (now - 8 * day)
              + ", 'slash', 'T', 'C', 'U', 'an old question', '', 'NAME_NOT_IN_REPORT', 'x',"
              + " 'NOT_IN_REPORT', 1)");
      s.executeUpdate(
          "INSERT INTO questions (asked_at, surface, team_id, channel_id, user_id, question,"
              + " statements, reason, missing, strength, millis) VALUES ("
              + (now - 6 * day)
              + ", 'slash', 'T', 'C', 'U', 'a recent question', '', 'NAME_NOT_IN_REPORT', 'y',"
              + " 'NOT_IN_REPORT', 1)");
    }
    String everything;
    // Cleans up at start, in the background, a batch at a time.
    try (Store store = Store.open(StoreSettings.from(env))) {
      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      do {
        Thread.sleep(50);
        everything = dump(file);
      } while (everything.contains("an old question") && System.nanoTime() < end);
    }
    assertFalse(everything.contains("an old question"), everything);
    assertTrue(everything.contains("a recent question"), everything);
  }

  @Test
  void aCorruptOrForeignDatabaseFileStopsServeWithOneLineNamingIt() throws Exception {
    Path corrupt = temp.resolve("corrupt.db");
    Files.write(
        corrupt, "SQLite format 3\0 then garbage".repeat(300).getBytes(StandardCharsets.UTF_8));
    Path garbage = temp.resolve("notes.db");
    Files.writeString(garbage, "these are my notes, not a database\n".repeat(100));
    Path foreign = temp.resolve("shop.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
    }
    for (Path file : List.of(corrupt, garbage, foreign)) {
      Map<String, String> env = new HashMap<>();
      env.put("SLACK_SIGNING_SECRET", RunningBot.SIGNING_SECRET);
      env.put("SLACK_BOT_TOKEN", RunningBot.BOT_TOKEN);
      env.put("MSFTCHINA_DB", "jdbc:sqlite:" + file);
      CommandRun run = CommandRun.of(env, "serve", "--index", temp.resolve("index").toString());
      int status = run.status();
      String said = run.err();
      assertEquals(1, status, said);
      assertEquals(1, said.strip().lines().count(), "one line: " + said);
      assertTrue(said.contains(file.toString()), "names the file: " + said);
      assertFalse(said.contains("Exception") || said.contains("\tat "), said);
    }
    assertTrue(dump(foreign).contains("customers"), "the foreign database is left as it was");
  }

  @Test
  void readingBackWithoutADatabaseOrWithABadSinceSaysSo() throws Exception {
    Map<String, String> env = Map.of("MSFTCHINA_DB", "jdbc:sqlite:" + temp.resolve("none.db"));
    assertEquals(2, status(env, "gaps"));
    assertEquals(2, status(env, "stats", "--since", "yesterday"));
    assertFalse(Files.exists(temp.resolve("none.db")), "reading back creates no database");
  }

  @Test
  void aDatabaseThatFailsWhileReadingBackIsOneLineNamingIt() throws Exception {
    Path file = temp.resolve("broken.db");
    Map<String, String> env = Map.of("MSFTCHINA_DB", "jdbc:sqlite:" + file);
    Store.open(StoreSettings.from(env)).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE questions"); // the schema is up to date, but a table is gone
    }
    for (String command : List.of("stats", "gaps")) {
      CommandRun run = CommandRun.of(env, command);
      assertEquals(1, run.status(), run.err());
      assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
      assertTrue(run.err().contains(file.toString()), "names the database: " + run.err());
      assertTrue(run.err().contains("no such table: questions"), run.err());
      assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }
  }

  // Helpers.

  private static RunningBot start(Map<String, String> env) throws Exception {
    return RunningBot.start(RunningBot.tempIndex(), Store.open(StoreSettings.from(env)));
  }

  private static JsonObject slash(RunningBot bot, String question) throws Exception {
    HttpResponse<String> r = bot.slashCommand(question);
    assertEquals(200, r.statusCode(), r.body());
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  /** Returns the value of an answer's 👍 ("positive_button") or 👎 ("negative_button"). */
  private static String feedbackValue(JsonObject reply, String button) {
    for (JsonElement block : reply.getAsJsonArray("blocks")) {
      JsonObject b = block.getAsJsonObject();
      if (b.get("type").getAsString().equals("context_actions")) {
        JsonObject buttons = b.getAsJsonArray("elements").get(0).getAsJsonObject();
        assertEquals("feedback_buttons", buttons.get("type").getAsString());
        return buttons.getAsJsonObject(button).get("value").getAsString();
      }
    }
    throw new AssertionError("no feedback buttons: " + reply);
  }

  /**
   * Sends a click on a feedback button, as Slack sends it:
   * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
   */
  private static void click(RunningBot bot, String user, String value) throws Exception {
    JsonObject action = new JsonObject();
    action.addProperty("type", "feedback_buttons");
    action.addProperty("action_id", "answer_feedback");
    action.addProperty("block_id", "fb1");
    action.addProperty("value", value);
    action.addProperty("action_ts", "1700000000.000300");
    String payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\""
            + user
            + "\",\"username\":\"someone\",\"team_id\":\"T0LOCAL\"},"
            + "\"api_app_id\":\"A0LOCAL\",\"token\":\"unused\",\"container\":{\"type\":\"message\","
            + "\"message_ts\":\"1.2\",\"channel_id\":\"C1\",\"is_ephemeral\":true},"
            + "\"trigger_id\":\"1.2.3\",\"team\":{\"id\":\"T0LOCAL\",\"domain\":\"local\"},"
            + "\"channel\":{\"id\":\"C1\",\"name\":\"general\"},\"response_url\":\""
            + bot.slack.responseUrl("feedback")
            + "\",\"actions\":["
            + action
            + "]}";
    HttpResponse<String> r = bot.interaction(payload);
    assertEquals(200, r.statusCode(), r.body());
  }

  private static String run(Map<String, String> env, String... args) {
    CommandRun run = CommandRun.of(env, args);
    assertEquals(0, run.status(), run.err());
    return run.out();
  }

  private static int status(Map<String, String> env, String... args) {
    CommandRun run = CommandRun.of(env, args);
    assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
    return run.status();
  }

  /** Returns every value of every row of every table of a SQLite file, as text. */
  private static String dump(Path file) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      for (String table : tables) {
        all.append(table).append('\n');
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          while (rs.next()) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
              all.append(rs.getString(i)).append('|');
            }
            all.append('\n');
          }
        }
      }
    }
    return all.toString();
  }
}

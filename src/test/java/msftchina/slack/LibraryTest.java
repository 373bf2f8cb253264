package msftchina.slack;

import static msftchina.testing.TwoReports.CLAY;
import static msftchina.testing.TwoReports.CUSTOMER;
import static msftchina.testing.TwoReports.LUMENBAY_TITLE;
import static msftchina.testing.TwoReports.QUARRYSTONE_TITLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import msftchina.store.Store;
import msftchina.store.StoreSettings;
import msftchina.testing.EventBodies;
import msftchina.testing.RunningBot;
import msftchina.testing.SlackStandIn;
import msftchina.testing.TwoReports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A library of two reports, over signed HTTP to the real bot with a real SQLite store: {@code
 * /msftchina reports}, {@code in:ID}, an unknown id, and a channel's report set by an admin.
 */
class LibraryTest {

  private static final String ADMIN = "UADMIN1";
  private static final String READER = "U0LOCAL";

  @TempDir static Path temp;
  private static RunningBot bot;

  @BeforeAll
  static void start() throws Exception {
    Path facts = TwoReports.copy(temp.resolve("facts"));
    Map<String, String> env =
        Map.of("MSFTCHINA_DB", "jdbc:sqlite:" + temp.resolve("bot.db"), "MSFTCHINA_ADMINS", ADMIN);
    bot = RunningBot.start(facts, temp.resolve("index"), Store.open(StoreSettings.from(env)));
  }

  @AfterAll
  static void stop() throws Exception {
    bot.close();
  }

  @Test
  void reportsListsEachReportWithItsTitleIdDateAndStatements() throws Exception {
    JsonObject listing = slash("reports", READER, "C1");
    assertTrue(text(listing).startsWith("2 report(s)"), text(listing));
    String reply = blocks(listing);
    assertTrue(
        reply.contains("*" + LUMENBAY_TITLE + "*  `in:lumenbay`  2026, 13 statements"), reply);
    assertTrue(
        reply.contains("*" + QUARRYSTONE_TITLE + "*  `in:quarrystone`  2025-11, 4 statements"),
        reply);
    String chinese = blocks(slash("报告", READER, "C1"));
    assertTrue(chinese.contains("共 2 份报告"), chinese);
    assertTrue(chinese.contains("`in:quarrystone`  2025-11，4 条陈述"), chinese);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // asked                                   | answered with     | note
        "who supplies Quarrystone's clay?          | Vellara Minerals  | ",
        "in:quarrystone who supplies Quarrystone's clay? | Vellara Minerals | Searched only _"
            + QUARRYSTONE_TITLE
            + "_ (`in:quarrystone`).",
        "IN:Quarrystone who supplies Quarrystone's clay? | Vellara Minerals | Searched only _"
            + QUARRYSTONE_TITLE
            + "_ (`in:quarrystone`).",
        "in:lumenbay who supplies Quarrystone's clay? | doesn't say anything | Searched only _"
            + LUMENBAY_TITLE
            + "_ (`in:lumenbay`).",
      })
  void inIdAsksThatReportAlone(String asked, String answer, String note) throws Exception {
    String reply = blocks(slash(asked, READER, "C2"));
    assertTrue(reply.contains(answer), reply);
    if (note == null) {
      assertFalse(reply.contains("Searched only"), reply);
    } else {
      assertTrue(reply.contains(note), reply);
    }
    if (asked.contains("in:lumenbay")) {
      assertFalse(reply.contains("Vellara"), "scoped to Lumenbay, never Quarrystone's: " + reply);
    }
  }

  @Test
  void anUnknownIdIsToldTheReportIdsNotRefused() throws Exception {
    String reply = text(slash("in:acme " + CLAY, READER, "C3"));
    assertEquals(
        "No report is called \"acme\". The reports are: `lumenbay`, `quarrystone`.", reply);
  }

  @Test
  void aMentionWithInIdIsScopedAndAnUnknownIdListsTheReports() throws Exception {
    bot.event(
        "EvScope1",
        EventBodies.appMention("C4", "1700000400.000100", "in:lumenbay " + CLAY),
        Map.of());
    bot.event(
        "EvScope2",
        EventBodies.appMention("C4", "1700000401.000100", "in:nosuch " + CLAY),
        Map.of());
    List<SlackStandIn.Call> posts =
        bot.slack.await(
            c -> c.path().equals("/api/chat.postMessage") && "C4".equals(c.param("channel")),
            2,
            Duration.ofSeconds(10));
    assertEquals(2, posts.size());
    String scoped =
        posts.stream()
            .map(c -> unescaped(c.param("blocks")))
            .filter(b -> b.contains("Searched"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no scoped reply: " + posts));
    assertTrue(scoped.contains("Searched only _" + LUMENBAY_TITLE), scoped);
    assertFalse(scoped.contains("Vellara"), scoped);
    String unknown =
        posts.stream()
            .map(c -> c.param("text"))
            .filter(t -> t.contains("nosuch"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no unknown reply: " + posts));
    assertTrue(unknown.contains("The reports are: `lumenbay`, `quarrystone`"), unknown);
  }

  @Test
  void anAdminSetsAChannelsReportWhichIsAskedFirstThenEveryReport() throws Exception {
    assertEquals(
        "Only admins can set this channel's report (ask one of those named in MSFTCHINA_ADMINS).",
        text(slash("default in:lumenbay", READER, "C5")));
    assertTrue(
        text(slash("default", READER, "C5"))
            .startsWith("Questions in this channel ask every report"));
    assertEquals(
        "No report is called \"acme\". The reports are: `lumenbay`, `quarrystone`.",
        text(slash("default in:acme", ADMIN, "C5")));
    assertEquals(
        "Questions in this channel now ask _"
            + LUMENBAY_TITLE
            + "_ (`in:lumenbay`) first, then"
            + " every report.",
        text(slash("default in:lumenbay", ADMIN, "C5")));

    String own = blocks(slash(CUSTOMER, READER, "C5"));
    assertTrue(own.contains("Harrow Freight"), own);
    assertTrue(own.contains("From this channel's report, _" + LUMENBAY_TITLE + "_"), own);
    String fellBack = blocks(slash(CLAY, READER, "C5"));
    assertTrue(fellBack.contains("Vellara Minerals"), "every report, after its own: " + fellBack);
    assertTrue(
        fellBack.contains(
            "This channel's report, _"
                + LUMENBAY_TITLE
                + "_, doesn't say: every report was"
                + " searched."),
        fellBack);
    String elsewhere = blocks(slash(CUSTOMER, READER, "C6"));
    assertFalse(elsewhere.contains("this channel's report"), "only in its channel: " + elsewhere);
    String scoped = blocks(slash("in:quarrystone " + CLAY, READER, "C5"));
    assertTrue(scoped.contains("Searched only _" + QUARRYSTONE_TITLE), "in:ID wins: " + scoped);

    assertEquals(
        "Only admins can set this channel's report (ask one of those named in MSFTCHINA_ADMINS).",
        text(slash("default none", READER, "C5")));
    assertEquals(
        "Questions in this channel now ask every report.",
        text(slash("default none", ADMIN, "C5")));
    String cleared = blocks(slash(CUSTOMER, READER, "C5"));
    assertFalse(cleared.contains("this channel's report"), cleared);
  }

  // Helpers.

  private static JsonObject slash(String text, String user, String channel) throws Exception {
    HttpResponse<String> r = bot.slashCommand(text, user, channel);
    assertEquals(200, r.statusCode(), r.body());
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  private static String text(JsonObject reply) {
    return reply.get("text").getAsString();
  }

  private static String blocks(JsonObject reply) {
    return unescaped(reply.getAsJsonArray("blocks").toString());
  }

  /** Returns Block Kit JSON with the apostrophes Gson escapes as they are shown. */
  private static String unescaped(String json) {
    return json.replace("\\u0027", "'");
  }
}

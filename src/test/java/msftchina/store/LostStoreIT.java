package msftchina.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import msftchina.testing.EventBodies;
import msftchina.testing.LogCapture;
import msftchina.testing.RunningBot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite file lost under the real bot (served on loopback, a real file in a temporary folder):
 * deleted or truncated while serving, /healthz says "degraded" with what happened to the store
 * within seconds, the log says it once with what to do, questions are still answered and each reply
 * that no later start could send is named; and a start that finds the file it used before missing
 * says so.
 */
class LostStoreIT {

  private static final String QUESTION = "who is the biggest AI customer in China?";

  /** The watch looks every 2 s; a few of its rounds, on a busy machine. */
  private static final Duration NOTICED = Duration.ofSeconds(10);

  @TempDir Path temp;

  @Test
  void aFileDeletedWhileServingIsDegradedLoggedOnceAndQuestionsAreStillAnswered() throws Exception {
    Path file = temp.resolve("bot.db");
    try (LogCapture log = new LogCapture()) {
      Store db = open(file);
      try (RunningBot bot = RunningBot.start(RunningBot.tempIndex(), db)) {
        JsonObject health = health(bot);
        assertEquals("ok", health.get("status").getAsString(), health.toString());
        assertAnswered(bot);

        Files.delete(file);
        health = awaitDegraded(bot);
        String store = health.get("store").getAsString();
        assertTrue(
            // "deleted", or "deleted or replaced" when a connection opened meanwhile made it anew
            store.contains("the database file " + file + " was deleted"), health.toString());
        assertEquals("ok", health.get("slack").getAsString(), "Slack is fine: " + health);

        assertAnswered(bot);
        assertEquals(200, mention(bot, "EvLostAfter", "C_LOST").statusCode());
        assertEquals(1, bot.slack.await("/api/chat.postMessage", 1, Duration.ofSeconds(10)).size());

        awaitTwoMoreLooks(db); // more rounds of the watch: still one line
        List<String> lines = log.lines();
        System.out.println(
            "deleted while serving: /healthz " + health + "\nlog:\n" + String.join("\n", lines));
        assertEquals(
            1, lines.stream().filter(LostStoreIT::namesTheDeletion).count(), lines.toString());
        String what = lines.stream().filter(LostStoreIT::namesTheDeletion).findFirst().get();
        assertTrue(what.contains("WARN"), what);
        assertTrue(
            what.contains("from a backup") && what.contains("start serve again to begin a new"),
            "what to do: " + what);
        assertTrue(
            lines.stream().anyMatch(l -> l.contains("EvLostAfter") && l.contains("C_LOST")),
            "the reply kept only in the lost file is named: " + lines);
        assertEquals("degraded", health(bot).get("status").getAsString(), "it stays degraded");
      }
    }
  }

  @Test
  void aFileTruncatedWhileServingIsDegraded() throws Exception {
    Path file = temp.resolve("bot.db");
    try (LogCapture log = new LogCapture();
        RunningBot bot = RunningBot.start(RunningBot.tempIndex(), open(file))) {
      assertAnswered(bot);
      assertEquals("ok", health(bot).get("status").getAsString());

      Files.write(file, new byte[0]); // truncates it
      JsonObject health = awaitDegraded(bot);
      assertTrue(
          health.get("store").getAsString().contains("was truncated while serving"),
          health.toString());
      assertAnswered(bot);
      System.out.println(
          "truncated while serving: /healthz "
              + health
              + "\nlog:\n"
              + String.join("\n", log.lines()));
      assertEquals(
          1,
          log.lines().stream().filter(l -> l.contains("was truncated while serving (")).count(),
          log.lines().toString());
    }
  }

  @Test
  void aStartThatFindsTheFileItUsedBeforeMissingSaysSo() throws Exception {
    Path file = temp.resolve("data").resolve("bot.db");
    try (LogCapture log = new LogCapture()) {
      open(file).close(); // the first start: a new file, nothing to say
      open(file).close(); // the file is there
      assertFalse(
          log.lines().stream().anyMatch(l -> l.contains("is missing")), log.lines().toString());

      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
      }
      open(file).close();
      List<String> missing = log.lines().stream().filter(l -> l.contains("is missing")).toList();
      assertEquals(1, missing.size(), log.lines().toString());
      assertTrue(missing.get(0).contains("WARN"), missing.get(0));
      assertTrue(
          missing.get(0).contains(file.toString()) && missing.get(0).contains("used before"),
          missing.get(0));
      assertTrue(missing.get(0).contains("from a backup"), "what to do: " + missing.get(0));

      open(file).close(); // the new one is the store from now on
      assertEquals(
          1,
          log.lines().stream().filter(l -> l.contains("is missing")).count(),
          log.lines().toString());
    }
  }

  private static Store open(Path file) throws StoreException {
    return Store.open(StoreSettings.from(Map.of("MSFTCHINA_DB", "jdbc:sqlite:" + file)));
  }

  private static void assertAnswered(RunningBot bot) throws Exception {
    HttpResponse<String> r = bot.slashCommand(QUESTION);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("ByteDance"), r.body());
  }

  private static HttpResponse<String> mention(RunningBot bot, String eventId, String channel)
      throws Exception {
    return bot.event(
        eventId, EventBodies.appMention(channel, "1700000000.000100", QUESTION), Map.of());
  }

  private static JsonObject health(RunningBot bot) throws Exception {
    HttpResponse<String> r = bot.get("/healthz");
    assertEquals(200, r.statusCode(), "degraded, not down: " + r.body());
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  /** Returns whether a log line says the file was deleted ("deleted", or "deleted or replaced"). */
  private static boolean namesTheDeletion(String line) {
    return line.contains(" WARN store - the database file ")
        && line.contains(" was deleted ")
        && line.contains(" while serving");
  }

  /**
   * Waits until the watch has ended two more looks at the file than it had now (the second begun
   * after now), each with what it logged.
   */
  private static void awaitTwoMoreLooks(Store store) throws InterruptedException {
    long target = store.fileLooks() + 2;
    long end = System.nanoTime() + NOTICED.toNanos();
    while (store.fileLooks() < target && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertTrue(store.fileLooks() >= target, "the watch looked " + store.fileLooks() + " times");
  }

  /**
   * Waits until /healthz says the store is degraded because of its file: a write that fails first
   * ("recording is failing") may show before the file check names what became of the file.
   */
  private static JsonObject awaitDegraded(RunningBot bot) throws Exception {
    long end = System.nanoTime() + NOTICED.toNanos();
    JsonObject health = health(bot);
    while (!(health.get("status").getAsString().equals("degraded")
            && health.has("store")
            && health.get("store").getAsString().startsWith("the database file"))
        && System.nanoTime() < end) {
      Thread.sleep(100);
      health = health(bot);
    }
    assertEquals("degraded", health.get("status").getAsString(), health.toString());
    return health;
  }
}

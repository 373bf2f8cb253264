package msftchina.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import msftchina.app.Stats;
import msftchina.app.UsageReader;
import msftchina.slack.SignedRequest;
import msftchina.testing.Postgres;
import msftchina.testing.ServeProcess;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database slow or gone under a running {@code serve} (a real process): questions are still
 * answered well inside Slack's 3 seconds, the log says once that recording fails and once that it
 * recovered, and the records dropped meanwhile are counted.
 */
class StoreFaultsIT {

  private static final String POST_MESSAGE = "/api/chat.postMessage";
  private static final String QUESTION = "who is the biggest AI customer in China?";
  private static final long SLACK_LIMIT_MILLIS = 3_000;
  // How long an event's claim waits for the database before it is answered without it.
  private static final long CLAIM_GIVES_UP_MILLIS = 1_000;

  @TempDir Path temp;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void postgresGoneAndBackIsOneWarningEachWayAndNoSlowAnswer() throws Exception {
    try (Postgres pg = Postgres.start();
        SlackStandIn slack = new SlackStandIn()) {
      String url = pg.newDatabase();
      try (ServeProcess serve = serve(slack, url)) {
        serve.awaitHealthy();
        assertAnsweredInTime(serve, "before");

        pg.stopServer();
        for (int i = 0; i < 3; i++) {
          assertAnsweredInTime(serve, "gone" + i);
        }
        awaitLog(serve, "recording is failing", Duration.ofSeconds(15));

        pg.startServer();
        for (int i = 0; i < 3; i++) {
          assertAnsweredInTime(serve, "back" + i);
        }
        awaitLog(serve, "recording recovered", Duration.ofSeconds(20));
        assertEquals(7, slack.await(POST_MESSAGE, 7, Duration.ofSeconds(20)).size());

        String log = serve.stderr();
        assertEquals(1, count(log, "recording is failing"), serve.describe());
        assertEquals(1, count(log, "recording recovered"), serve.describe());
        assertFalse(log.contains("Exception") || log.contains("\tat "), serve.describe());
        assertFalse(log.contains("user=postgres"), "the URL's parameters are never logged");
      }
      try (UsageReader usage = StoredUsage.open(StoreSettings.from(Map.of("MSFTCHINA_DB", url)))) {
        Stats stats = usage.stats(0);
        assertTrue(stats.dropped() > 0, "the dropped records are counted: " + stats);
        assertTrue(stats.questions() >= 2, stats.toString());
      }
    }
  }

  @Test
  void aLockedSqliteFileDelaysNoAnswer() throws Exception {
    Path file = temp.resolve("locked.db");
    try (SlackStandIn slack = new SlackStandIn();
        ServeProcess serve = serve(slack, "jdbc:sqlite:" + file)) {
      serve.awaitHealthy();
      assertAnsweredInTime(serve, "before");
      try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement s = lock.createStatement()) {
        s.execute("BEGIN EXCLUSIVE"); // another program holds the file for a while
        for (int i = 0; i < 3; i++) {
          assertAnsweredInTime(serve, "locked" + i);
        }
        awaitLog(serve, "recording is failing", Duration.ofSeconds(20));
        s.execute("ROLLBACK");
      }
      assertAnsweredInTime(serve, "after");
      awaitLog(serve, "recording recovered", Duration.ofSeconds(20));
      assertEquals(5, slack.await(POST_MESSAGE, 5, Duration.ofSeconds(20)).size());
      assertEquals(1, count(serve.stderr(), "recording is failing"), serve.describe());
    }
  }

  @Test
  void aMentionIsAcknowledgedAtOnceWhileItsClaimWaitsForALockedFile() throws Exception {
    Path file = temp.resolve("slow.db");
    try (SlackStandIn slack = new SlackStandIn();
        ServeProcess serve = serve(slack, "jdbc:sqlite:" + file)) {
      serve.awaitHealthy();
      assertEquals(200, serve.mention("EvWarm", QUESTION).statusCode());
      assertEquals(1, slack.await(POST_MESSAGE, 1, Duration.ofSeconds(20)).size());
      try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement s = lock.createStatement()) {
        s.execute("BEGIN EXCLUSIVE"); // the claim waits for the file: a second, then gives up
        long started = System.nanoTime();
        HttpResponse<String> mention = serve.mention("EvSlowClaim", QUESTION);
        long ackMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, mention.statusCode(), serve.describe());
        assertEquals(2, slack.await(POST_MESSAGE, 2, Duration.ofSeconds(20)).size());
        long answerMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
            "file locked: acknowledged after %d ms, answered after %d ms%n",
            ackMillis, answerMillis);
        // The answer waited for the claim, which gave up after its second; the acknowledgement
        // waited for neither.
        assertTrue(answerMillis >= CLAIM_GIVES_UP_MILLIS, "answered after " + answerMillis + " ms");
        assertTrue(
            ackMillis < CLAIM_GIVES_UP_MILLIS / 2,
            "acknowledged after " + ackMillis + " ms, answered after " + answerMillis + " ms");
        s.execute("ROLLBACK");
      }
      assertTrue(serve.stderr().contains("EvSlowClaim"), "the unstored reply is named in the log");
    }
  }

  @Test
  void mentionsInABurstWhileTheFileIsLockedAreEachAnsweredWithinTheirOwnSecond() throws Exception {
    Path file = temp.resolve("burst.db");
    int burst = 4;
    try (SlackStandIn slack = new SlackStandIn();
        ServeProcess serve = serve(slack, "jdbc:sqlite:" + file)) {
      serve.awaitHealthy();
      assertEquals(200, serve.mention("EvBurstWarm", QUESTION).statusCode());
      assertEquals(1, slack.await(POST_MESSAGE, 1, Duration.ofSeconds(20)).size());
      try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement s = lock.createStatement()) {
        s.execute("BEGIN EXCLUSIVE"); // every claim waits for the file
        long started = System.nanoTime();
        for (int i = 0; i < burst; i++) {
          // one channel each: posts to one channel are paced a second apart, as Slack asks
          String channel = "CBURST" + i;
          String ts = Instant.now().getEpochSecond() + ".000100";
          assertEquals(
              200,
              serve.mention("EvBurst" + i, channel, ts, QUESTION).statusCode(),
              serve.describe());
        }
        long sentMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(
            burst + 1, slack.await(POST_MESSAGE, burst + 1, Duration.ofSeconds(20)).size());
        long answeredMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
            "file locked: %d mentions sent within %d ms, all answered after %d ms%n",
            burst, sentMillis, answeredMillis);
        // Each answer waits at most a second from its own event for its claim, however many
        // claims were queued ahead of it; not a second for each of them. (With the file locked,
        // the store's own check that the database is already late also spares the later claims:
        // this guards the bound, and passes on code that only had that check.)
        assertTrue(
            answeredMillis < CLAIM_GIVES_UP_MILLIS + 700,
            "answered after " + answeredMillis + " ms\n" + serve.describe());
        s.execute("ROLLBACK");
      }
    }
  }

  /** Sends a mention and a slash command; both must be acknowledged within Slack's 3 s. */
  private void assertAnsweredInTime(ServeProcess serve, String id) throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> mention = serve.mention("EvFault" + id, QUESTION);
    long mentionMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(200, mention.statusCode(), serve.describe());
    assertTrue(mentionMillis < SLACK_LIMIT_MILLIS, "mention acked in " + mentionMillis + " ms");

    started = System.nanoTime();
    SignedRequest r =
        SignedRequest.slashCommand(
            ServeProcess.SIGNING_SECRET,
            QUESTION,
            "http://127.0.0.1:9/response/unused",
            Instant.now().getEpochSecond());
    HttpResponse<String> slash =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", r.timestamp())
                .header("X-Slack-Signature", r.signature())
                .POST(HttpRequest.BodyPublishers.ofString(r.body()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long slashMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(200, slash.statusCode(), serve.describe());
    assertTrue(slash.body().contains("ByteDance"), slash.body());
    assertTrue(
        slashMillis < SLACK_LIMIT_MILLIS, "slash command answered in " + slashMillis + " ms");
  }

  private ServeProcess serve(SlackStandIn slack, String url) throws Exception {
    Map<String, String> env = ServeProcess.env(slack);
    env.put("MSFTCHINA_DB", url);
    return ServeProcess.start(env, "--index", temp.resolve("index").toString());
  }

  private static void awaitLog(ServeProcess serve, String text, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!serve.stderr().contains(text)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the log never said '" + text + "': " + serve.describe());
      }
      Thread.sleep(50);
    }
  }

  private static int count(String log, String text) {
    return (int) log.lines().filter(l -> l.contains(text)).count();
  }
}

package msftchina.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import msftchina.testing.Postgres;
import msftchina.testing.ServeProcess;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several copies of {@code serve} (real processes) sharing one database, SQLite and a real
 * PostgreSQL server that the test starts: an event delivered to both is answered once, and a reply
 * a killed copy left pending is delivered once by the next start.
 */
class SeveralCopiesIT {

  private static final String POST_MESSAGE = "/api/chat.postMessage";
  private static final String QUESTION = "who is the biggest AI customer in China?";
  private static final String LATER = "how fast is Azure AI revenue growing in China?";

  /** How long a copy may take to answer, or to sweep what it delivered out of the database. */
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static Postgres postgres;

  @TempDir Path temp;
  private final List<ServeProcess> processes = new ArrayList<>();
  private SlackStandIn slack;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = Postgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (ServeProcess p : processes) {
      p.close();
    }
    if (slack != null) {
      slack.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void anEventDeliveredToTwoCopiesIsAnsweredOnce(String database) throws Exception {
    slack = new SlackStandIn();
    String url = database(database);
    ServeProcess a = serve(url, "a");
    ServeProcess b = serve(url, "b");
    a.awaitHealthy();
    b.awaitHealthy();

    int events = 6;
    for (int i = 0; i < events; i++) {
      String id = "EvBoth" + database + i;
      // The event and its retry reach both copies at once, as behind a load balancer.
      CompletableFuture<HttpResponse<String>> toA = send(a, id);
      CompletableFuture<HttpResponse<String>> toB = send(b, id);
      assertEquals(200, toA.get().statusCode(), a.describe());
      assertEquals(200, toB.get().statusCode(), b.describe());
    }
    assertEquals(200, a.mention("EvBoth" + database + "0", QUESTION).statusCode()); // a late retry
    // Each copy queued every event before acknowledging it, and its answer waits for its claim. A
    // later question to each copy, in the same channel, is answered after anything either queued
    // before it; and once no claimed reply is left in the database, no copy can take one over and
    // answer it again.
    assertEquals(200, a.mention("EvLaterA" + database, LATER).statusCode());
    assertEquals(200, b.mention("EvLaterB" + database, LATER).statusCode());
    slack.await(c -> c.path().equals(POST_MESSAGE) && answers(c, LATER), 2, WAIT);
    awaitNoReplyLeft(url);
    List<SlackStandIn.Call> posts = slack.calls(POST_MESSAGE);
    assertEquals(events + 2, posts.size(), "one answer per event: " + a.describe() + b.describe());
    assertEquals(events, posts.stream().filter(c -> answers(c, QUESTION)).count(), posts + "");
    assertTrue(
        posts.stream()
            .filter(c -> answers(c, QUESTION))
            .allMatch(c -> c.param("text").contains("ByteDance")),
        posts + "");
    assertFalse(a.stderr().contains("Exception") || b.stderr().contains("Exception"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aReplyAKilledCopyLeftPendingIsDeliveredOnceByTheNextStart(String database) throws Exception {
    slack = new SlackStandIn();
    // Slack asks for the first post again in 30 s: the copy is killed while it waits.
    slack.script(POST_MESSAGE, SlackStandIn.Scripted.rateLimited(30));
    String url = database(database);
    ServeProcess first = serve(url, "first");
    first.awaitHealthy();
    assertEquals(200, first.mention("EvKilled" + database, QUESTION).statusCode());
    assertEquals(1, slack.await(POST_MESSAGE, 1, Duration.ofSeconds(10)).size());
    first.sigkill();

    ServeProcess next = serve(url, "next");
    next.awaitHealthy();
    List<SlackStandIn.Call> posts = slack.await(POST_MESSAGE, 2, Duration.ofSeconds(30));
    assertEquals(2, posts.size(), "the next start delivers the reply: " + next.describe());
    // Delivered, the reply is deleted from the database: then no copy can deliver it again.
    awaitNoReplyLeft(url);
    posts = slack.calls(POST_MESSAGE);
    assertEquals(2, posts.size(), "delivered once: " + posts);
    SlackStandIn.Call delivered = posts.get(1);
    assertEquals("C42", delivered.param("channel"));
    assertTrue(delivered.param("text").contains("ByteDance"), delivered.body());
    assertTrue(delivered.param("thread_ts") != null, "in the question's thread");
  }

  /** Returns whether {@code post} answers {@code question}, which it echoes. */
  private static boolean answers(SlackStandIn.Call post, String question) {
    String blocks = post.param("blocks");
    return blocks != null && blocks.contains(question.substring(0, question.length() - 1));
  }

  /**
   * Waits until the database at {@code url} holds no claimed reply: each was delivered, and its
   * copy's sweep deleted it.
   */
  private static void awaitNoReplyLeft(String url) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    int left = -1;
    while (System.nanoTime() < end) {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox")) {
        rs.next();
        left = rs.getInt(1);
      }
      if (left == 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(left + " replies still claimed in the database after " + WAIT);
  }

  private String database(String kind) throws Exception {
    return kind.equals("sqlite")
        ? "jdbc:sqlite:" + temp.resolve("shared.db")
        : postgres.newDatabase();
  }

  private ServeProcess serve(String url, String name) throws Exception {
    Map<String, String> env = ServeProcess.env(slack);
    env.put("MSFTCHINA_DB", url);
    ServeProcess p = ServeProcess.start(env, "--index", temp.resolve("index-" + name).toString());
    processes.add(p);
    return p;
  }

  private static CompletableFuture<HttpResponse<String>> send(ServeProcess p, String eventId) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return p.mention(eventId, QUESTION);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }
}

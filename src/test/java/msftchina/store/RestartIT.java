package msftchina.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import msftchina.testing.ServeProcess;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts never post a reply twice (issue 21, item 7): {@code serve} as users run it (a separate
 * JVM), one SQLite store file, stopped with SIGTERM or SIGKILL while replies are pending and posts
 * are in flight, then started again on the same file; the Web API stand-in keeps each message
 * posted, with the event id its metadata names, from the moment Slack takes it.
 */
class RestartIT {

  private static final String POST_MESSAGE = "/api/chat.postMessage";
  private static final String REPLIES = "/api/conversations.replies";
  private static final String QUESTION = "who is the biggest AI customer in China?";

  /** A killed copy's lease (10 s), a sweep (3 s), and room for a busy machine. */
  private static final Duration TAKEN_OVER = Duration.ofSeconds(45);

  @TempDir Path temp;

  private final List<ServeProcess> processes = new ArrayList<>();
  private final SlackStandIn slack = newStandIn();

  @AfterEach
  void stopEverything() throws Exception {
    for (ServeProcess p : processes) {
      p.close();
    }
    slack.close();
  }

  // (a) SIGTERM with replies waiting in three channels and some being posted when the stop's
  // timeout ends (Slack answers each post in 1.5 s, a channel takes one a second): the stop lets
  // the posts in flight get Slack's answer, the next start posts the rest, each reply once.

  @Test
  void sigtermWithRepliesPendingAndInFlightPostsEachReplyOnceAcrossTheRestart() throws Exception {
    int perChannel = 20;
    List<String> channels = List.of("CRA", "CRB", "CRC");
    int replies = perChannel * channels.size();
    SlackStandIn.Scripted[] slow = new SlackStandIn.Scripted[replies * 2];
    java.util.Arrays.fill(slow, SlackStandIn.Scripted.slow(Duration.ofMillis(1_500)));
    slack.script(POST_MESSAGE, slow);

    ServeProcess first = serve();
    first.awaitHealthy();
    List<String> events = new ArrayList<>();
    for (int i = 0; i < perChannel; i++) {
      for (int c = 0; c < channels.size(); c++) {
        String eventId = "EvTerm" + c + "x" + i;
        String ts = "1800000000." + String.format("%06d", 100 + i * 10 + c);
        assertEquals(200, first.mention(eventId, channels.get(c), ts, QUESTION).statusCode());
        events.add(eventId);
      }
    }
    awaitPosted(channels.size() * 2, Duration.ofSeconds(20), first);
    first.sigterm();
    assertTrue(first.process.waitFor(60, TimeUnit.SECONDS), "serve did not stop");
    first.drained();
    int postedByFirst = slack.posted().size();
    long inFlight = first.stderr().lines().filter(l -> l.contains("may not be delivered")).count();
    long pendingAfterStop = pendingRows();

    ServeProcess next = serve();
    next.awaitHealthy();
    awaitNothingPending(Duration.ofMinutes(2), next);
    next.sigterm();
    assertTrue(next.process.waitFor(60, TimeUnit.SECONDS), "serve did not stop");
    next.drained();

    Map<String, Long> posts = postsPerEvent();
    System.out.printf(
        "SIGTERM with %d replies pending: the first run posted %d (%d left in flight), %d stayed"
            + " pending; after the restart %d posts for %d replies, %d posted twice%n",
        replies,
        postedByFirst,
        inFlight,
        pendingAfterStop,
        slack.posted().size(),
        posts.size(),
        posts.values().stream().filter(n -> n > 1).count());
    assertTrue(pendingAfterStop > 0, "some replies were left to the next start");
    assertEquals(
        replies,
        slack.posted().size(),
        "every reply posted exactly once: " + posts + first.describe() + next.describe());
    assertEquals(Set.copyOf(events), posts.keySet(), "each reply's post names its event");
    assertTrue(posts.values().stream().allMatch(n -> n == 1), posts.toString());
  }

  // (b) SIGKILL right after Slack took a post and before the store recorded it (Slack's answer
  // held back): the next start takes the reply over, finds the post in the thread by its metadata,
  // and does not post it again.

  @Test
  void aReplySlackTookBeforeAKillIsFoundInItsThreadAndNotPostedAgain() throws Exception {
    slack.script(POST_MESSAGE, SlackStandIn.Scripted.slow(Duration.ofSeconds(30)));
    ServeProcess first = serve();
    first.awaitHealthy();
    String thread = "1800000100.000100";
    assertEquals(200, first.mention("EvKilled1", "CRK", thread, QUESTION).statusCode());
    awaitPosted(1, Duration.ofSeconds(20), first);
    first.sigkill(); // Slack has the message; the store still holds the reply as pending
    assertEquals(1, pendingRows(), "the reply is pending in the store");

    ServeProcess next = serve();
    next.awaitHealthy();
    awaitNothingPending(TAKEN_OVER, next);
    next.sigterm();
    assertTrue(next.process.waitFor(60, TimeUnit.SECONDS), "serve did not stop");
    next.drained();

    List<SlackStandIn.Call> looks = slack.calls(REPLIES);
    System.out.println(
        "SIGKILL after Slack took the post: "
            + slack.posted().size()
            + " post(s); the next start looked with "
            + looks.stream().map(SlackStandIn.Call::form).toList());
    assertEquals(1, slack.posted().size(), "not posted again: " + next.describe());
    assertTrue(
        looks.stream()
            .anyMatch(
                c ->
                    "CRK".equals(c.param("channel"))
                        && thread.equals(c.param("ts"))
                        && Set.of("true", "1").contains(c.param("include_all_metadata"))),
        "looked in the thread, with metadata: " + looks);
    assertTrue(
        next.stderr().lines().anyMatch(l -> l.contains("EvKilled1") && l.contains("not posted")),
        "the log says why it was not posted: " + next.describe());
  }

  // (c) When the look fails (here: a missing scope), the reply is posted anyway, with a line
  // saying it may show twice: an acknowledged reply lost is worse than a rare duplicate.

  @Test
  void aReplyThatCannotBeLookedForIsPostedWithALineSayingItMayShowTwice() throws Exception {
    slack.script(POST_MESSAGE, SlackStandIn.Scripted.slow(Duration.ofSeconds(30)));
    slack.script(REPLIES, SlackStandIn.Scripted.error("missing_scope"));
    ServeProcess first = serve();
    first.awaitHealthy();
    assertEquals(
        200, first.mention("EvKilled2", "CRL", "1800000200.000100", QUESTION).statusCode());
    awaitPosted(1, Duration.ofSeconds(20), first);
    first.sigkill();

    ServeProcess next = serve();
    next.awaitHealthy();
    awaitNothingPending(TAKEN_OVER, next);
    next.sigterm();
    assertTrue(next.process.waitFor(60, TimeUnit.SECONDS), "serve did not stop");
    next.drained();

    assertEquals(2, slack.posted().size(), "posted again: " + next.describe());
    String line =
        next.stderr()
            .lines()
            .filter(l -> l.contains("EvKilled2") && l.contains("may show twice"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no line names the reply: " + next.describe()));
    assertTrue(line.contains("WARN") && line.contains("missing_scope"), line);
  }

  private ServeProcess serve() throws Exception {
    Map<String, String> env = ServeProcess.env(slack);
    env.put("MSFTCHINA_DB", "jdbc:sqlite:" + temp.resolve("bot.db"));
    ServeProcess p = ServeProcess.start(env, "--index", temp.resolve("index").toString());
    processes.add(p);
    return p;
  }

  private void awaitPosted(int count, Duration timeout, ServeProcess p) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (slack.posted().size() < count) {
      if (System.nanoTime() > end) {
        throw new AssertionError("fewer than " + count + " posts: " + p.describe());
      }
      Thread.sleep(20);
    }
  }

  /**
   * Waits until the store holds no pending reply: each was posted (or found posted) and done with,
   * and nothing is left for serve to post.
   */
  private void awaitNothingPending(Duration timeout, ServeProcess p) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (pendingRows() > 0) {
      if (System.nanoTime() > end) {
        throw new AssertionError(pendingRows() + " replies still pending: " + p.describe());
      }
      Thread.sleep(100);
    }
  }

  /** Returns how many replies the store holds as pending. */
  private long pendingRows() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("bot.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Returns how many messages were posted for each event id their metadata names. */
  private Map<String, Long> postsPerEvent() {
    return slack.posted().stream()
        .map(p -> p.eventId() == null ? "(no metadata)" : p.eventId())
        .collect(Collectors.groupingBy(e -> e, TreeMap::new, Collectors.counting()));
  }

  private static SlackStandIn newStandIn() {
    try {
      return new SlackStandIn();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

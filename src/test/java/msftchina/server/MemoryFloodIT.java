package msftchina.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import msftchina.slack.SignedRequest;
import msftchina.testing.EventBodies;
import msftchina.testing.ServeProcess;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, row 1: floods of mentions, each into a new thread, against {@code bin/msftchina serve}
 * as an operator runs it (the launcher's heap and flags), past the rates that ran the old bot out
 * of memory: no OutOfMemoryError, the process alive, /healthz ok throughout and after, and every
 * acknowledged mention answered in its thread, told that the bot is busy, or named in a log line.
 */
class MemoryFloodIT {

  private static final String POST_MESSAGE = "/api/chat.postMessage";

  /**
   * The channels mentioned in: the outbox posts at most once a second in each (Slack's rate), so
   * what it holds at its bound drains in under a minute.
   */
  private static final int CHANNELS = 100;

  /** What the busy note says (slack.BusyNote), literally: this test also runs on older code. */
  private static final String BUSY = "I'm busy answering";

  private static final Pattern EVENT_ID = Pattern.compile("EvFlood\\d+");

  @TempDir Path temp;

  @Test
  void aFloodOfMentionsIntoNewThreadsNeverRunsTheHeapOut() throws Exception {
    flood(200, Duration.ofSeconds(50), i -> "who is the biggest AI customer in China? (" + i + ")");
  }

  @Test
  void aFloodOf4000CharacterQuestionsNeverRunsTheHeapOut() throws Exception {
    String words = "microsoft china azure revenue research lab beijing engineers customers policy ";
    flood(
        100,
        Duration.ofSeconds(30),
        i ->
            (i + " how much does Microsoft spend in China? " + words.repeat(60))
                .substring(0, 4000));
  }

  private interface Questions {
    String of(int i);
  }

  private void flood(int perSecond, Duration length, Questions questions) throws Exception {
    try (SlackStandIn slack = new SlackStandIn()) {
      Map<String, String> env = ServeProcess.env(slack);
      env.put("MSFTCHINA_DB", "jdbc:sqlite:" + temp.resolve("flood.db"));
      try (ServeProcess serve = ServeProcess.startLauncher(env)) {
        serve.awaitHealthy();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // event id -> thread ts
        Set<String> failed = ConcurrentHashMap.newKeySet();
        List<String> unhealthy = new ArrayList<>();
        Semaphore inFlight = new Semaphore(24);
        int total = (int) (perSecond * length.toSeconds());
        long start = System.nanoTime();
        long nextHealth = start;
        for (int i = 0; i < total; i++) {
          long due = start + TimeUnit.SECONDS.toNanos(1) * i / perSecond;
          while (System.nanoTime() < due) {
            Thread.onSpinWait();
            if (due - System.nanoTime() > 2_000_000) {
              Thread.sleep(1);
            }
          }
          if (System.nanoTime() >= nextHealth) { // once a second, as a supervisor would
            String health = health(http, serve.port);
            if (!health.contains("\"status\":\"ok\"")) {
              unhealthy.add(i + ": " + health);
            }
            nextHealth = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
          }
          String eventId = "EvFlood" + i;
          String ts = "1700000000." + String.format("%06d", i);
          String body =
              EventBodies.callback(
                  eventId, EventBodies.appMention("C" + (i % CHANNELS), ts, questions.of(i)));
          SignedRequest signed =
              SignedRequest.sign(ServeProcess.SIGNING_SECRET, body, Instant.now().getEpochSecond());
          inFlight.acquire();
          // Its outcome is counted by whenComplete; the last ones are awaited through inFlight.
          var unused =
              http.sendAsync(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + serve.port + "/slack/events"))
                          .timeout(Duration.ofSeconds(10))
                          .header("Content-Type", "application/json")
                          .header("X-Slack-Request-Timestamp", signed.timestamp())
                          .header("X-Slack-Signature", signed.signature())
                          .POST(HttpRequest.BodyPublishers.ofString(body))
                          .build(),
                      HttpResponse.BodyHandlers.discarding())
                  .whenComplete(
                      (r, e) -> {
                        inFlight.release();
                        if (r != null && r.statusCode() == 200) {
                          acknowledged.put(eventId, ts);
                        } else {
                          failed.add(eventId + ": " + (r == null ? e : r.statusCode()));
                        }
                      });
        }
        inFlight.acquire(24);

        // Every acknowledged mention posted in its thread (answer or busy note) or named in the
        // log: waited for, the outbox draining at Slack's rate of a post a second a channel.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(75);
        Set<String> unaccounted = new HashSet<>(acknowledged.keySet());
        while (!unaccounted.isEmpty() && System.nanoTime() < end && serve.process.isAlive()) {
          Set<String> threads = new HashSet<>();
          for (SlackStandIn.Call c : slack.calls(POST_MESSAGE)) {
            threads.add(c.param("thread_ts"));
          }
          Set<String> named = new HashSet<>();
          Matcher m = EVENT_ID.matcher(serve.stderr());
          while (m.find()) {
            named.add(m.group());
          }
          unaccounted.removeIf(id -> threads.contains(acknowledged.get(id)) || named.contains(id));
          Thread.sleep(500);
        }
        long answers =
            slack.calls(POST_MESSAGE).stream()
                .filter(c -> !String.valueOf(c.param("text")).contains(BUSY))
                .count();
        long busy = slack.calls(POST_MESSAGE).size() - answers;
        String health = health(http, serve.port);
        System.out.printf(
            "MemoryFloodIT: %d mentions at %d/s: %d acknowledged, %d failed; %d answers and %d busy"
                + " notes posted; %d unaccounted; /healthz not ok %d times%n",
            total,
            perSecond,
            acknowledged.size(),
            failed.size(),
            answers,
            busy,
            unaccounted.size(),
            unhealthy.size());
        assertFalse(
            serve.stderr().contains("OutOfMemoryError"), "no OutOfMemoryError" + tail(serve));
        assertTrue(serve.process.isAlive(), "serve still runs" + tail(serve));
        assertEquals(Set.of(), failed, "every mention acknowledged");
        assertEquals(Set.of(), unaccounted, "every acknowledged mention posted or named");
        assertTrue(answers > 0, "answers were posted");
        assertEquals(List.of(), unhealthy, "/healthz ok throughout");
        assertTrue(health.contains("\"status\":\"ok\""), "/healthz ok after: " + health);
      }
    }
  }

  private static String health(HttpClient http, int port) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                  .timeout(Duration.ofSeconds(2))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() + " " + r.body();
    } catch (Exception e) {
      return "no answer: " + e;
    }
  }

  private static String tail(ServeProcess serve) {
    String err = serve.stderr();
    return "\n--- serve's log, last 3,000 characters ---\n"
        + err.substring(Math.max(0, err.length() - 3_000));
  }
}

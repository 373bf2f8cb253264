package msftchina.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import msftchina.testing.ServeProcess;
import msftchina.testing.SlackStandIn;
import msftchina.testing.SocketEnvelopes;
import msftchina.testing.SocketModeStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket Mode under bursts (issue 21, item 9), on {@code serve} as a separate JVM with the serve
 * launcher's 32 MiB heap: many users acting at once are each acknowledged within Slack's 3 s and
 * each get an answer (or, past the bot's bound, are told it is busy), and a message bigger than any
 * envelope leaves the bot connected and answering.
 */
class SocketModeBurstIT {

  /** The serve launcher's memory flags (bin/msftchina). */
  private static final List<String> LAUNCHER_HEAP =
      List.of("-Xms8m", "-Xmx32m", "-XX:+UseSerialGC", "-Xss512k");

  private static final String[] QUESTIONS = {
    "who is the biggest AI customer in China?",
    "how fast is Azure AI revenue growing in China?",
    "how big is Microsoft's AI business with Chinese companies?",
    "what do Chinese companies buy from Microsoft?",
    "which Chinese firms use Azure OpenAI?",
  };

  /** Words of the reply that says the bot is busy. */
  private static final String BUSY = "a lot of questions right now";

  @TempDir Path temp;
  private SlackStandIn slack;
  private SocketModeStandIn socket;
  private ServeProcess serve;

  @BeforeEach
  void start() throws Exception {
    slack = new SlackStandIn();
    socket = new SocketModeStandIn();
    slack.socketModeUrl(socket.url());
    Map<String, String> env = new HashMap<>(ServeProcess.env(slack));
    env.remove("SLACK_SIGNING_SECRET");
    env.put("SLACK_APP_TOKEN", "xapp-1-A0BURST-1-0123456789abcdef");
    env.put("MSFTCHINA_DB", "jdbc:sqlite:" + temp.resolve("msftchina.db"));
    serve = ServeProcess.start(env, LAUNCHER_HEAP, "--index", temp.resolve("index").toString());
    serve.awaitStderr("connected over Socket Mode", Duration.ofSeconds(60));
    assertTrue(socket.awaitConnections(1, Duration.ofSeconds(10)), serve.describe());
  }

  @AfterEach
  void stop() throws Exception {
    serve.close();
    slack.close();
    socket.close();
  }

  @Test
  void twoThousandSlashCommandsAtOnceAreEachAcknowledgedInTimeAndAnswered() throws Exception {
    warmUp();
    Map<String, String> burst = slashCommands("burst", 2000, "");
    socket.sendAll(burst);

    assertEquals(
        burst.size(), socket.awaitAcks(burst.keySet(), Duration.ofSeconds(30)), serve.describe());
    double[] ms = ackMillis(burst);
    String figures = figures(ms);
    System.out.println("2,000 slash commands at once: " + figures);
    assertTrue(ms[ms.length - 1] < 3000, "every ack within Slack's 3 s: " + figures);
    // p99 was 1.9 s on the code before (SDK client), ~0.4 s after: 1 s fails the one, not the other
    assertTrue(percentile(ms, 0.99) < 1000, "p99 under 1 s: " + figures);

    Map<String, String> got = awaitAnswers(burst, Duration.ofSeconds(60));
    assertEquals(burst.size(), got.size(), "every user got a reply: " + serve.describe());
    // answers made after their ack wait in the send queue; past its 8 MiB, users are told busy
    long busy = got.values().stream().filter(t -> t.contains(BUSY)).count();
    System.out.println("told busy: " + busy + ", answered: " + (got.size() - busy));
    assertTrue(busy < burst.size() / 2, "most users answered: " + busy + " told busy");
    assertFalse(serve.stderr().contains("OutOfMemoryError"), serve.describe());
  }

  @Test
  void pastItsBoundTheBotAcknowledgesAndSaysItIsBusyNeverNothing() throws Exception {
    // 2,000 questions of 4,000 characters: some 16 MB of envelopes at once, over the 4 MiB bound
    String padding = " and also tell me more about it".repeat(130);
    Map<String, String> burst = slashCommands("big", 2000, padding);
    socket.sendAll(burst);

    assertEquals(
        burst.size(), socket.awaitAcks(burst.keySet(), Duration.ofSeconds(30)), serve.describe());
    double[] ms = ackMillis(burst);
    System.out.println("2,000 long slash commands at once: " + figures(ms));
    assertTrue(ms[ms.length - 1] < 3000, "every ack within Slack's 3 s: " + figures(ms));

    Map<String, String> got = awaitAnswers(burst, Duration.ofSeconds(90));
    long busy = got.values().stream().filter(t -> t.contains(BUSY)).count();
    System.out.println("told busy: " + busy + ", answered: " + (got.size() - busy));
    assertEquals(burst.size(), got.size(), "nobody left without a reply: " + serve.describe());
    assertTrue(busy > 0, "the burst was over the bound: some users told the bot is busy");
    assertEquals(
        1,
        serve.stderr().lines().filter(l -> l.contains("Socket Mode: busy,")).count(),
        "one log line for the busy spell: " + serve.describe());
    assertFalse(serve.stderr().contains("OutOfMemoryError"), serve.describe());
    // and it answers again once the burst is over
    Map<String, String> after = slashCommands("after", 1, "");
    socket.sendAll(after);
    assertTrue(
        awaitAnswers(after, Duration.ofSeconds(10))
            .values()
            .iterator()
            .next()
            .contains("ByteDance"));
  }

  @Test
  void aTenMegabyteFrameLeavesTheBotConnectedAndAnswering() throws Exception {
    String huge = "x".repeat(10 * 1024 * 1024);
    socket.send(SocketEnvelopes.slash("env-huge", "UHUGE", huge, slack.responseUrl("env-huge")));
    serve.awaitStderr("bigger than any envelope this bot answers", Duration.ofSeconds(20));
    assertTrue(
        socket.awaitConnections(2, Duration.ofSeconds(15)), "connected again: " + serve.describe());

    Map<String, String> after = slashCommands("after-huge", 1, "");
    socket.sendAll(after);
    Map<String, String> got = awaitAnswers(after, Duration.ofSeconds(10));
    assertTrue(
        got.size() == 1 && got.values().iterator().next().contains("ByteDance"), serve.describe());
    assertTrue(serve.process.isAlive(), serve.describe());
    String log = serve.stderr();
    assertEquals(
        1,
        log.lines().filter(l -> l.contains("bigger than any envelope")).count(),
        "one line says what happened: " + log);
    assertFalse(log.contains("OutOfMemoryError") || log.contains("\tat "), log);
  }

  private void warmUp() throws Exception {
    Map<String, String> warm = slashCommands("warm", 100, "");
    socket.sendAll(warm);
    awaitAnswers(warm, Duration.ofSeconds(30));
  }

  private Map<String, String> slashCommands(String name, int count, String padding) {
    Map<String, String> envelopes = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String id = "env-" + name + "-" + i;
      String question = QUESTIONS[i % QUESTIONS.length] + padding;
      envelopes.put(id, SocketEnvelopes.slash(id, "U" + name + i, question, slack.responseUrl(id)));
    }
    return envelopes;
  }

  /**
   * Waits until every envelope's user has a reply: in its ack's payload, or on its response_url.
   */
  private Map<String, String> awaitAnswers(Map<String, String> envelopes, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    Map<String, String> got = new HashMap<>();
    while (true) {
      got.clear();
      for (JsonObject ack : socket.acks()) {
        if (ack.has("envelope_id") && ack.has("payload")) {
          String id = ack.get("envelope_id").getAsString();
          if (envelopes.containsKey(id)) {
            got.putIfAbsent(id, ack.get("payload").toString());
          }
        }
      }
      for (SlackStandIn.Call call : slack.calls()) {
        String id = call.path().substring(call.path().lastIndexOf('/') + 1);
        if (call.path().startsWith("/response/") && envelopes.containsKey(id)) {
          got.putIfAbsent(id, call.body());
        }
      }
      if (got.size() == envelopes.size() || System.nanoTime() > end) {
        return Map.copyOf(got);
      }
      Thread.sleep(100);
    }
  }

  private double[] ackMillis(Map<String, String> envelopes) {
    double[] ms = envelopes.keySet().stream().mapToDouble(socket::ackMillis).toArray();
    Arrays.sort(ms);
    assertNotNull(ms);
    return ms;
  }

  private static double percentile(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static String figures(double[] sorted) {
    return String.format(
        Locale.ROOT,
        "ack ms p50 %.0f, p99 %.0f, max %.0f",
        percentile(sorted, 0.5),
        percentile(sorted, 0.99),
        sorted[sorted.length - 1]);
  }
}

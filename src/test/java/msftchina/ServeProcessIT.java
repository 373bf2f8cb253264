package msftchina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import msftchina.facts.FactsDirectory;
import msftchina.search.FactIndex;
import msftchina.slack.SignedRequest;
import msftchina.testing.EventBodies;
import msftchina.testing.FactsCopy;
import msftchina.testing.ServeProcess;
import msftchina.testing.SlackStandIn;
import msftchina.testing.SocketModeStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as users run it: a separate JVM ({@code java -cp ... msftchina.cli.Main serve}),
 * started from the project folder with its settings in the environment, talking to a {@link
 * SlackStandIn} in place of Slack's Web API, and stopped with SIGTERM.
 */
class ServeProcessIT {

  private static final String SIGNING_SECRET = "sigsecret-PROC-7f3a9c1e5b2d4f60a8e1c3b5";
  private static final String BOT_TOKEN = "xoxb-PROCTOKEN-5518-93c2e7aa41d0b6f8";

  /** Distinctive middles of the secrets, in case only part of one leaks. */
  private static final List<String> SECRET_PARTS =
      List.of(
          SIGNING_SECRET, BOT_TOKEN, "7f3a9c1e5b2d4f60a8e1c3b5", "PROCTOKEN-5518-93c2e7aa41d0b6f8");

  private static final String POST_MESSAGE = "/api/chat.postMessage";
  private static final String QUESTION = "who is the biggest AI customer in China?";
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path temp;

  private final List<ServeProcess> processes = new ArrayList<>();
  private final List<SlackStandIn> standIns = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Every HTTP response body the serve processes sent. */
  private final List<String> responseBodies = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopEverything() throws Exception {
    for (ServeProcess p : processes) {
      p.close();
    }
    for (SlackStandIn s : standIns) {
      s.close();
    }
  }

  // 1. Missing secrets stop start-up with one line naming the variable.

  @Test
  void missingSigningSecretStopsWithOneLineNamingIt() throws Exception {
    assertMissingVariableStops("SLACK_SIGNING_SECRET");
  }

  @Test
  void missingBotTokenStopsWithOneLineNamingIt() throws Exception {
    assertMissingVariableStops("SLACK_BOT_TOKEN");
  }

  private void assertMissingVariableStops(String variable) throws Exception {
    SlackStandIn slack = standIn();
    Map<String, String> env = env(freePort(), slack);
    env.remove(variable);
    ServeProcess p = start(env, "--index", temp.resolve("index").toString());
    assertTrue(
        p.process.waitFor(30, TimeUnit.SECONDS), "serve without " + variable + " did not stop");
    p.drained();
    assertEquals(2, p.process.exitValue(), p.describe());
    List<String> lines = p.stderr().strip().lines().toList();
    assertEquals(1, lines.size(), "exactly one line: " + p.describe());
    assertTrue(lines.get(0).contains(variable), p.describe());
    assertNoStackTrace(p.stderr());
    assertNoSecrets(p.stdout() + p.stderr());
    assertTrue(slack.calls().isEmpty(), "nothing reached Slack: " + slack.calls());
  }

  @Test
  void botTokenSlackRefusesStopsStartUpWithOneLine() throws Exception {
    SlackStandIn slack = standIn();
    SlackStandIn.Scripted refused = SlackStandIn.Scripted.error("invalid_auth");
    slack.script(
        "/api/auth.test",
        refused,
        refused,
        refused,
        refused); // the client asks once for the team id too
    ServeProcess p = start(env(freePort(), slack), "--index", temp.resolve("index").toString());
    assertTrue(p.process.waitFor(30, TimeUnit.SECONDS), "serve with a refused token did not stop");
    p.drained();
    assertEquals(2, p.process.exitValue(), p.describe());
    String refusal =
        p.stderr().lines().filter(l -> l.contains("SLACK_BOT_TOKEN")).findFirst().orElse("");
    assertTrue(refusal.contains("invalid_auth"), p.describe());
    assertNoStackTrace(p.stderr());
    assertNoSecrets(p.stdout() + p.stderr());
  }

  // 2. Secrets never reach a log line or a reply.

  @Test
  void secretsNeverReachALogLineOrAReply() throws Exception {
    SlackStandIn slack = standIn();
    // The first mention's reply fails with 500 on every attempt (4); the second's is refused.
    slack.script(
        POST_MESSAGE,
        SlackStandIn.Scripted.status(500),
        SlackStandIn.Scripted.status(500),
        SlackStandIn.Scripted.status(500),
        SlackStandIn.Scripted.status(500),
        SlackStandIn.Scripted.error("invalid_auth"));
    int port = freePort();
    ServeProcess p = start(env(port, slack), "--index", temp.resolve("index").toString());
    p.awaitHealthy(responseBodies::add);

    HttpResponse<String> answered = slashCommand(port, SIGNING_SECRET, QUESTION, Instant.now());
    assertEquals(200, answered.statusCode(), answered.body());
    assertTrue(answered.body().contains("ByteDance"), answered.body());

    HttpResponse<String> forged =
        slashCommand(port, "not-the-signing-secret", QUESTION, Instant.now());
    assertEquals(401, forged.statusCode(), forged.body());

    SignedRequest malformed =
        SignedRequest.sign(SIGNING_SECRET, "{not json", Instant.now().getEpochSecond());
    HttpResponse<String> bad =
        post(
            port,
            malformed.body(),
            "application/json",
            malformed.timestamp(),
            malformed.signature());
    assertEquals(400, bad.statusCode(), bad.body());

    assertEquals(200, mention(port, "EvProcFail500", "1700000101.000100").statusCode());
    assertEquals(
        4,
        slack.await(POST_MESSAGE, 4, Duration.ofSeconds(20)).size(),
        "four attempts on 500: " + p.describe());
    p.awaitStderr("not delivered after 4 attempts", Duration.ofSeconds(20));

    assertEquals(200, mention(port, "EvProcInvalidAuth", "1700000102.000200").statusCode());
    assertEquals(5, slack.await(POST_MESSAGE, 5, Duration.ofSeconds(20)).size(), p.describe());
    p.awaitStderr("invalid_auth", Duration.ofSeconds(20));

    HttpResponse<String> stale =
        slashCommand(port, SIGNING_SECRET, QUESTION, Instant.now().minus(Duration.ofMinutes(10)));
    assertEquals(401, stale.statusCode(), stale.body());

    p.sigterm();
    assertTrue(
        p.process.waitFor(15, TimeUnit.SECONDS), "serve did not stop on SIGTERM: " + p.describe());
    p.drained();
    assertEquals(0, p.process.exitValue(), p.describe());
    assertTrue(
        p.stderr().contains("stopping:") && p.stderr().strip().endsWith("stopped"),
        "the log was captured to its end: " + p.describe());

    // The settings did reach the process: Slack was called with the token.
    assertTrue(
        slack.calls(POST_MESSAGE).stream()
            .allMatch(
                c ->
                    ("Bearer " + BOT_TOKEN)
                        .equals(c.headers().getOrDefault("authorization", List.of("")).get(0))),
        "chat.postMessage carries the bot token");
    assertNoSecrets(p.stdout());
    assertNoSecrets(p.stderr());
    assertFalse(responseBodies.isEmpty());
    for (String body : responseBodies) {
      assertNoSecrets(body);
    }
    List<String> startLines =
        p.stderr().lines().filter(l -> l.contains("serving on port")).toList();
    assertEquals(1, startLines.size(), p.describe());
    assertTrue(startLines.get(0).contains("port " + port), startLines.get(0));
    assertTrue(startLines.get(0).contains("12 facts"), startLines.get(0));
    assertNoStackTrace(p.stderr());
  }

  // 3. SIGTERM lets a pending reply finish.

  @Test
  void sigtermLetsAPendingReplyFinishAndExitsZero() throws Exception {
    SlackStandIn slack = standIn();
    slack.script(POST_MESSAGE, SlackStandIn.Scripted.slow(Duration.ofSeconds(2)));
    int port = freePort();
    ServeProcess p = start(env(port, slack), "--index", temp.resolve("index").toString());
    p.awaitHealthy(responseBodies::add);

    assertEquals(200, mention(port, "EvProcSlow", "1700000201.000100").statusCode());
    assertEquals(
        1,
        slack.await(POST_MESSAGE, 1, Duration.ofSeconds(15)).size(),
        "the reply was sent: " + p.describe());
    assertEquals(0, slack.completed(POST_MESSAGE), "the stand-in is still answering");

    long stopAsked = System.nanoTime();
    p.sigterm(); // while the reply is pending
    assertTrue(
        p.process.waitFor(15, TimeUnit.SECONDS),
        "serve did not stop within 15 s of SIGTERM: " + p.describe());
    long stopMillis = (System.nanoTime() - stopAsked) / 1_000_000;
    p.drained();
    assertEquals(0, p.process.exitValue(), p.describe());
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (slack.completed(POST_MESSAGE) < 1 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertEquals(
        1,
        slack.completed(POST_MESSAGE),
        "the pending reply was answered in full: " + p.describe());
    assertEquals(1, slack.calls(POST_MESSAGE).size(), "and not sent again");
    assertTrue(
        stopMillis >= 1_000, "serve waited for the reply, stopped after " + stopMillis + " ms");
    String err = p.stderr();
    assertTrue(
        err.contains("stopping: finishing requests in flight and pending replies"), p.describe());
    assertTrue(err.lines().anyMatch(l -> l.strip().endsWith("stopped")), p.describe());
    assertTrue(err.indexOf("stopping:") < err.lastIndexOf("stopped"), p.describe());
    assertFalse(
        err.contains("not delivered") || err.contains("refused by Slack") || err.contains("stop: "),
        p.describe());
    assertNoStackTrace(err);
  }

  // Issue 12, row 3: SIGTERM with 100 replies pending, Slack answering in 2 s. Each acknowledged
  // reply is delivered or named in a log line (its event id and channel); none silently dropped.

  @Test
  void sigtermWithAHundredRepliesPendingDeliversOrNamesEachOne() throws Exception {
    int replies = 100;
    SlackStandIn slack = standIn();
    SlackStandIn.Scripted[] slow = new SlackStandIn.Scripted[replies];
    Arrays.fill(slow, SlackStandIn.Scripted.slow(Duration.ofSeconds(2)));
    slack.script(POST_MESSAGE, slow);
    int port = freePort();
    ServeProcess p = start(env(port, slack), "--index", temp.resolve("index").toString());
    p.awaitHealthy(responseBodies::add);

    for (int i = 0; i < replies; i++) {
      assertEquals(200, mention(port, "EvStop" + i, "1700000301.000100", "CSTOP" + i).statusCode());
    }
    long stopAsked = System.nanoTime();
    p.sigterm();
    assertTrue(p.process.waitFor(40, TimeUnit.SECONDS), "serve did not stop: " + p.describe());
    long stopMillis = (System.nanoTime() - stopAsked) / 1_000_000;
    p.drained();
    Thread.sleep(2_500); // posts still being answered by the stand-in
    assertEquals(0, p.process.exitValue(), p.describe());

    String err = p.stderr();
    int attempted = 0;
    int named = 0;
    for (int i = 0; i < replies; i++) {
      String channel = "CSTOP" + i;
      String eventId = "event EvStop" + i + ":";
      boolean sent =
          slack.calls(POST_MESSAGE).stream().anyMatch(c -> channel.equals(c.param("channel")));
      boolean logged = err.lines().anyMatch(l -> l.contains(eventId) && l.contains(channel));
      assertTrue(sent || logged, "reply " + i + " neither sent nor named: " + p.describe());
      attempted += sent ? 1 : 0;
      named += logged ? 1 : 0;
    }
    int completed = slack.completed(POST_MESSAGE);
    long neverSent = err.lines().filter(l -> l.contains("not delivered: the bot stopped")).count();
    long inFlight = err.lines().filter(l -> l.contains("may not be delivered")).count();
    System.out.printf(
        "row 3: SIGTERM with %d replies pending, Slack answering in 2 s: stopped in %d ms;"
            + " %d delivered (posts answered in full), %d sent; named in a log line: %d never"
            + " sent, %d in flight at the deadline (outcome unknown); 0 dropped silently%n",
        replies, stopMillis, completed, attempted, neverSent, inFlight);
    assertEquals(attempted, slack.calls(POST_MESSAGE).size(), "no reply sent twice");
    assertTrue(
        completed + named >= replies, completed + " delivered + " + named + " named < " + replies);
    assertNoStackTrace(err);
    assertNoSecrets(err + p.stdout());
  }

  // Issue 12, row 13, as issue 20 changed it: a facts file has no fixed cap (it is read a line at a
  // time and its statements stay in the index), so a 50 MB one is indexed and served.

  @Test
  void hugeFactsFileIsIndexedAndServed() throws Exception {
    // The facts folder copied whole, whatever its layout; its (first) facts file made 50 MB.
    Path facts = temp.resolve("facts");
    Path source = PROJECT.resolve("facts");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.sorted().toList()) {
        Path to = facts.resolve(source.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    Path jsonl;
    try (Stream<Path> files = Files.walk(facts)) {
      jsonl =
          files
              .filter(f -> f.getFileName().toString().endsWith("facts.jsonl"))
              .sorted()
              .findFirst()
              .orElseThrow();
    }
    String line = Files.readAllLines(jsonl, StandardCharsets.UTF_8).get(0);
    String id =
        line.substring(
            line.indexOf("\"id\":\"") + 6, line.indexOf('"', line.indexOf("\"id\":\"") + 6));
    try (java.io.Writer out = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 224_619; i++) {
        out.write(line.replace("\"" + id + "\"", "\"" + id + ".big" + i + "\""));
        out.write('\n');
      }
    }
    assertTrue(Files.size(jsonl) > 50_000_000, "50 MB: " + Files.size(jsonl));

    int port = freePort();
    ServeProcess p =
        start(
            env(port, standIn()),
            "--facts",
            facts.toString(),
            "--index",
            temp.resolve("index").toString());
    p.awaitHealthy(responseBodies::add);
    assertTrue(p.stderr().contains(": 224619 facts from 1 report(s)"), p.describe());
    // Every statement is now a copy of the report's first: the question is answered from them.
    HttpResponse<String> answered =
        slashCommand(
            port, SIGNING_SECRET, "how big is Microsoft's AI sales business?", Instant.now());
    assertEquals(200, answered.statusCode(), answered.body());
    assertTrue(answered.body().contains("AI sales business"), answered.body());
    System.out.println("row 13: " + p.stderr().lines().filter(l -> l.contains("serving")).toList());
    assertNoStackTrace(p.stderr());
  }

  // 3b. Socket Mode: no port, no signing secret; the app token never logged.

  private static final String APP_TOKEN = "xapp-1-A0PROC-7741-5c0ffee5d1e2a3b4c5d6e7f8";

  @Test
  void serveOverSocketModeAnswersAndNeverLogsTheAppToken() throws Exception {
    SocketModeStandIn socket = new SocketModeStandIn();
    try {
      SlackStandIn slack = standIn();
      slack.socketModeUrl(socket.url());
      Map<String, String> env = env(freePort(), slack);
      env.remove("SLACK_SIGNING_SECRET");
      env.put("SLACK_APP_TOKEN", APP_TOKEN);
      ServeProcess p = start(env, "--index", temp.resolve("index").toString());
      p.awaitStderr("connected over Socket Mode", Duration.ofSeconds(30));
      assertTrue(socket.awaitConnections(1, Duration.ofSeconds(10)), p.describe());
      socket.send(
          "{\"envelope_id\":\"env-proc-1\",\"type\":\"slash_commands\","
              + "\"accepts_response_payload\":true,\"payload\":{\"token\":\"unused\","
              + "\"team_id\":\"T0LOCAL\",\"team_domain\":\"local\",\"channel_id\":\"C1\","
              + "\"channel_name\":\"general\",\"user_id\":\"U123\",\"user_name\":\"you\","
              + "\"command\":\"/msftchina\",\"text\":\""
              + QUESTION
              + "\",\"api_app_id\":\"A0LOCAL\",\"response_url\":\""
              + slack.responseUrl("env-proc-1")
              + "\",\"trigger_id\":\"1.2.3\"}}");
      var ack = socket.awaitAck("env-proc-1", Duration.ofSeconds(3));
      assertNotNull(ack, p.describe());
      // the answer is in the ack, or (a first question on a cold JVM past the ack's budget) on
      // the command's response_url
      String answer =
          ack.has("payload")
              ? ack.toString()
              : slack.await("/response/env-proc-1", 1, Duration.ofSeconds(10)).get(0).body();
      assertTrue(answer.contains("ByteDance"), answer + p.describe());
      p.sigterm();
      assertTrue(p.process.waitFor(15, TimeUnit.SECONDS), p.describe());
      p.drained();
      assertEquals(0, p.process.exitValue(), p.describe());
      assertNoSecrets(p.stdout() + p.stderr() + ack);
      assertFalse((p.stdout() + p.stderr()).contains("5c0ffee5d1e2a3b4c5d6e7f8"), p.describe());
      assertNoStackTrace(p.stderr());
    } finally {
      socket.close();
    }
  }

  @Test
  void appTokenSlackRefusesStopsStartUpWithOneLine() throws Exception {
    SlackStandIn slack = standIn();
    slack.script("/api/apps.connections.open", SlackStandIn.Scripted.error("invalid_auth"));
    Map<String, String> env = env(freePort(), slack);
    env.put("SLACK_APP_TOKEN", APP_TOKEN);
    ServeProcess p = start(env, "--index", temp.resolve("index").toString());
    assertTrue(p.process.waitFor(30, TimeUnit.SECONDS), "serve did not stop: " + p.describe());
    p.drained();
    assertEquals(2, p.process.exitValue(), p.describe());
    String refusal =
        p.stderr().lines().filter(l -> l.contains("SLACK_APP_TOKEN")).findFirst().orElse("");
    assertTrue(refusal.contains("invalid_auth"), p.describe());
    assertNoStackTrace(p.stderr());
    assertFalse(p.stderr().contains("5c0ffee5d1e2a3b4c5d6e7f8"), p.describe());
  }

  // 4. A malformed facts file stops start-up with file:line: what is wrong.

  @Test
  void malformedFactsFileStopsStartUpNamingFileAndLine() throws Exception {
    Path facts = FactsCopy.of(PROJECT.resolve("facts"), temp.resolve("facts"));
    Path jsonl = facts.resolve("msft-china-ai").resolve("facts.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(jsonl, StandardCharsets.UTF_8));
    lines.set(2, "{not json");
    Files.write(jsonl, lines, StandardCharsets.UTF_8);

    SlackStandIn slack = standIn();
    ServeProcess p =
        start(
            env(freePort(), slack),
            "--facts",
            facts.toString(),
            "--index",
            temp.resolve("index").toString());
    assertTrue(
        p.process.waitFor(30, TimeUnit.SECONDS), "serve with a malformed facts file did not stop");
    p.drained();
    assertEquals(1, p.process.exitValue(), p.describe());
    assertTrue(p.stderr().contains("msft-china-ai/facts.jsonl:3:"), p.describe());
    assertNoStackTrace(p.stderr());
    assertFalse(p.stderr().contains("serving on port"), p.describe());
    assertNoSecrets(p.stdout() + p.stderr());
  }

  // 5. A corrupt index is rebuilt, with one log line, and then serves.

  @Test
  void corruptIndexIsRebuiltWithOneLogLineAndServes() throws Exception {
    Path index = temp.resolve("index");
    assertEquals(12, FactIndex.rebuild(index, new FactsDirectory(PROJECT.resolve("facts"))));
    List<Path> files;
    try (Stream<Path> list = Files.list(index.resolve("library"))) { // the library's one index
      files = list.filter(Files::isRegularFile).toList();
    }
    assertFalse(files.isEmpty());
    byte[] garbage =
        "garbage, not a Lucene file \u0000\u0001\u0002\u00ff"
            .repeat(8)
            .getBytes(StandardCharsets.ISO_8859_1);
    for (Path f : files) {
      Files.write(f, garbage);
    }

    SlackStandIn slack = standIn();
    int port = freePort();
    ServeProcess p = start(env(port, slack), "--index", index.toString());
    p.awaitHealthy(responseBodies::add);
    HttpResponse<String> answered = slashCommand(port, SIGNING_SECRET, QUESTION, Instant.now());
    assertEquals(200, answered.statusCode(), answered.body());
    assertTrue(answered.body().contains("ByteDance"), answered.body());
    assertEquals(1, p.stderr().lines().filter(l -> l.contains("rebuilding")).count(), p.describe());
    assertFalse(p.stderr().contains("\tat "), "stack trace: " + p.describe());
  }

  // 6. Time from process start to the first answered slash command.

  @Test
  void timeFromStartToFirstAnsweredSlashCommand() throws Exception {
    SlackStandIn slack = standIn();
    Path index = temp.resolve("index");
    long cold = startToFirstAnswer(slack, index); // the index is built on this run
    long warm = startToFirstAnswer(slack, index); // and opened on this one
    System.out.println(
        "serve, start to first answered slash command: "
            + cold
            + " ms with the index built on start, "
            + warm
            + " ms with the index already built");
    // A measurement (bench/run.sh times start-up properly); the floor is far below what it shows,
    // ~1 s on this machine, so only a start-up gone wrong fails it.
    assertTrue(cold < 10_000 && warm < 10_000, "cold " + cold + " ms, warm " + warm + " ms");
  }

  private long startToFirstAnswer(SlackStandIn slack, Path index) throws Exception {
    int port = freePort();
    long started = System.nanoTime();
    ServeProcess p = start(env(port, slack), "--index", index.toString());
    p.awaitHealthy(responseBodies::add);
    HttpResponse<String> answered = slashCommand(port, SIGNING_SECRET, QUESTION, Instant.now());
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(200, answered.statusCode(), answered.body());
    assertTrue(answered.body().contains("ByteDance"), answered.body());
    p.sigterm();
    assertTrue(p.process.waitFor(15, TimeUnit.SECONDS), p.describe());
    assertEquals(0, p.process.exitValue(), p.describe());
    return millis;
  }

  // The process and its client.

  /** A serve process with its standard output and error drained, in full, on threads. */
  /**
   * Starts {@code msftchina serve args...} in the project folder with exactly {@code env}, to be
   * stopped after the test.
   */
  private ServeProcess start(Map<String, String> env, String... args) throws IOException {
    ServeProcess p = ServeProcess.start(env, args);
    processes.add(p);
    return p;
  }

  /**
   * The environment of a serve process: only what it needs, and every setting given; its store in
   * this test's folder (a store kept between runs would remember their event ids as seen).
   */
  private Map<String, String> env(int port, SlackStandIn slack) {
    Map<String, String> env = new HashMap<>();
    String path = System.getenv("PATH");
    env.put("PATH", path == null ? "/usr/bin:/bin" : path);
    env.put("LANG", "C.UTF-8");
    env.put("PORT", Integer.toString(port));
    env.put("HOST", "127.0.0.1");
    env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("MSFTCHINA_DB", "jdbc:sqlite:" + temp.resolve("msftchina.db"));
    return env;
  }

  private SlackStandIn standIn() throws IOException {
    SlackStandIn s = new SlackStandIn();
    standIns.add(s);
    return s;
  }

  /** Returns a port that was free a moment ago (serve doesn't log back a port 0 picked for it). */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private HttpResponse<String> slashCommand(int port, String secret, String text, Instant at)
      throws Exception {
    SignedRequest r =
        SignedRequest.slashCommand(
            secret, text, "http://127.0.0.1:9/response/unused", at.getEpochSecond());
    return post(port, r.body(), "application/x-www-form-urlencoded", r.timestamp(), r.signature());
  }

  private HttpResponse<String> mention(int port, String eventId, String ts) throws Exception {
    return mention(port, eventId, ts, "C42");
  }

  private HttpResponse<String> mention(int port, String eventId, String ts, String channel)
      throws Exception {
    String body = EventBodies.callback(eventId, EventBodies.appMention(channel, ts, QUESTION));
    SignedRequest r = SignedRequest.sign(SIGNING_SECRET, body, Instant.now().getEpochSecond());
    return post(port, body, "application/json", r.timestamp(), r.signature());
  }

  private HttpResponse<String> post(
      int port, String body, String contentType, String timestamp, String signature)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", timestamp)
            .header("X-Slack-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    responseBodies.add(response.body());
    return response;
  }

  private static void assertNoSecrets(String text) {
    for (String secret : SECRET_PARTS) {
      assertFalse(text.contains(secret), "a secret leaked: " + text);
    }
  }

  private static void assertNoStackTrace(String stderr) {
    assertFalse(stderr.contains("\tat "), "stack trace: " + stderr);
    assertFalse(stderr.contains("Exception"), "exception: " + stderr);
  }
}

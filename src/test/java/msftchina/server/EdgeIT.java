package msftchina.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import msftchina.slack.Delivery;
import msftchina.slack.Replies;
import msftchina.slack.SignedRequest;
import msftchina.testing.Buttons;
import msftchina.testing.LogCapture;
import msftchina.testing.RunningBot;
import msftchina.testing.SlackStandIn;
import msftchina.testing.SlackStandIn.Call;
import msftchina.testing.SlackStandIn.Scripted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12, "Hold at the edge": each row that a quick test can show, over real loopback sockets,
 * against the real server with Slack's Web API stood in for. The floods (rows 1, 2 under load and
 * 4) are in {@code EdgeFloodIT}; SIGTERM and a huge facts file (rows 3 and 13) in {@code
 * ServeProcessIT}; a read timeout (row 8) in {@code SlackFaultsIT}.
 */
class EdgeIT {

  private static final String POST_MESSAGE = "/api/chat.postMessage";
  private static final String AUTH_TEST = "/api/auth.test";
  private static final Delivery QUICK =
      new Delivery(4, Duration.ofMillis(50), Duration.ofSeconds(2))
          .withChannelInterval(Duration.ZERO);

  @TempDir static Path indexDir;

  // Row 2: the signature is checked over the raw bytes before anything parses them.

  @Test
  void unsignedBodyOf200000FormFieldsIsRefusedInMilliseconds() throws Exception {
    byte[] body = formFields(200_000);
    assertTrue(body.length > 700_000 && body.length < 1 << 20, "about 800 KB: " + body.length);
    try (RunningBot bot = RunningBot.start(indexDir, QUICK)) {
      long slowest = 0;
      for (int i = 0; i < 20; i++) {
        long start = System.nanoTime();
        HttpResponse<String> r =
            bot.post(
                new String(body, StandardCharsets.US_ASCII),
                "application/x-www-form-urlencoded",
                Long.toString(Instant.now().getEpochSecond()),
                "v0=" + "0".repeat(64),
                Map.of());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(401, r.statusCode(), r.body());
        if (i >= 5) { // past the warm-up
          slowest = Math.max(slowest, millis);
        }
      }
      System.out.println("row 2: unsigned 800 KB form, slowest of 15 refusals: " + slowest + " ms");
      assertTrue(slowest < 150, "an unsigned 800 KB form took " + slowest + " ms to refuse");
    }
  }

  // Row 6: timestamps more than 5 minutes away, either way, are refused.

  static Stream<Arguments> timestamps() {
    return Stream.of(
        Arguments.of("now", Duration.ZERO, 200),
        Arguments.of("4 minutes ago", Duration.ofMinutes(-4), 200),
        Arguments.of("4 minutes ahead", Duration.ofMinutes(4), 200),
        Arguments.of("6 minutes ago", Duration.ofMinutes(-6), 401),
        Arguments.of("10 minutes ago", Duration.ofMinutes(-10), 401),
        Arguments.of("10 minutes ahead", Duration.ofMinutes(10), 401),
        Arguments.of("a day ahead", Duration.ofDays(1), 401),
        Arguments.of("ten years ahead", Duration.ofDays(3653), 401));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("timestamps")
  void validlySignedTimestampIsAcceptedOnlyWithinFiveMinutes(
      String when, Duration offset, int status) throws Exception {
    try (RunningBot bot = RunningBot.start(indexDir, QUICK)) {
      SignedRequest r =
          SignedRequest.slashCommand(
              RunningBot.SIGNING_SECRET,
              "who is the biggest customer",
              bot.slack.responseUrl("ts"),
              Instant.now().plus(offset).getEpochSecond());
      HttpResponse<String> response =
          bot.post(
              r.body(),
              "application/x-www-form-urlencoded",
              r.timestamp(),
              r.signature(),
              Map.of());
      assertEquals(status, response.statusCode(), when + ": " + response.body());
    }
  }

  // Row 5: auth.test failing at start doesn't stop slash commands; it is retried.

  static Stream<Arguments> authTestFailures() {
    return Stream.of(
        Arguments.of("500", new Scripted[] {Scripted.status(500)}, "HTTP 500"),
        Arguments.of("429", new Scripted[] {Scripted.rateLimited(1)}, "HTTP 429"),
        Arguments.of(
            "hang", new Scripted[] {Scripted.slow(Duration.ofSeconds(12))}, "did not answer"),
        Arguments.of("refused", new Scripted[0], "connection refused"));
  }

  @ParameterizedTest(name = "auth.test {0}")
  @MethodSource("authTestFailures")
  void slashCommandsAreAnsweredWhileAuthTestFailsAndItIsRetried(
      String failure, Scripted[] script, String logged) throws Exception {
    SlackStandIn slack = new SlackStandIn();
    slack.script(AUTH_TEST, script);
    String apiUrl =
        failure.equals("refused") ? "http://127.0.0.1:" + closedPort() + "/api/" : slack.apiUrl();
    List<String> log = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    try (RunningBot bot = RunningBot.start(indexDir, QUICK, slack, apiUrl, log::add)) {
      long startMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(startMillis < 6_000, "started in " + startMillis + " ms");

      long ask = System.nanoTime();
      HttpResponse<String> answer = bot.slashCommand("who is Microsoft's biggest AI customer?");
      long askMillis = (System.nanoTime() - ask) / 1_000_000;
      assertEquals(200, answer.statusCode(), answer.body());
      assertTrue(answer.body().contains("ByteDance"), answer.body());
      assertTrue(askMillis < 1_000, "answered in " + askMillis + " ms");

      JsonObject health = JsonParser.parseString(bot.get("/healthz").body()).getAsJsonObject();
      assertEquals("degraded", health.get("status").getAsString(), health.toString());
      assertEquals(200, bot.get("/readyz").statusCode());
      assertTrue(
          log.stream().anyMatch(l -> l.contains("auth.test") && l.contains(logged)),
          "logged what happened (" + logged + "): " + log);
      assertFalse(
          log.stream().anyMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("invalid")),
          "never 'invalid' unless Slack said so: " + log);
      assertFalse(String.join("\n", log).contains(RunningBot.BOT_TOKEN), "no token in the log");
      System.out.println(
          "row 5 ("
              + failure
              + "): started in "
              + startMillis
              + " ms; slash command answered in "
              + askMillis
              + " ms; /healthz "
              + health);

      if (!failure.equals("refused")) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String status = "";
        while (System.nanoTime() < end && !status.equals("ok")) {
          Thread.sleep(100);
          status =
              JsonParser.parseString(bot.get("/healthz").body())
                  .getAsJsonObject()
                  .get("status")
                  .getAsString();
        }
        assertEquals("ok", status, "auth.test retried in the background until it answered");
      }
    }
  }

  @Test
  void tokenSlackRefusesStillStopsStartUp() throws Exception {
    SlackStandIn slack = new SlackStandIn();
    slack.script(AUTH_TEST, Scripted.error("invalid_auth"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RunningBot.start(indexDir, QUICK, slack, slack.apiUrl(), line -> {}));
    assertTrue(e.getMessage().contains("invalid_auth"), e.getMessage());
  }

  // Row 7: Retry-After is honoured up to a bound, then the reply is given up with one log line.

  @Test
  void retryAfterOverTheBoundGivesTheReplyUpWithOneLineNamingTheEvent() throws Exception {
    try (RunningBot bot = RunningBot.start(indexDir, QUICK);
        LogCapture log = new LogCapture()) {
      bot.slack.script(POST_MESSAGE, Scripted.rateLimited(120));
      assertEquals(200, mention(bot, "EvLong429", "C429LONG", "who is the biggest customer"));
      bot.slack.await(POST_MESSAGE, 1, Duration.ofSeconds(5));
      Thread.sleep(3_000); // the harness's longest pause is 2 s: a capped retry would be here
      assertEquals(1, bot.slack.calls(POST_MESSAGE).size(), "not retried");
      List<String> lines = log.lines().stream().filter(l -> l.contains("EvLong429")).toList();
      assertEquals(1, lines.size(), "one line: " + lines);
      assertTrue(lines.get(0).contains("Retry-After 120 s"), lines.get(0));
      assertTrue(lines.get(0).contains("C429LONG"), lines.get(0));
    }
  }

  @Test
  void retryAfterWithinTheBoundIsWaitedInFull() throws Exception {
    try (RunningBot bot = RunningBot.start(indexDir, QUICK)) {
      bot.slack.script(POST_MESSAGE, Scripted.rateLimited(3));
      assertEquals(200, mention(bot, "EvShort429", "C429", "who is the biggest customer"));
      bot.slack.await(POST_MESSAGE, 1, Duration.ofSeconds(5));
      long first = System.nanoTime();
      bot.slack.await(POST_MESSAGE, 2, Duration.ofSeconds(6));
      long waited = (System.nanoTime() - first) / 1_000_000;
      assertEquals(2, bot.slack.calls(POST_MESSAGE).size());
      assertTrue(waited >= 2_900, "waited " + waited + " ms of Retry-After: 3 (longest pause 2 s)");
    }
  }

  // Row 9: the reply cache is bounded by bytes, and a question is cut before it is a key.

  @Test
  void questionsOfOneMebibyteEachDoNotGrowTheHeap() throws Exception {
    try (RunningBot bot = RunningBot.start(indexDir, QUICK)) {
      bot.slashCommand("warm up");
      long before = usedHeapAfterGc();
      for (int i = 0; i < 106; i++) {
        String question = i + " " + "a".repeat(1_000_000);
        HttpResponse<String> r = bot.slashCommand(question);
        assertEquals(200, r.statusCode(), "question " + i);
      }
      long grown = (usedHeapAfterGc() - before) >> 20;
      System.out.println("row 9: heap grown by " + grown + " MiB after 106 questions of 1 MiB");
      assertTrue(grown < 32, "the heap grew by " + grown + " MiB");
    }
  }

  // Row 10: a share click replayed is shared once, and the private copy says "Shared".

  @Test
  void shareClickReplayedAHundredTimesIsSharedOnce() throws Exception {
    try (RunningBot bot = RunningBot.start(indexDir, QUICK)) {
      String path = "/response/share-replayed";
      String value = Buttons.shareValue(bot, "who is the biggest AI customer in China?");
      String payload =
          "{\"type\":\"block_actions\",\"user\":{\"id\":\"U777\"},\"team\":{\"id\":\"T0LOCAL\"},"
              + "\"container\":{\"type\":\"message\",\"message_ts\":\"1.2\",\"is_ephemeral\":true},"
              + "\"channel\":{\"id\":\"CSHARE\"},\"response_url\":\""
              + bot.slack.responseUrl("share-replayed")
              + "\",\"actions\":[{\"action_id\":\""
              + Replies.SHARE_ACTION
              + "\",\"block_id\":\"b1\",\"type\":\"button\",\"action_ts\":\"1.3\","
              + "\"value\":\""
              + value
              + "\"}]}";
      String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
      SignedRequest signed =
          SignedRequest.sign(RunningBot.SIGNING_SECRET, body, Instant.now().getEpochSecond());
      for (int i = 0; i < 100; i++) {
        HttpResponse<String> r =
            bot.post(
                body,
                "application/x-www-form-urlencoded",
                signed.timestamp(),
                signed.signature(),
                Map.of());
        assertEquals(200, r.statusCode(), r.body());
      }
      bot.slack.await(path, 2, Duration.ofSeconds(5));
      Thread.sleep(1_000);
      List<Call> calls = bot.slack.calls(path);
      assertEquals(2, calls.size(), "one share and one replacement: " + calls);
      JsonObject shared = JsonParser.parseString(calls.get(0).body()).getAsJsonObject();
      assertEquals("in_channel", shared.get("response_type").getAsString());
      JsonObject replaced = JsonParser.parseString(calls.get(1).body()).getAsJsonObject();
      assertTrue(replaced.get("replace_original").getAsBoolean(), replaced.toString());
      assertTrue(replaced.get("text").getAsString().startsWith("Shared"), replaced.toString());
      assertFalse(replaced.toString().contains(Replies.SHARE_ACTION), "no button left");
    }
  }

  // Row 11: what Slack sends escaped is shown as typed, and never pings.

  static Stream<Arguments> escapedText() {
    return Stream.of(
        Arguments.of("&lt;!channel&gt; biggest customer", "&lt;!channel&gt;", "&amp;lt;"),
        Arguments.of("&lt;!here&gt; biggest customer", "&lt;!here&gt;", "&amp;lt;"),
        Arguments.of("&lt;@U999&gt; biggest customer", "&lt;@U999&gt;", "&amp;lt;"),
        Arguments.of("AT&amp;T biggest customer", "AT&amp;T", "&amp;amp;"),
        Arguments.of("typed &amp;lt; literally", "typed &amp;lt; literally", "&amp;amp;lt;"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("escapedText")
  void mentionTextIsShownAsTypedAndNeverPings(String sent, String shown, String never)
      throws Exception {
    try (RunningBot bot = RunningBot.start(indexDir, QUICK)) {
      assertEquals(200, mention(bot, "EvEscaped", "CESC", sent));
      List<Call> posts = bot.slack.await(POST_MESSAGE, 1, Duration.ofSeconds(5));
      assertEquals(1, posts.size());
      String blocks = posts.get(0).param("blocks");
      String echoed =
          JsonParser.parseString(blocks)
              .getAsJsonArray()
              .get(0)
              .getAsJsonObject()
              .getAsJsonObject("text")
              .get("text")
              .getAsString();
      assertTrue(echoed.contains(shown), echoed);
      assertFalse(echoed.contains(never), "double-escaped: " + echoed);
      assertFalse(echoed.contains("<!") || echoed.contains("<@"), "a ping: " + echoed);
    }
  }

  // Row 1 (the quick part): a cap on connections from one address, and closed ones forgotten.

  @Test
  void oneAddressHoldsAtMost32ConnectionsAndOthersAreServed() throws Exception {
    try (RunningBot bot = RunningBot.start(indexDir, QUICK)) {
      List<Socket> held = new java.util.ArrayList<>();
      try {
        for (int i = 0; i < 40; i++) {
          Socket s = new Socket();
          s.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.3"), 0));
          s.connect(
              new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), bot.bot.port()));
          s.setSoTimeout(100);
          held.add(s);
        }
        int closed = 0;
        for (Socket s : held) {
          try {
            if (s.getInputStream().read() == -1) {
              closed++;
            }
          } catch (java.net.SocketTimeoutException e) {
            // still open
          } catch (java.io.IOException e) {
            closed++;
          }
        }
        assertEquals(
            40 - HttpLimits.DEFAULTS.maxConnectionsPerAddress(), closed, "over the cap: closed");
        assertEquals(200, bot.slashCommand("who is the biggest customer").statusCode());
      } finally {
        for (Socket s : held) {
          s.close();
        }
      }
    }
  }

  @Test
  void closedConnectionsAreForgottenByTheCap() throws Exception {
    try (RunningBot bot = RunningBot.start(indexDir, QUICK)) {
      for (int i = 0; i < 3 * HttpLimits.DEFAULTS.maxConnectionsPerAddress(); i++) {
        String response = raw(bot, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200"), "connection " + i + ": " + response);
      }
    }
  }

  // Issue 21 row 3: a slowloris in the header phase is cut off at a total deadline.

  @Test
  void headersTrickledAByteASecondAreCutOffAtTheDeadlineWhileSignedRequestsAreServed()
      throws Exception {
    try (RunningBot bot = RunningBot.start(indexDir, QUICK);
        Socket slow = new Socket(InetAddress.getLoopbackAddress(), bot.bot.port())) {
      slow.setSoTimeout(1_000); // reading for a second between two bytes paces the trickle
      OutputStream out = slow.getOutputStream();
      InputStream in = slow.getInputStream();
      byte[] head =
          ("POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(200))
              .getBytes(StandardCharsets.ISO_8859_1);
      long start = System.nanoTime();
      long cutAfterMillis = -1;
      int sent = 0;
      int served = 0;
      while (cutAfterMillis < 0 && System.nanoTime() - start < Duration.ofSeconds(20).toNanos()) {
        try {
          out.write(head[sent++]);
          out.flush();
          if (in.read() == -1) {
            cutAfterMillis = (System.nanoTime() - start) / 1_000_000;
          }
        } catch (java.net.SocketTimeoutException e) {
          // still open: the next byte
        } catch (java.io.IOException e) {
          cutAfterMillis = (System.nanoTime() - start) / 1_000_000;
        }
        if (sent % 3 == 0 && cutAfterMillis < 0) { // meanwhile, Slack is answered
          assertEquals(200, bot.slashCommand("who is the biggest customer?").statusCode());
          served++;
        }
      }
      System.out.println(
          "header trickle: cut after "
              + cutAfterMillis
              + " ms, "
              + sent
              + " bytes; "
              + served
              + " signed requests answered meanwhile");
      long deadline = HttpLimits.DEFAULTS.headerDeadline().toMillis();
      assertTrue(cutAfterMillis >= deadline - 500, "cut too soon: " + cutAfterMillis + " ms");
      assertTrue(
          cutAfterMillis > 0 && cutAfterMillis <= deadline + 2_500,
          "not cut off at the deadline: " + cutAfterMillis + " ms, " + sent + " bytes sent");
      assertTrue(served >= 3, "signed requests answered during the trickle: " + served);
      assertEquals(200, bot.slashCommand("who is the biggest customer?").statusCode());
    }
  }

  // Row 12: only GET, HEAD and POST; no version anywhere.

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"TRACE", "OPTIONS", "PUT", "DELETE", "PATCH", "FOO"})
  void otherMethodsGet405WithoutEchoingTheRequest(String method) throws Exception {
    try (RunningBot bot = RunningBot.start(indexDir, QUICK)) {
      String response =
          raw(
              bot,
              method
                  + " /slack/events HTTP/1.1\r\nHost: x\r\nX-Slack-Signature: v0=secretsig\r\n"
                  + "Connection: close\r\n\r\n");
      assertTrue(response.startsWith("HTTP/1.1 405"), response);
      assertFalse(response.contains("secretsig"), "echoed: " + response);
      assertNoVersion(response);
    }
  }

  @ParameterizedTest(name = "{index}")
  @ValueSource(
      strings = {
        "GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /slack/events HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "BAD REQUEST LINE\r\n\r\n",
        "GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {big}\r\nConnection: close\r\n\r\n"
      })
  void noResponseNamesTheServerOrItsVersion(String request) throws Exception {
    try (RunningBot bot = RunningBot.start(indexDir, QUICK)) {
      String response = raw(bot, request.replace("{big}", "b".repeat(20_000)));
      assertTrue(response.startsWith("HTTP/1.1 "), response);
      assertNoVersion(response);
    }
  }

  // EventsServlet: our own failures are 500s with the stack trace in the log, not 400s.

  @Test
  void ourOwnFailureIsA500WithTheStackTraceLoggedAndNotSent() throws Exception {
    try (RunningBot bot = RunningBot.start(indexDir, QUICK);
        LogCapture log = new LogCapture()) {
      bot.bot.knowledgeBase().close(); // every search now throws IllegalStateException (ours)
      HttpResponse<String> r = bot.slashCommand("who is the biggest customer?");
      assertEquals(500, r.statusCode(), r.body());
      assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
      String logged = String.join("\n", log.lines());
      assertTrue(logged.contains("answered 500"), logged);
      assertTrue(logged.contains("\tat "), "stack trace in the log: " + logged);
      assertFalse(logged.contains(RunningBot.SIGNING_SECRET), "no secret in the log");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{not json",
        // a block without a type: the Slack SDK's block reader throws a NullPointerException
        "{\"type\":\"event_callback\",\"team_id\":\"T0LOCAL\",\"api_app_id\":\"A0LOCAL\","
            + "\"event_id\":\"Ev0MALFORMED\",\"event_time\":1700000000,\"event\":{\"type\":"
            + "\"message\",\"user\":\"U123\",\"channel\":\"C1\",\"ts\":\"1700000000.000100\","
            + "\"text\":\"who is the biggest customer?\",\"blocks\":[{\"bot_id\":null},false,null]}}",
      })
  void malformedSignedBodyIsA400AndAWarning(String body) throws Exception {
    try (RunningBot bot = RunningBot.start(indexDir, QUICK);
        LogCapture log = new LogCapture()) {
      HttpResponse<String> r = bot.signedJson(body, Map.of());
      assertEquals(400, r.statusCode(), r.body());
      String logged = String.join("\n", log.lines());
      assertFalse(logged.contains(" ERROR "), logged);
      assertFalse(logged.contains("\tat "), "no stack trace: " + logged);
    }
  }

  // Helpers

  private static int mention(RunningBot bot, String eventId, String channel, String text)
      throws Exception {
    JsonObject event = new JsonObject();
    event.addProperty("type", "app_mention");
    event.addProperty("user", "U123");
    event.addProperty("text", "<@" + SlackStandIn.BOT_USER_ID + "> " + text);
    event.addProperty("ts", "1700000100.000100");
    event.addProperty("channel", channel);
    event.addProperty("event_ts", "1700000100.000100");
    return bot.event(eventId, event.toString(), Map.of()).statusCode();
  }

  /** Returns a form body of {@code n} fields, as the attack sent. */
  static byte[] formFields(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "" : "&").append((char) ('a' + i % 26)).append("=x");
    }
    return s.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Sends {@code request} as it is on a new connection and returns all the server answers. */
  private static String raw(RunningBot bot, String request) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), bot.bot.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static void assertNoVersion(String response) {
    String lower = response.toLowerCase(java.util.Locale.ROOT);
    assertFalse(lower.contains("\r\nserver:"), "a Server header: " + response);
    assertFalse(lower.contains("x-powered-by"), response);
    assertFalse(lower.contains("jetty"), "names Jetty: " + response);
    assertFalse(response.contains("12.1"), "a version: " + response);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}

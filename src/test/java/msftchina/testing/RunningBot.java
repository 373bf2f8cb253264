package msftchina.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import msftchina.app.MemoryStore;
import msftchina.app.Storage;
import msftchina.server.Bot;
import msftchina.server.ServeConfig;
import msftchina.slack.Delivery;
import msftchina.slack.SignedRequest;

/**
 * The real bot served on a free loopback port, answering from the bundled facts, with Slack's Web
 * API replaced by a {@link SlackStandIn}; and a client that sends requests signed as Slack signs
 * them.
 */
public final class RunningBot implements AutoCloseable {

  public static final String SIGNING_SECRET = "test-signing-secret-0123456789abcdef";
  public static final String BOT_TOKEN = "xoxb-test-token-0123456789";

  public static final String APP_TOKEN = "xapp-1-A0LOCAL-0123456789-abcdef";

  public final SlackStandIn slack;
  public final Bot bot;

  /** The Socket Mode server the bot is connected to, or null when it serves HTTP. */
  public final SocketModeStandIn socket;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RunningBot(SlackStandIn slack, Bot bot, SocketModeStandIn socket) {
    this.slack = slack;
    this.bot = bot;
    this.socket = socket;
  }

  /**
   * Starts a bot connected over Socket Mode to a {@link SocketModeStandIn}, which the stand-in's
   * {@code apps.connections.open} hands out; waits for the first connection.
   */
  public static RunningBot startSocketMode(Path indexDir) throws Exception {
    return startSocketMode(indexDir, Map.of());
  }

  /**
   * Starts a bot as {@link #startSocketMode(Path)} does, with the settings {@code env} besides
   * (such as {@code MSFTCHINA_METRICS_PORT}).
   */
  public static RunningBot startSocketMode(Path indexDir, Map<String, String> env)
      throws Exception {
    SocketModeStandIn socket = new SocketModeStandIn();
    SlackStandIn slack = new SlackStandIn();
    slack.socketModeUrl(socket.url());
    Map<String, String> settings = new java.util.HashMap<>(env);
    settings.put("SLACK_APP_TOKEN", APP_TOKEN);
    settings.put("SLACK_BOT_TOKEN", BOT_TOKEN);
    settings.put("SLACK_API_URL", slack.apiUrl());
    ServeConfig config = ServeConfig.from(settings);
    Bot bot =
        Bot.start(
            config,
            Path.of("facts"),
            indexDir,
            new Delivery(4, Duration.ofMillis(50), Duration.ofSeconds(2)),
            new MemoryStore(),
            line -> {});
    if (!socket.awaitConnections(1, Duration.ofSeconds(10))) {
      throw new IllegalStateException("the bot did not connect over Socket Mode");
    }
    return new RunningBot(slack, bot, socket);
  }

  /**
   * Starts a bot with quick retries, serving HTTP with the settings {@code env} besides (such as
   * {@code MSFTCHINA_MAX_BODY_BYTES}).
   */
  public static RunningBot start(Path indexDir, Map<String, String> env) throws Exception {
    SlackStandIn slack = new SlackStandIn();
    Map<String, String> settings = new java.util.HashMap<>(env);
    settings.put("PORT", "0");
    settings.put("HOST", "127.0.0.1");
    settings.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    settings.put("SLACK_BOT_TOKEN", BOT_TOKEN);
    settings.put("SLACK_API_URL", slack.apiUrl());
    try {
      return new RunningBot(
          slack,
          Bot.start(
              ServeConfig.from(settings),
              Path.of("facts"),
              indexDir,
              new Delivery(4, Duration.ofMillis(50), Duration.ofSeconds(2)),
              new MemoryStore(),
              line -> {}),
          null);
    } catch (Exception e) {
      slack.close();
      throw e;
    }
  }

  /** Starts a bot with quick retries (pauses of 50 ms doubling to 2 s, 4 attempts). */
  public static RunningBot start(Path indexDir) throws Exception {
    return start(indexDir, new Delivery(4, Duration.ofMillis(50), Duration.ofSeconds(2)));
  }

  public static RunningBot start(Path indexDir, Delivery delivery) throws Exception {
    return start(indexDir, delivery, new MemoryStore());
  }

  /** Starts a bot with quick retries that remembers in {@code store} (and closes it when done). */
  public static RunningBot start(Path indexDir, Storage store) throws Exception {
    return start(indexDir, new Delivery(4, Duration.ofMillis(50), Duration.ofSeconds(2)), store);
  }

  private static RunningBot start(Path indexDir, Delivery delivery, Storage store)
      throws Exception {
    SlackStandIn slack = new SlackStandIn();
    return start(Path.of("facts"), indexDir, delivery, slack, slack.apiUrl(), store, line -> {});
  }

  /**
   * Starts a bot with quick retries answering from the reports in {@code facts}, remembering in
   * {@code store} (and closing it when done).
   */
  public static RunningBot start(Path facts, Path indexDir, Storage store) throws Exception {
    SlackStandIn slack = new SlackStandIn();
    return start(
        facts,
        indexDir,
        new Delivery(4, Duration.ofMillis(50), Duration.ofSeconds(2)),
        slack,
        slack.apiUrl(),
        store,
        line -> {});
  }

  /**
   * Starts a bot whose Web API is at {@code apiUrl} (usually {@code slack}'s, scripted before the
   * start), telling {@code log} what Bot.start logs.
   */
  public static RunningBot start(
      Path indexDir, Delivery delivery, SlackStandIn slack, String apiUrl, Consumer<String> log)
      throws Exception {
    return start(Path.of("facts"), indexDir, delivery, slack, apiUrl, new MemoryStore(), log);
  }

  private static RunningBot start(
      Path facts,
      Path indexDir,
      Delivery delivery,
      SlackStandIn slack,
      String apiUrl,
      Storage store,
      Consumer<String> log)
      throws Exception {
    ServeConfig config = config(apiUrl);
    Bot bot;
    try {
      bot = Bot.start(config, facts, indexDir, delivery, store, log);
    } catch (Exception e) {
      slack.close();
      throw e;
    }
    return new RunningBot(slack, bot, null);
  }

  /**
   * Starts a bot answering from the reports in {@code factsDir} (as {@code serve} does, watching
   * them for changes), telling {@code log} what it logs.
   */
  public static RunningBot startWatching(Path factsDir, Path indexDir, Consumer<String> log)
      throws Exception {
    SlackStandIn slack = new SlackStandIn();
    Bot bot;
    try {
      bot =
          Bot.start(
              config(slack.apiUrl()),
              factsDir,
              indexDir,
              new Delivery(4, Duration.ofMillis(50), Duration.ofSeconds(2)),
              new MemoryStore(),
              log);
      bot.knowledgeBase().watch();
    } catch (Exception e) {
      slack.close();
      throw e;
    }
    return new RunningBot(slack, bot, null);
  }

  private static ServeConfig config(String apiUrl) {
    return ServeConfig.from(
        Map.of(
            "PORT",
            "0",
            "HOST",
            "127.0.0.1",
            "SLACK_SIGNING_SECRET",
            SIGNING_SECRET,
            "SLACK_BOT_TOKEN",
            BOT_TOKEN,
            "SLACK_API_URL",
            apiUrl));
  }

  /** Returns the URL of {@code path} on the bot. */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + bot.port() + path);
  }

  /** Sends {@code /msftchina text}, signed now, with its response_url on the stand-in. */
  public HttpResponse<String> slashCommand(String text) throws IOException, InterruptedException {
    SignedRequest r =
        SignedRequest.slashCommand(
            SIGNING_SECRET, text, slack.responseUrl("command"), Instant.now().getEpochSecond());
    return post(
        r.body(), "application/x-www-form-urlencoded", r.timestamp(), r.signature(), Map.of());
  }

  /** Sends {@code /msftchina text} from {@code user} in {@code channel}, signed now. */
  public HttpResponse<String> slashCommand(String text, String user, String channel)
      throws IOException, InterruptedException {
    SignedRequest r =
        SignedRequest.slashCommand(
            SIGNING_SECRET,
            text,
            slack.responseUrl("command"),
            Instant.now().getEpochSecond(),
            user,
            channel);
    return post(
        r.body(), "application/x-www-form-urlencoded", r.timestamp(), r.signature(), Map.of());
  }

  /** Sends an Events API callback whose {@code event} is {@code eventJson}, signed now. */
  public HttpResponse<String> event(String eventId, String eventJson, Map<String, String> headers)
      throws IOException, InterruptedException {
    String body = EventBodies.callback(eventId, eventJson);
    return signedJson(body, headers);
  }

  /** Sends a JSON body, signed now. */
  public HttpResponse<String> signedJson(String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    SignedRequest r = SignedRequest.sign(SIGNING_SECRET, body, Instant.now().getEpochSecond());
    return post(body, "application/json", r.timestamp(), r.signature(), headers);
  }

  /** Sends an interactivity payload ({@code payload=JSON}), signed now. */
  public HttpResponse<String> interaction(String payloadJson)
      throws IOException, InterruptedException {
    String body = "payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8);
    SignedRequest r = SignedRequest.sign(SIGNING_SECRET, body, Instant.now().getEpochSecond());
    return post(body, "application/x-www-form-urlencoded", r.timestamp(), r.signature(), Map.of());
  }

  /**
   * Sends {@code body} to /slack/events with the given signature headers (null to leave one out).
   */
  public HttpResponse<String> post(
      String body,
      String contentType,
      String timestamp,
      String signature,
      Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url("/slack/events"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (timestamp != null) {
      request.header("X-Slack-Request-Timestamp", timestamp);
    }
    if (signature != null) {
      request.header("X-Slack-Signature", signature);
    }
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends raw bytes to /slack/events, signed now. */
  public HttpResponse<String> postBytes(byte[] body, String contentType)
      throws IOException, InterruptedException {
    long now = Instant.now().getEpochSecond();
    String signature = signBytes(Long.toString(now), body);
    HttpRequest request =
        HttpRequest.newBuilder(url("/slack/events"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", Long.toString(now))
            .header("X-Slack-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Returns Slack's v0 signature of the raw bytes {@code body} at {@code timestamp}. */
  public static String signBytes(String timestamp, byte[] body) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends a GET to {@code path}. */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Waits until no reply waits in the bot's send queue or is being sent (its {@code /metrics} gauge
   * of pending replies reads 0): the bot decides on a request before acknowledging it, so once this
   * returns, every reply decided on a request already acknowledged has reached the stand-in.
   */
  public void awaitRepliesSent(Duration timeout) throws IOException, InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    double pending;
    do {
      // read in process: a bot over Socket Mode serves no HTTP
      pending =
          PrometheusText.parse(bot.scrapeMetrics()).value("msftchina_outbox_pending", Map.of());
      if (pending == 0) {
        return;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < end);
    throw new AssertionError(pending + " replies still waiting to be sent after " + timeout);
  }

  /** Returns a fresh temporary index folder. */
  public static Path tempIndex() throws IOException {
    return Files.createTempDirectory("msftchina-index");
  }

  @Override
  public void close() throws Exception {
    bot.close();
    slack.close();
    if (socket != null) {
      socket.close();
    }
  }
}

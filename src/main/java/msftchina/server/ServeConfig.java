package msftchina.server;

import java.time.Duration;
import java.util.Map;
import msftchina.slack.Delivery;
import msftchina.slack.SlackMemory;
import msftchina.store.StoreSettings;

/**
 * The settings of {@code serve}, from the environment: {@code PORT} (default 3000), {@code HOST}
 * (default 0.0.0.0), {@code SLACK_SIGNING_SECRET} and {@code SLACK_BOT_TOKEN} (required), and
 * {@code SLACK_API_URL} (default {@code https://slack.com/api/}). With {@code SLACK_APP_TOKEN} (an
 * app-level token, {@code xapp-…}) the bot connects over Socket Mode, and the signing secret is not
 * needed. {@code MSFTCHINA_METRICS_PORT} (unset by default) opens a port of its own serving {@code
 * /healthz}, {@code /readyz} and {@code /metrics} alone, on {@code HOST}: Socket Mode has no other.
 *
 * <p>It holds every operational setting besides, each with today's value as its default and read
 * from an {@code MSFTCHINA_…} variable: the HTTP server's limits ({@link HttpLimits}), the Socket
 * Mode budgets ({@link SocketModeLimits}), the send queue and retries ({@link SendLimits}), what
 * the Slack handlers keep in memory ({@link SlackMemory}), how long a stop waits ({@code
 * MSFTCHINA_STOP_TIMEOUT}), and the store's ({@link StoreSettings}: database, recording, the queue
 * of records waiting to be written, retention, admins). Every value is checked here, at start: a
 * bad one is a one-line error naming the variable and what it may be. README's "Settings" table
 * lists them all.
 *
 * @param port the port to listen on
 * @param host the address to listen on
 * @param signingSecret the app's signing secret; never logged
 * @param botToken the bot's token; never logged
 * @param apiUrl the base URL of Slack's Web API, ending in a slash
 * @param appToken the app-level token for Socket Mode, or null to serve HTTP; never logged
 * @param metricsPort the port serving health and metrics alone (0 for any free one), or {@link
 *     #NO_PORT}
 * @param stopTimeout how long a stop waits for requests in flight, then as long again for pending
 *     replies ({@code MSFTCHINA_STOP_TIMEOUT}, 10 s)
 * @param http the HTTP server's limits
 * @param socket the Socket Mode budgets
 * @param sending the send queue's bound, the retries of replies and the Web API's timeout
 * @param memory the bounds of seen events, threads remembered and cached slash-command replies
 * @param store where questions are remembered, what of them, for how long, and who the admins are
 */
public record ServeConfig(
    int port,
    String host,
    String signingSecret,
    String botToken,
    String apiUrl,
    String appToken,
    int metricsPort,
    Duration stopTimeout,
    HttpLimits http,
    SocketModeLimits socket,
    SendLimits sending,
    SlackMemory memory,
    StoreSettings store) {

  /** How long a stop waits when {@code MSFTCHINA_STOP_TIMEOUT} is not set, in seconds. */
  public static final int STOP_TIMEOUT_SECONDS = 10;

  /** How long a stop waits when {@code MSFTCHINA_STOP_TIMEOUT} is not set. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(STOP_TIMEOUT_SECONDS);

  /** The metrics port when none is opened. */
  public static final int NO_PORT = -1;

  /**
   * Returns the settings in {@code env}; throws {@link IllegalArgumentException} naming a missing
   * or bad variable.
   */
  public static ServeConfig from(Map<String, String> env) {
    int port = port("PORT", env.getOrDefault("PORT", "3000"));
    String metricsText = env.get("MSFTCHINA_METRICS_PORT");
    int metricsPort =
        metricsText == null || metricsText.isBlank()
            ? NO_PORT
            : port("MSFTCHINA_METRICS_PORT", metricsText);
    String apiUrl = env.getOrDefault("SLACK_API_URL", "https://slack.com/api/").strip();
    if (!apiUrl.startsWith("http://") && !apiUrl.startsWith("https://")) {
      throw new IllegalArgumentException(
          "SLACK_API_URL must be an http(s) URL, got '" + apiUrl + "'");
    }
    String appToken = env.get("SLACK_APP_TOKEN");
    appToken = appToken == null || appToken.isBlank() ? null : appToken.strip();
    if (appToken != null && !appToken.startsWith("xapp-")) {
      throw new IllegalArgumentException(
          "SLACK_APP_TOKEN must be an app-level token (xapp-...) with connections:write;"
              + " create one under Basic Information > App-Level Tokens");
    }
    String signingSecret = value(env, "SLACK_SIGNING_SECRET");
    String botToken = value(env, "SLACK_BOT_TOKEN");
    if (botToken == null || (appToken == null && signingSecret == null)) {
      throw new IllegalArgumentException(missing(appToken, signingSecret, botToken));
    }
    Settings settings = new Settings(env);
    return new ServeConfig(
        port,
        env.getOrDefault("HOST", "0.0.0.0").strip(),
        signingSecret,
        botToken,
        apiUrl.endsWith("/") ? apiUrl : apiUrl + "/",
        appToken,
        metricsPort,
        settings.duration(
            "MSFTCHINA_STOP_TIMEOUT", STOP_TIMEOUT, Duration.ofSeconds(1), Duration.ofMinutes(10)),
        HttpLimits.from(settings),
        SocketModeLimits.from(settings),
        SendLimits.from(settings),
        memory(settings),
        StoreSettings.from(env)
            .withRecordQueueBytes(
                settings.size(
                    "MSFTCHINA_RECORD_QUEUE_BYTES",
                    StoreSettings.RECORD_QUEUE_BYTES,
                    64L << 10,
                    1L << 30)));
  }

  /** Returns these settings with {@code delivery} as the policy of replies sent later. */
  public ServeConfig with(Delivery delivery) {
    return new ServeConfig(
        port,
        host,
        signingSecret,
        botToken,
        apiUrl,
        appToken,
        metricsPort,
        stopTimeout,
        http,
        socket,
        sending.with(delivery),
        memory,
        store);
  }

  /**
   * Returns the bounds of what the Slack handlers keep, as the environment read by {@code s} sets.
   */
  private static SlackMemory memory(Settings s) {
    SlackMemory d = SlackMemory.DEFAULTS;
    long min = 64L << 10;
    long max = 1L << 30;
    return new SlackMemory(
        s.size("MSFTCHINA_SEEN_EVENTS_BYTES", d.seenEventsBytes(), min, max),
        s.size("MSFTCHINA_THREAD_MEMORY_BYTES", d.threadBytes(), min, max),
        s.duration(
            "MSFTCHINA_THREAD_MEMORY", d.threadWindow(), Duration.ofMinutes(1), Duration.ofDays(7)),
        s.size("MSFTCHINA_REPLY_CACHE_BYTES", d.replyCacheBytes(), min, max));
  }

  private static int port(String name, String value) {
    String text = value.strip();
    int port;
    try {
      port = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          name + " must be a number from 0 to 65535, got '" + text + "'");
    }
    return port;
  }

  /** Returns whether a port serving health and metrics alone is to be opened. */
  public boolean metricsPortSet() {
    return metricsPort != NO_PORT;
  }

  /**
   * Returns the one-line error for settings that name no mode completely: what is missing, and what
   * each mode needs, so that neither the Socket Mode path nor the HTTP path is taken for the only
   * one.
   */
  private static String missing(String appToken, String signingSecret, String botToken) {
    if (appToken != null) {
      return "SLACK_BOT_TOKEN is not set: Socket Mode needs it with SLACK_APP_TOKEN; copy the Bot"
          + " User OAuth Token (xoxb-...) from your app's OAuth & Permissions page";
    }
    if (signingSecret != null) {
      return "SLACK_BOT_TOKEN is not set: HTTP needs it with SLACK_SIGNING_SECRET; copy the Bot"
          + " User OAuth Token (xoxb-...) from your app's OAuth & Permissions page";
    }
    return (botToken == null
            ? "SLACK_APP_TOKEN, SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are not set"
            : "SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are not set")
        + ": set SLACK_APP_TOKEN and SLACK_BOT_TOKEN for Socket Mode (no public URL), or"
        + " SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN for HTTP; copy them from your Slack app's"
        + " settings (see README)";
  }

  /** Returns whether the bot connects over Socket Mode rather than serving HTTP. */
  public boolean socketMode() {
    return appToken != null;
  }

  /** Returns the value of {@code name} in {@code env}, stripped; null when unset or blank. */
  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    return "ServeConfig[port="
        + port
        + ", host="
        + host
        + ", apiUrl="
        + apiUrl
        + ", socketMode="
        + socketMode()
        + ", metricsPort="
        + metricsPort
        + ", stopTimeout="
        + stopTimeout
        + ", "
        + http
        + ", "
        + socket
        + ", "
        + sending
        + ", "
        + memory
        + ", store="
        + store.where()
        + "]";
  }
}

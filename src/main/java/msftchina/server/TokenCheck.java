package msftchina.server;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import msftchina.metrics.Metrics;
import msftchina.slack.BotIdentity;
import msftchina.slack.Delivery;

/**
 * Asks Slack who the bot token belongs to ({@code auth.test}) at start and, until Slack has
 * answered, again in the background with growing pauses. A token Slack refuses at start stops
 * start-up; Slack failing (5xx, 429, no answer, no connection) doesn't: the bot serves, degraded,
 * and each failure is logged as what it was.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class TokenCheck implements AutoCloseable {

  // These timings are not settings: start-up serves either way, and the retries stop at Slack's
  // first answer; only the log's wording depends on them.

  /** How long start-up waits for the first answer before serving without it. */
  static final Duration FIRST_WAIT = Duration.ofSeconds(3);

  /** The pause after the first failure; it doubles up to {@link #LONGEST_PAUSE}. */
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

  static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);

  /** auth.test errors that say Slack is unwell rather than the token is wrong. */
  private static final Set<String> TRANSIENT =
      Set.of(
          "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

  private static final String AUTH_TEST = "auth.test";

  /** What one {@code auth.test} came to; {@code problem} is null when Slack knew the token. */
  private record AuthCheck(
      AuthTestResponse auth, String problem, boolean refused, long pauseMillis) {}

  private final MethodsClient client;
  private final String token;
  private final BotIdentity identity;
  private final Consumer<String> log;
  private final Metrics metrics;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "auth-test");
            t.setDaemon(true);
            return t;
          });
  private volatile String problem = "auth.test not answered yet";
  private long pause = FIRST_PAUSE.toMillis();

  TokenCheck(
      MethodsClient client,
      String token,
      BotIdentity identity,
      Consumer<String> log,
      Metrics metrics) {
    this.client = client;
    this.token = token;
    this.identity = identity;
    this.log = log;
    this.metrics = metrics;
  }

  /**
   * Runs the first check, waiting at most {@link #FIRST_WAIT}; throws {@link
   * IllegalArgumentException} when Slack refuses the token.
   */
  void start() throws InterruptedException {
    Future<AuthCheck> first = timer.submit(this::check);
    AuthCheck result;
    try {
      result = first.get(FIRST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.accept(
          "Slack's auth.test did not answer within "
              + FIRST_WAIT.toSeconds()
              + " s; serving anyway, still waiting for it");
      timer.execute(() -> followUp(waitFor(first)));
      return;
    } catch (ExecutionException e) {
      throw new IllegalStateException("auth.test check failed", e.getCause());
    }
    if (result.refused()) {
      close();
      throw new IllegalArgumentException(
          "SLACK_BOT_TOKEN was refused by Slack ("
              + result.problem()
              + "); copy the Bot User OAuth Token from your app's OAuth & Permissions page");
    }
    if (result.problem() != null) {
      log.accept(
          "Slack's auth.test failed: "
              + result.problem()
              + "; serving anyway (slash commands need no Slack call), retrying in the background");
    }
    followUp(result);
  }

  /** Returns what is wrong with Slack, or null when auth.test has answered. */
  String problem() {
    return problem;
  }

  private AuthCheck waitFor(Future<AuthCheck> pending) {
    try {
      return pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new AuthCheck(null, "interrupted", false, FIRST_PAUSE.toMillis());
    } catch (ExecutionException e) {
      return new AuthCheck(null, e.getCause().toString(), false, FIRST_PAUSE.toMillis());
    }
  }

  private void followUp(AuthCheck result) {
    if (result.problem() == null) {
      return;
    }
    long wait = Math.max(result.pauseMillis(), pause);
    pause = Math.min(pause * 2, LONGEST_PAUSE.toMillis());
    if (!timer.isShutdown()) {
      // The retry reports its own failures (a log line, /healthz); nothing waits on it.
      var unused = timer.schedule(this::retry, wait, TimeUnit.MILLISECONDS);
    }
  }

  private void retry() {
    AuthCheck result = check();
    if (result.problem() == null) {
      log.accept("Slack's auth.test answered: the bot is no longer degraded");
    } else {
      log.accept(
          "Slack's auth.test failed again: "
              + result.problem()
              + "; next try in at most "
              + Math.min(pause * 2, LONGEST_PAUSE.toMillis()) / 1000
              + " s");
    }
    followUp(result);
  }

  private AuthCheck check() {
    AuthCheck result = ask();
    if (result.problem() == null) {
      identity.learn(result.auth());
      problem = null;
    } else {
      problem = "auth.test: " + result.problem();
    }
    return result;
  }

  private AuthCheck ask() {
    try {
      AuthTestResponse auth = client.authTest(r -> r.token(token));
      if (auth.isOk()) {
        return new AuthCheck(auth, null, false, 0);
      }
      boolean refused = !TRANSIENT.contains(auth.getError());
      metrics.slackError(AUTH_TEST, auth.getError());
      return new AuthCheck(null, "Slack said " + auth.getError(), refused, 0);
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      metrics.slackError(
          AUTH_TEST, status == 429 ? "ratelimited" : status >= 500 ? "http_5xx" : "http_4xx");
      long retryAfter = 0;
      String header = e.getResponse().header("Retry-After");
      if (status == 429 && header != null) {
        try {
          retryAfter = Math.min(Long.parseLong(header.strip()) * 1000, LONGEST_PAUSE.toMillis());
        } catch (NumberFormatException ignored) {
          retryAfter = 0;
        }
      }
      return new AuthCheck(null, "HTTP " + status, false, retryAfter);
    } catch (IOException e) {
      metrics.slackError(AUTH_TEST, Delivery.code(Delivery.fromIo(e)));
      return new AuthCheck(null, describe(e), false, 0);
    }
  }

  private static String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    if (e instanceof java.net.ConnectException) {
      return "connection refused or failed (" + name + ")";
    }
    if (e instanceof java.io.InterruptedIOException) {
      return "no answer in time (" + name + ")";
    }
    return "network error (" + name + ")";
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}

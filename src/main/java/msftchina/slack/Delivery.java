package msftchina.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * How replies to Slack are retried: only what surely failed (a connection never made, 5xx, 429), a
 * bounded number of times, with growing pauses or after {@code Retry-After} when Slack asks for no
 * more than {@link #MAX_RETRY_AFTER}. A reply whose outcome is unknown (the answer timed out: Slack
 * may have posted it) is never sent again; nor is one Slack refused ({@code ok: false}).
 *
 * @param maxAttempts the most attempts a reply gets
 * @param firstPause the pause after the first failure; it doubles after each
 * @param longestPause the longest pause of the growing series
 * @param channelInterval the least time between the starts of two posts to one channel
 * @param workers how many replies are sent at once, across channels
 */
public record Delivery(
    int maxAttempts,
    Duration firstPause,
    Duration longestPause,
    Duration channelInterval,
    int workers) {

  /**
   * The longest {@code Retry-After} honoured; a longer one gives the reply up. Not a setting: a
   * reply later than a minute is no longer an answer to the question, whatever the deployment.
   */
  public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  /**
   * Slack's rate for chat.postMessage: about one message a second in each channel. Not a setting:
   * it is Slack's limit, the same for every workspace.
   */
  public static final Duration SLACK_CHANNEL_INTERVAL = Duration.ofSeconds(1);

  /** The pause of an outcome that asks for the next pause of the growing series. */
  public static final long BACKOFF = 0;

  /** Checks the bounds. */
  public Delivery {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1");
    }
  }

  /**
   * Tries each reply at most {@code maxAttempts} times, pausing {@code firstPause}, then doubling
   * up to {@code longestPause}; one post a second a channel, eight at once.
   */
  public Delivery(int maxAttempts, Duration firstPause, Duration longestPause) {
    this(maxAttempts, firstPause, longestPause, SLACK_CHANNEL_INTERVAL, 8);
  }

  /** Returns this policy with {@code interval} between the posts of a channel. */
  public Delivery withChannelInterval(Duration interval) {
    return new Delivery(maxAttempts, firstPause, longestPause, interval, workers);
  }

  /** What one attempt came to. */
  public record Verdict(boolean delivered, long retryAfterMillis, String error) {

    /** Slack took the reply. */
    public static Verdict ok() {
      return new Verdict(true, -1, null);
    }

    /** The reply surely failed; Slack may take it after {@code millis} ({@link #BACKOFF}). */
    public static Verdict retryAfter(long millis, String why) {
      return new Verdict(false, millis, why);
    }

    /**
     * Nothing to send: another copy of the bot (or an earlier run) took the event and answers it.
     */
    public static Verdict answeredElsewhere() {
      return new Verdict(true, -1, "answered by another copy");
    }

    /** Slack refused the reply for good, or its outcome is unknown: not sent again. */
    public static Verdict refused(String error) {
      return new Verdict(false, -1, error);
    }
  }

  /** One attempt to send the reply. */
  @FunctionalInterface
  public interface Attempt {
    /** Sends the reply once. */
    Verdict send() throws IOException, SlackApiException;
  }

  /** Returns the outcome of one attempt of {@code attempt}, whatever it throws. */
  public static Verdict attempt(Attempt attempt) {
    try {
      return attempt.send();
    } catch (SlackApiException e) {
      return fromHttp(e.getResponse().code(), e.getResponse().header("Retry-After"), errorOf(e));
    } catch (IOException e) {
      return fromIo(e);
    } catch (RuntimeException e) {
      return Verdict.refused("cannot send: " + e);
    }
  }

  /**
   * Returns what a Web API response means for a reply: sent when {@code ok}, sent again later when
   * Slack said {@code ratelimited} in the body, refused for any other error.
   */
  public static Verdict fromApi(SlackApiTextResponse response) {
    if (response.isOk()) {
      return Verdict.ok();
    }
    return "ratelimited".equals(response.getError())
        ? Verdict.retryAfter(BACKOFF, response.getError())
        : Verdict.refused(response.getError());
  }

  /** Returns what an HTTP status from Slack means for a reply. */
  public static Verdict fromHttp(int status, String retryAfterHeader, String error) {
    if (status == 200) {
      return Verdict.ok();
    }
    if (status == 429) {
      long wait = retryAfterMillis(retryAfterHeader);
      if (wait > MAX_RETRY_AFTER.toMillis()) {
        return Verdict.refused(
            RATE_LIMITED
                + " with Retry-After "
                + wait / 1000
                + " s, over the "
                + MAX_RETRY_AFTER.toSeconds()
                + " s this bot waits");
      }
      return Verdict.retryAfter(wait, RATE_LIMITED);
    }
    if (status >= 500) {
      return Verdict.retryAfter(BACKOFF, HTTP + status);
    }
    return Verdict.refused(HTTP + status + (error == null ? "" : ": " + error));
  }

  /**
   * Returns what a network error means: a connection never made surely failed; anything after (a
   * read timeout, a reset) leaves the outcome unknown, and the reply is not sent again.
   */
  public static Verdict fromIo(IOException e) {
    String name = e.getClass().getSimpleName();
    boolean neverConnected =
        e instanceof ConnectException
            || e instanceof NoRouteToHostException
            || e instanceof UnknownHostException
            || (e instanceof SocketTimeoutException
                && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("connect"));
    if (neverConnected) {
      return Verdict.retryAfter(BACKOFF, CANNOT_CONNECT + name);
    }
    return Verdict.refused(OUTCOME_UNKNOWN + name + "); not sent again, lest it show twice");
  }

  /**
   * Returns the error code of a failed {@code outcome}, for counting: Slack's own code ({@code
   * channel_not_found}), or what the transport came to: {@code ratelimited} (429), {@code
   * http_4xx}, {@code http_5xx}, {@code connect_failed} (surely not sent), {@code no_answer} (sent,
   * outcome unknown), {@code other}.
   */
  public static String code(Verdict outcome) {
    String error = outcome.error();
    if (error == null) {
      return "other";
    }
    if (error.startsWith(RATE_LIMITED)) {
      return "ratelimited";
    }
    if (error.startsWith(HTTP)) {
      return error.startsWith(HTTP + "5") ? "http_5xx" : "http_4xx";
    }
    if (error.startsWith(CANNOT_CONNECT)) {
      return "connect_failed";
    }
    if (error.startsWith(OUTCOME_UNKNOWN)) {
      return "no_answer";
    }
    return error.matches("[a-z_]{1,40}") ? error : "other";
  }

  private static final String RATE_LIMITED = "rate limited (429)";
  private static final String HTTP = "HTTP ";
  private static final String CANNOT_CONNECT = "cannot connect: ";
  private static final String OUTCOME_UNKNOWN = "outcome unknown (";

  private static long retryAfterMillis(String header) {
    try {
      return Math.max(1, Long.parseLong(header.strip())) * 1000;
    } catch (RuntimeException e) {
      return 1000;
    }
  }

  private static String errorOf(SlackApiException e) {
    return e.getError() != null && e.getError().getError() != null ? e.getError().getError() : null;
  }
}

package msftchina.slack;

import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one reply to Slack, retrying what Slack asks to retry: after {@code Retry-After} on 429,
 * and with growing pauses on 5xx and timeouts, a bounded number of times. A reply Slack refuses
 * ({@code ok: false}, such as {@code not_in_channel}) is logged, not retried.
 *
 * <p>NOTE: it pauses the calling thread; call it from a worker, never the HTTP thread.
 */
public final class Delivery {

  private static final Logger log = LoggerFactory.getLogger(Delivery.class);

  /** What one attempt came to. */
  public record Outcome(boolean delivered, long retryAfterMillis, String error) {

    /** Slack took the reply. */
    public static Outcome ok() {
      return new Outcome(true, -1, null);
    }

    /** Slack asked for the reply again after {@code millis}. */
    public static Outcome retryAfter(long millis, String why) {
      return new Outcome(false, millis, why);
    }

    /** Slack refused the reply for good. */
    public static Outcome refused(String error) {
      return new Outcome(false, -1, error);
    }
  }

  /** One attempt to send the reply. */
  @FunctionalInterface
  public interface Attempt {
    Outcome send() throws IOException, SlackApiException;
  }

  private final int maxAttempts;
  private final Duration firstPause;
  private final Duration longestPause;

  /**
   * Tries each reply at most {@code maxAttempts} times, pausing {@code firstPause}, then doubling
   * up to {@code longestPause}.
   */
  public Delivery(int maxAttempts, Duration firstPause, Duration longestPause) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
    this.maxAttempts = maxAttempts;
    this.firstPause = firstPause;
    this.longestPause = longestPause;
  }

  /**
   * Sends a reply described as {@code what} (named in log lines, e.g. "event Ev123:
   * chat.postMessage"), and returns the error Slack gave in the end, or null once delivered.
   */
  public String send(String what, Attempt attempt) {
    long pause = firstPause.toMillis();
    String error = null;
    for (int n = 1; n <= maxAttempts; n++) {
      Outcome outcome;
      try {
        outcome = attempt.send();
      } catch (SlackApiException e) {
        outcome =
            fromHttp(e.getResponse().code(), e.getResponse().header("Retry-After"), errorOf(e));
      } catch (IOException e) {
        outcome =
            Outcome.retryAfter(
                BACKOFF,
                "network error: "
                    + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
      } catch (RuntimeException e) {
        outcome = Outcome.refused("cannot send: " + e);
      }
      if (outcome.delivered()) {
        return null;
      }
      error = outcome.error();
      if (outcome.retryAfterMillis() < 0) {
        log.warn("{} refused by Slack: {}", what, error);
        return error;
      }
      if (n < maxAttempts) {
        sleep(
            Math.min(
                outcome.retryAfterMillis() == BACKOFF ? pause : outcome.retryAfterMillis(),
                longestPause.toMillis()));
        pause = Math.min(pause * 2, longestPause.toMillis());
      }
    }
    log.warn("{} not delivered after {} attempts: {}", what, maxAttempts, error);
    return error;
  }

  /** The pause of an outcome that asks for the next pause of the growing series. */
  public static final long BACKOFF = 0;

  /** Returns what an HTTP status from Slack means for a reply. */
  public static Outcome fromHttp(int status, String retryAfterHeader, String error) {
    if (status == 200) {
      return Outcome.ok();
    }
    if (status == 429) {
      return Outcome.retryAfter(retryAfterMillis(retryAfterHeader), "rate limited (429)");
    }
    if (status >= 500) {
      return Outcome.retryAfter(BACKOFF, "HTTP " + status);
    }
    return Outcome.refused("HTTP " + status + (error == null ? "" : ": " + error));
  }

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

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

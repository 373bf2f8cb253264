package msftchina.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import msftchina.search.Answer;

/**
 * The fixed sets every tag value of {@link Metrics} comes from, and the histogram's buckets: any
 * value outside a set is {@code other}, so the number of series stays bounded whatever is asked.
 */
final class Tags {

  private Tags() {}

  /** The Slack methods whose errors are counted, by their {@code method} tag. */
  static final Set<String> SLACK_METHODS =
      Set.of(
          "chat.postMessage",
          "chat.postEphemeral",
          "views.publish",
          "response_url",
          "auth.test",
          "apps.connections.open");

  /**
   * The error codes counted as themselves: Slack's own ({@code ok: false}) that a bot posting
   * replies can meet, and the transport's ({@code http_4xx}, {@code http_5xx}, {@code
   * connect_failed}, {@code no_answer}: sent, outcome unknown). Any other is counted as {@code
   * other}, so that a new code from Slack never makes a new series.
   */
  static final Set<String> SLACK_ERRORS =
      Set.of(
          "ratelimited",
          "channel_not_found",
          "not_in_channel",
          "is_archived",
          "msg_too_long",
          "no_text",
          "invalid_blocks",
          "invalid_auth",
          "not_authed",
          "account_inactive",
          "token_revoked",
          "missing_scope",
          "user_not_found",
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout",
          "http_4xx",
          "http_5xx",
          "connect_failed",
          "no_answer");

  /**
   * The answer-time histogram's buckets (and {@code +Inf}): from a millisecond (a search takes tens
   * of microseconds) to 10 seconds, Slack's 3-second deadline among them. Fixed, 14 a surface:
   * Micrometer's percentile histogram ({@code publishPercentileHistogram}) would publish 66 a
   * surface between 1 ms and 10 s, 462 series for one metric.
   */
  static final Duration[] BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofNanos(2_500_000),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(3),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  /** Returns the {@code method} tag of Slack's {@code method}. */
  static String method(String method) {
    return SLACK_METHODS.contains(method) ? method : "other";
  }

  /** Returns the {@code error} tag of Slack's error code {@code error}. */
  static String error(String error) {
    return error != null && SLACK_ERRORS.contains(error) ? error : "other";
  }

  /** Returns the {@code outcome} tag of {@code answer}: answered, partial or refused. */
  static String outcome(Answer answer) {
    if (!answer.answered()) {
      return "refused";
    }
    return answer.strength() == Answer.Strength.PARTIAL ? "partial" : "answered";
  }

  /** Returns the {@code reason} tag of {@code answer}: its refusal's reason, or none. */
  static String reason(Answer answer) {
    if (answer.answered()) {
      return "none";
    }
    return answer.refusal() == null
        ? "other"
        : answer.refusal().reason().name().toLowerCase(Locale.ROOT);
  }
}

package msftchina.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import msftchina.app.AnswerTimes;
import msftchina.app.Surface;
import msftchina.search.Answer;

/**
 * What the bot counts for a dashboard, in Prometheus's text format ({@code GET /metrics}):
 * questions by surface and outcome, answer times as a histogram, the outbox's depth and retries,
 * Slack API errors by method and error code, records the store dropped, and the JVM's memory,
 * collections, threads and process.
 *
 * <p>Every tag value comes from a fixed set (the surfaces, outcomes, refusal reasons, Slack methods
 * and error codes named here; anything else is {@code other}): no question text and no Slack ids
 * are ever a tag, so the number of series, and the memory they take, is bounded whatever is asked.
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class Metrics implements AnswerTimes, AutoCloseable {

  /** The Slack methods whose errors are counted, by their {@code method} tag. */
  public static final Set<String> SLACK_METHODS =
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
  public static final Set<String> SLACK_ERRORS =
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

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<Surface, Timer> answerTimes = new EnumMap<>(Surface.class);
  private final Counter outboxRetries;
  private final Counter outboxDelivered;
  private final Counter outboxGivenUp;
  private final Counter outboxShed;
  private final List<AutoCloseable> binders = new ArrayList<>();

  private Metrics() {
    for (Surface s : Surface.values()) {
      answerTimes.put(
          s,
          Timer.builder("msftchina.answer")
              .description(
                  "Time from a question's arrival to its answer being ready to send, by surface")
              .tag("surface", s.label())
              .serviceLevelObjectives(BUCKETS)
              .register(registry));
    }
    outboxRetries =
        Counter.builder("msftchina.outbox.retries")
            .description("Replies to Slack tried again after a failure that surely failed")
            .register(registry);
    outboxDelivered = replies("delivered");
    outboxGivenUp = replies("given_up");
    outboxShed =
        Counter.builder("msftchina.outbox.shed")
            .description(
                "Replies not queued because the outbox was full: a busy note sent instead, or none")
            .register(registry);
  }

  private Counter replies(String result) {
    return Counter.builder("msftchina.outbox.replies")
        .description("Replies the outbox finished with, by result: delivered or given up")
        .tag("result", result)
        .register(registry);
  }

  /**
   * Returns metrics of the bot and of the JVM: memory pools and buffers, garbage collections,
   * threads, classes, CPU, uptime and open files.
   */
  public static Metrics withJvm() {
    Metrics m = new Metrics();
    JvmGcMetrics gc = new JvmGcMetrics();
    m.binders.add(gc);
    for (MeterBinder binder :
        List.of(
            new JvmMemoryMetrics(),
            gc,
            new JvmThreadMetrics(),
            new ClassLoaderMetrics(),
            new ProcessorMetrics(),
            new UptimeMetrics(),
            new FileDescriptorMetrics())) {
      binder.bindTo(m.registry);
    }
    return m;
  }

  /**
   * Counts a question asked on {@code surface} and what the report said to it (the outcome
   * "answered", "partial" or "refused" with its reason), and records how long it took.
   */
  @Override
  public void asked(Surface surface, Answer answer, Duration took) {
    String outcome;
    String reason = "none";
    if (answer.answered()) {
      outcome = answer.strength() == Answer.Strength.PARTIAL ? "partial" : "answered";
    } else {
      outcome = "refused";
      reason =
          answer.refusal() == null
              ? "other"
              : answer.refusal().reason().name().toLowerCase(Locale.ROOT);
    }
    count(surface, outcome, reason);
    answerTimes.get(surface).record(took);
  }

  /**
   * Counts a lookup ({@code /msftchina find}): {@code answered} when it listed statements, else
   * {@code refused} for {@code no_match}; and records how long it took.
   */
  @Override
  public void lookedUp(boolean found, Duration took) {
    count(Surface.FIND, found ? "answered" : "refused", found ? "none" : "no_match");
    answerTimes.get(Surface.FIND).record(took);
  }

  private void count(Surface surface, String outcome, String reason) {
    Counter.builder("msftchina.questions")
        .description("Questions asked, by surface, outcome and the reason of a refusal")
        .tag("surface", surface.label())
        .tag("outcome", outcome)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /**
   * Counts a failed call of Slack's {@code method} with {@code error}, either of them {@code other}
   * when not in {@link #SLACK_METHODS} or {@link #SLACK_ERRORS}.
   */
  public void slackError(String method, String error) {
    Counter.builder("msftchina.slack.api.errors")
        .description("Slack API calls that failed, by method and error code")
        .tag("method", SLACK_METHODS.contains(method) ? method : "other")
        .tag("error", error != null && SLACK_ERRORS.contains(error) ? error : "other")
        .register(registry)
        .increment();
  }

  /** Counts a reply tried again. */
  public void outboxRetried() {
    outboxRetries.increment();
  }

  /** Counts a reply delivered. */
  public void outboxDelivered() {
    outboxDelivered.increment();
  }

  /** Counts a reply given up (refused by Slack, out of attempts, or its outcome unknown). */
  public void outboxGivenUp() {
    outboxGivenUp.increment();
  }

  /** Counts a reply not queued because the outbox was full (load shed). */
  public void outboxShed() {
    outboxShed.increment();
  }

  /** Reports {@code outbox}'s replies waiting or being sent, as {@code pending} counts them. */
  public <T> void outboxDepth(T outbox, ToDoubleFunction<T> pending) {
    Gauge.builder("msftchina.outbox.pending", outbox, pending)
        .description("Replies acknowledged and waiting to be sent to Slack, or being sent")
        .strongReference(true)
        .register(registry);
  }

  /**
   * Reports the store's recording: the records it dropped since start ({@code dropped}, when its
   * queue was full or the database failed) and those waiting to be written ({@code queued}).
   */
  public <T> void recording(T store, ToDoubleFunction<T> dropped, ToDoubleFunction<T> queued) {
    FunctionCounter.builder("msftchina.records.dropped", store, dropped)
        .description(
            "Questions and votes not recorded: the recorder's queue was full or the database"
                + " failed")
        .register(registry);
    Gauge.builder("msftchina.records.queued", store, queued)
        .description("Questions and votes waiting to be written to the database")
        .strongReference(true)
        .register(registry);
  }

  /** Returns every metric, in Prometheus's text format (version 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  /** Stops listening to the JVM's collections. */
  @Override
  public void close() {
    for (AutoCloseable binder : binders) {
      try {
        binder.close();
      } catch (Exception e) {
        // nothing to release beyond listeners
      }
    }
    registry.close();
  }
}

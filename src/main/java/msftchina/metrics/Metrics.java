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
import java.util.Map;
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
              .serviceLevelObjectives(Tags.BUCKETS)
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
    count(surface, Tags.outcome(answer), Tags.reason(answer));
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
   * when not in {@link Tags#SLACK_METHODS} or {@link Tags#SLACK_ERRORS}.
   */
  public void slackError(String method, String error) {
    Counter.builder("msftchina.slack.api.errors")
        .description("Slack API calls that failed, by method and error code")
        .tag("method", Tags.method(method))
        .tag("error", Tags.error(error))
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

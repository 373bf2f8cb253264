package msftchina.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import msftchina.app.Outcome;
import msftchina.app.QuestionAsked;
import msftchina.app.Surface;
import msftchina.store.Store;
import msftchina.store.StoreSettings;
import msftchina.testing.EventBodies;
import msftchina.testing.PrometheusText;
import msftchina.testing.RunningBot;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} on the real bot over HTTP, read as Prometheus reads it, after real signed
 * slash commands and mentions: questions by surface and outcome, the answer-time histogram, the
 * outbox, Slack's errors, records dropped, and the JVM.
 */
class MetricsEndpointTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String QUESTIONS = "msftchina_questions_total";
  private static final String SLACK_ERRORS = "msftchina_slack_api_errors_total";
  private static final String POST_MESSAGE = "/api/chat.postMessage";
  private static RunningBot bot;

  @BeforeAll
  static void start() throws Exception {
    bot = RunningBot.start(RunningBot.tempIndex());
  }

  @AfterAll
  static void stop() throws Exception {
    bot.close();
  }

  @Test
  void slashCommandsAreCountedAnsweredOrRefusedWithTheReason() throws Exception {
    PrometheusText before = scrape(bot);
    bot.slashCommand("who is Microsoft's biggest AI customer in China?");
    bot.slashCommand("how much does Tencent spend on Azure?");
    bot.slashCommand("how much does Tencent spend on Azure?"); // the second from the reply cache
    PrometheusText after = scrape(bot);

    assertEquals(1, moved(before, after, QUESTIONS, slash("answered", "none")));
    assertEquals(2, moved(before, after, QUESTIONS, slash("refused", "detail_not_in_report")));
    assertEquals(
        0, moved(before, after, QUESTIONS, slash("refused", "name_not_in_report")), "no other");
  }

  @Test
  void lookupsAreCountedAsTheFindSurface() throws Exception {
    PrometheusText before = scrape(bot);
    bot.slashCommand("find tencent | bytedance");
    bot.slashCommand("find nvidia");
    PrometheusText after = scrape(bot);
    assertEquals(
        1,
        moved(
            before,
            after,
            QUESTIONS,
            Map.of("surface", "find", "outcome", "answered", "reason", "none")));
    assertEquals(
        1,
        moved(
            before,
            after,
            QUESTIONS,
            Map.of("surface", "find", "outcome", "refused", "reason", "no_match")));
  }

  @Test
  void mentionsAndFollowUpsInAThreadAreCountedApart() throws Exception {
    PrometheusText before = scrape(bot);
    bot.event(
        "EvMetrics1",
        EventBodies.appMention(
            "CMETRICS1", "1700000700.000100", "who is Microsoft's biggest AI customer in China?"),
        Map.of());
    postsTo("CMETRICS1", 1);
    bot.event(
        "EvMetrics2",
        "{\"type\":\"app_mention\",\"user\":\"U123\",\"text\":\"<@"
            + SlackStandIn.BOT_USER_ID
            + "> how much does it spend?\",\"ts\":\"1700000701.000100\","
            + "\"thread_ts\":\"1700000700.000100\",\"channel\":\"CMETRICS1\","
            + "\"event_ts\":\"1700000701.000100\"}",
        Map.of());
    postsTo("CMETRICS1", 2);
    PrometheusText after =
        scrapeUntil(
            t ->
                moved(before, t, "msftchina_outbox_replies_total", Map.of("result", "delivered"))
                    >= 2);

    assertEquals(
        1,
        moved(
            before,
            after,
            QUESTIONS,
            Map.of("surface", "mention", "outcome", "answered", "reason", "none")));
    assertEquals(
        1,
        moved(
            before,
            after,
            QUESTIONS,
            Map.of("surface", "follow_up", "outcome", "answered", "reason", "none")));
    assertEquals(0, after.value("msftchina_outbox_pending", Map.of()), "nothing left to send");
  }

  @Test
  void answerTimesAreAHistogramWithBoundedBuckets() throws Exception {
    bot.slashCommand("what does Microsoft sell to Chinese companies?");
    PrometheusText metrics = scrape(bot);
    List<PrometheusText.Sample> buckets =
        metrics.samples("msftchina_answer_seconds_bucket", Map.of("surface", "slash"));
    System.out.println("msftchina_answer_seconds buckets for slash: " + buckets.size());
    assertTrue(buckets.size() == 14, "buckets: " + buckets.size());
    List<String> bounds = buckets.stream().map(b -> b.labels().get("le")).toList();
    assertTrue(
        bounds.contains("0.1") && bounds.contains("1.0") && bounds.contains("3.0"),
        bounds.toString());
    assertEquals("+Inf", bounds.get(bounds.size() - 1));
    double count = metrics.value("msftchina_answer_seconds_count", Map.of("surface", "slash"));
    assertTrue(count >= 1, "answers timed: " + count);
    assertEquals(count, buckets.get(buckets.size() - 1).value(), "+Inf holds every answer");
    for (int i = 1; i < buckets.size(); i++) {
      assertTrue(buckets.get(i).value() >= buckets.get(i - 1).value(), "cumulative");
    }
    // every surface has its series from the start, so a dashboard has no gaps
    for (Surface s : Surface.values()) {
      assertFalse(
          metrics.samples("msftchina_answer_seconds_count", Map.of("surface", s.label())).isEmpty(),
          s.label());
    }
  }

  @Test
  void slackErrorsAreCountedByMethodAndCodeUnknownCodesAsOther() throws Exception {
    PrometheusText before = scrape(bot);
    bot.slack.script(
        POST_MESSAGE,
        SlackStandIn.Scripted.error("channel_not_found"),
        SlackStandIn.Scripted.error("a_code_slack_adds_next_year"));
    bot.event(
        "EvMetricsErr1",
        EventBodies.appMention("CERR1", "1700000800.000100", "who is the biggest AI customer?"),
        Map.of());
    postsTo("CERR1", 1);
    bot.event(
        "EvMetricsErr2",
        EventBodies.appMention("CERR2", "1700000801.000100", "who is the biggest AI customer?"),
        Map.of());
    postsTo("CERR2", 1);
    // Both replies given up and both errors counted (the counters move after the posts land, and
    // another test's reply may be given up meanwhile: wait for what this test counts).
    Map<String, String> notFound =
        Map.of("method", "chat.postMessage", "error", "channel_not_found");
    Map<String, String> other = Map.of("method", "chat.postMessage", "error", "other");
    PrometheusText after =
        scrapeUntil(
            t ->
                moved(before, t, "msftchina_outbox_replies_total", Map.of("result", "given_up"))
                        >= 2
                    && moved(before, t, SLACK_ERRORS, notFound) >= 1
                    && moved(before, t, SLACK_ERRORS, other) >= 1);

    assertEquals(1, moved(before, after, SLACK_ERRORS, notFound));
    assertEquals(1, moved(before, after, SLACK_ERRORS, other));
    String text = bot.get("/metrics").body();
    assertFalse(text.contains("a_code_slack_adds_next_year"), "an unknown code is no new series");
    assertFalse(text.contains("CERR1") || text.contains("U123"), "no Slack ids in tags");
    assertFalse(text.contains("biggest"), "no question text in tags");
  }

  @Test
  void aPostThatSurelyFailedIsRetriedAndCounted() throws Exception {
    PrometheusText before = scrape(bot);
    bot.slack.script(POST_MESSAGE, SlackStandIn.Scripted.status(503));
    bot.event(
        "EvMetricsRetry1",
        EventBodies.appMention("CRETRY1", "1700000900.000100", "who is the biggest AI customer?"),
        Map.of());
    postsTo("CRETRY1", 2);
    PrometheusText after =
        scrapeUntil(
            t ->
                moved(before, t, "msftchina_outbox_replies_total", Map.of("result", "delivered"))
                    >= 1);
    assertEquals(1, moved(before, after, "msftchina_outbox_retries_total", Map.of()));
    assertEquals(
        1,
        moved(
            before,
            after,
            SLACK_ERRORS,
            Map.of("method", "chat.postMessage", "error", "http_5xx")));
  }

  @Test
  void jvmMemoryGcThreadsAndProcessArePresent() throws Exception {
    PrometheusText metrics = scrape(bot);
    assertFalse(metrics.samples("jvm_memory_used_bytes", Map.of("area", "heap")).isEmpty());
    assertFalse(metrics.samples("jvm_memory_max_bytes", Map.of("area", "nonheap")).isEmpty());
    assertTrue(metrics.has("jvm_gc_"), "garbage collection");
    assertTrue(metrics.value("jvm_threads_live_threads", Map.of()) > 0, "threads");
    assertTrue(metrics.has("jvm_classes_loaded"), "classes");
    assertTrue(metrics.value("process_uptime_seconds", Map.of()) > 0, "uptime");
    assertTrue(metrics.has("process_cpu_usage"), "cpu");
    assertTrue(metrics.has("process_files_open_files"), "open files");
  }

  @Test
  void recordsTheStoreDropsAreCounted(@TempDir Path temp) throws Exception {
    Store store =
        Store.open(
            StoreSettings.from(Map.of("MSFTCHINA_DB", "jdbc:sqlite:" + temp.resolve("bot.db"))));
    try (RunningBot recording = RunningBot.start(RunningBot.tempIndex(), store)) {
      assertEquals(0, scrape(recording).value("msftchina_records_dropped_total", Map.of()));
      String longQuestion = "who is the biggest AI customer? ".repeat(62); // ~2,000 characters
      for (int i = 0; i < 1_000; i++) { // 2 MB of questions at once: more than the queue holds
        store.asked(
            new QuestionAsked(
                System.currentTimeMillis(),
                Surface.SLASH,
                "T1",
                "C1",
                "U1",
                longQuestion,
                Outcome.UNKNOWN,
                1,
                null,
                null));
      }
      double dropped = scrape(recording).value("msftchina_records_dropped_total", Map.of());
      System.out.println("records dropped: " + dropped);
      assertTrue(dropped > 0 && dropped < 1_000, "dropped: " + dropped);
    }
    assertTrue(Files.exists(temp.resolve("bot.db")));
  }

  // --- helpers ---

  private static Map<String, String> slash(String outcome, String reason) {
    return Map.of("surface", "slash", "outcome", outcome, "reason", reason);
  }

  /** GETs /metrics as a scraper does. */
  static PrometheusText scrape(RunningBot bot) throws Exception {
    HttpResponse<String> r = bot.get("/metrics");
    assertEquals(200, r.statusCode());
    assertEquals(
        "text/plain; version=0.0.4; charset=utf-8",
        r.headers().firstValue("Content-Type").orElse(""));
    return PrometheusText.parse(r.body());
  }

  private static PrometheusText scrapeUntil(Predicate<PrometheusText> done) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    PrometheusText metrics = scrape(bot);
    while (!done.test(metrics) && System.nanoTime() < end) {
      Thread.sleep(20);
      metrics = scrape(bot);
    }
    return metrics;
  }

  private static double moved(
      PrometheusText before, PrometheusText after, String name, Map<String, String> labels) {
    return after.value(name, labels) - before.value(name, labels);
  }

  private static List<SlackStandIn.Call> postsTo(String channel, int count) throws Exception {
    List<SlackStandIn.Call> posts =
        bot.slack.await(
            c -> c.path().equals(POST_MESSAGE) && channel.equals(c.param("channel")), count, WAIT);
    assertEquals(count, posts.size(), "posts to " + channel);
    return posts;
  }
}

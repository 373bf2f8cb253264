package msftchina.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import msftchina.server.Bot;
import msftchina.server.GcWatchdog;
import msftchina.server.ServeConfig;
import msftchina.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code msftchina serve}: runs the Slack app until stopped. */
@Command(
    name = "serve",
    header =
        "run the Slack app (Socket Mode, or POST /slack/events, GET /healthz, /readyz, /metrics)",
    description =
        "Answers the slash command, mentions, direct messages, the Find in report shortcut, the"
            + " Home tab and the buttons. With SLACK_APP_TOKEN set it connects to Slack over Socket"
            + " Mode (no public URL needed, no port unless MSFTCHINA_METRICS_PORT is set); without"
            + " it, it serves POST /slack/events, GET /healthz, GET /readyz and GET /metrics."
            + " Settings come from the environment (below).",
    footer = {
      "%nEnvironment:",
      "  SLACK_APP_TOKEN       Socket Mode: an app-level token, xapp-... with connections:write",
      "                        (Basic Information page, App-Level Tokens)",
      "  SLACK_SIGNING_SECRET  required over HTTP: the app's signing secret (Basic Information)",
      "  SLACK_BOT_TOKEN       required: the bot token, xoxb-... (OAuth & Permissions page)",
      "  PORT                  default 3000",
      "  HOST                  default 0.0.0.0",
      "  SLACK_API_URL         default https://slack.com/api/",
      "  MSFTCHINA_DB          a SQLite file (default data/msftchina.db), jdbc:sqlite:FILE, or",
      "                        jdbc:postgresql://HOST:5432/DB?user=...&password=...",
      "  MSFTCHINA_RECORD      full (default), counts (no text or user ids) or off",
      "  MSFTCHINA_RETENTION_DAYS  default 90: older questions and votes are deleted daily",
      "  MSFTCHINA_ADMINS      Slack user ids who see gaps and votes in App Home",
      "  MSFTCHINA_METRICS_PORT  unset (default): no port of its own; set: a port serving only",
      "                        GET /healthz, /readyz and /metrics (Prometheus), on HOST; the one",
      "                        way to reach them over Socket Mode (over HTTP they are on PORT too)",
      "  MSFTCHINA_STOP_TIMEOUT, MSFTCHINA_MAX_BODY_BYTES, MSFTCHINA_ACK_BUDGET, ...: limits,",
      "                        timeouts and budgets, each with its default (README: Settings)",
      "%nGET /healthz reports Slack's and the store's state (\"ok\" or \"degraded\"); GET /readyz is 200 while the"
          + " bot takes requests, 503 once it is stopping; GET /metrics gives questions by surface"
          + " and outcome, answer times, the outbox, Slack's errors and the JVM's memory and"
          + " collections in Prometheus's text format (README: Metrics). SIGTERM or Ctrl-C lets requests in"
          + " flight finish, then pending replies (at most "
          + ServeConfig.STOP_TIMEOUT_SECONDS
          + " s each, MSFTCHINA_STOP_TIMEOUT), names any reply left undelivered in a log line, then exits 0."
    })
final class ServeCommand extends Subcommand {

  private static final Logger log = LoggerFactory.getLogger("msftchina");

  @Mixin private FactsAndIndex folders;

  @Override
  public Integer call() throws Exception {
    ServeConfig config;
    try {
      config = ServeConfig.from(console().env());
    } catch (IllegalArgumentException e) {
      throw usageError(e.getMessage());
    }
    CompletableFuture<Store> store = Store.openInBackground(config.store());
    GcWatchdog.start(); // a heap that stays full ends the process, as an OutOfMemoryError does
    Bot bot;
    try {
      bot =
          Bot.start(
              config,
              folders.facts(console().env()),
              folders.index(console().env()),
              store,
              log::info);
    } catch (IllegalArgumentException e) {
      var unused = store.thenAccept(Store::close); // closed once open, if it opens
      throw usageError(e.getMessage());
    } catch (Exception e) {
      var unused = store.thenAccept(Store::close); // closed once open, if it opens
      throw e;
    }
    bot.knowledgeBase().watch(); // a change under facts/ or SIGHUP reloads the reports
    List<String> titles = bot.knowledgeBase().reports();
    log.info(
        "{}: {} facts from {} report(s): {}",
        bot.describe(),
        bot.knowledgeBase().factCount(),
        titles.size(),
        titles.size() <= 5
            ? String.join("; ", titles)
            : String.join("; ", titles.subList(0, 5)) + " and " + (titles.size() - 5) + " more");
    if (bot.metricsPort() != ServeConfig.NO_PORT) {
      log.info("health and metrics on port {}: GET /healthz, /readyz, /metrics", bot.metricsPort());
    }
    log.info(
        "remembering in {}: recording {}, kept {} days",
        config.store().where(),
        config.store().record().name().toLowerCase(java.util.Locale.ROOT),
        config.store().retentionDays());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("stopping: finishing requests in flight and pending replies");
                  try {
                    bot.close();
                  } catch (Exception e) {
                    log.warn("stop: {}", e.toString());
                  }
                  log.info("stopped");
                  Runtime.getRuntime().halt(0);
                },
                "shutdown"));
    Thread.currentThread().join();
    return 0;
  }
}

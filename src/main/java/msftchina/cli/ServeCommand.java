package msftchina.cli;

import java.time.Duration;
import java.util.List;
import msftchina.server.Bot;
import msftchina.server.ServeConfig;
import msftchina.slack.Delivery;
import msftchina.store.Store;
import msftchina.store.StoreSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code msftchina serve}: runs the Slack app until stopped. */
final class ServeCommand implements Command {

  private static final Logger log = LoggerFactory.getLogger("msftchina");
  private static final String USAGE = "msftchina serve [--facts DIR] [--index DIR]";

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "run the Slack app (Socket Mode, or POST /slack/events, GET /healthz, GET /readyz)";
  }

  @Override
  public String help() {
    return "usage: "
        + USAGE
        + "\n\n"
        + "Answers the slash command, mentions, direct messages, the Find in report shortcut,\n"
        + "the Home tab and the buttons. With SLACK_APP_TOKEN set it connects to Slack over\n"
        + "Socket Mode (no public URL needed, no port); without it, it serves POST /slack/events\n"
        + "and GET /healthz. Settings come from the environment:\n"
        + "  SLACK_APP_TOKEN       Socket Mode: an app-level token, xapp-... with connections:write\n"
        + "                        (Basic Information page, App-Level Tokens)\n"
        + "  SLACK_SIGNING_SECRET  required over HTTP: the app's signing secret (Basic Information)\n"
        + "  SLACK_BOT_TOKEN       required: the bot token, xoxb-... (OAuth & Permissions page)\n"
        + "  PORT                  default 3000\n"
        + "  HOST                  default 0.0.0.0\n"
        + "  SLACK_API_URL         default https://slack.com/api/\n"
        + "  MSFTCHINA_DB          default data/msftchina.db (SQLite); or jdbc:postgresql://...\n"
        + "  MSFTCHINA_RECORD      full (default), counts (no text or user ids) or off\n"
        + "  MSFTCHINA_RETENTION_DAYS  default 90: older questions and votes are deleted daily\n"
        + "  MSFTCHINA_ADMINS      Slack user ids who see gaps and votes in App Home\n"
        + "GET /healthz reports Slack's state (\"ok\" or \"degraded\"); GET /readyz is 200\n"
        + "while the bot takes requests, 503 once it is stopping.\n"
        + "SIGTERM or Ctrl-C lets requests in flight finish, then pending replies (at most "
        + Bot.STOP_TIMEOUT.toSeconds()
        + " s each), names any reply left undelivered in a log line, then exits 0.\n";
  }

  @Override
  public int run(List<String> args, Console console) throws Exception {
    Options options = Options.parse(args, console.env(), USAGE);
    if (!options.words.isEmpty()) {
      throw new UsageException(
          "unexpected argument '" + options.words.get(0) + "'; usage: " + USAGE);
    }
    ServeConfig config;
    StoreSettings storeSettings;
    try {
      config = ServeConfig.from(console.env());
      storeSettings = StoreSettings.from(console.env());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Store store = Store.open(storeSettings);
    Bot bot;
    try {
      bot =
          Bot.start(
              config,
              options.facts,
              options.index,
              new Delivery(4, Duration.ofMillis(500), Duration.ofSeconds(30)),
              store,
              log::info);
    } catch (IllegalArgumentException e) {
      store.close();
      throw new UsageException(e.getMessage());
    } catch (Exception e) {
      store.close();
      throw e;
    }
    log.info(
        "{}: {} facts from {} report(s): {}",
        bot.socketMode() ? "connected over Socket Mode" : "serving on port " + bot.port(),
        bot.knowledgeBase().factCount(),
        bot.knowledgeBase().reports().size(),
        String.join("; ", bot.knowledgeBase().reports()));
    log.info(
        "remembering in {}: recording {}, kept {} days",
        storeSettings.where(),
        storeSettings.record().name().toLowerCase(java.util.Locale.ROOT),
        storeSettings.retentionDays());
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

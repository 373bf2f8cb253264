package msftchina.cli;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.time.Duration;
import java.util.List;
import msftchina.search.KnowledgeBase;
import msftchina.server.SlackServer;
import msftchina.slack.BotApp;
import msftchina.slack.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code msftchina serve}: runs the Slack app until stopped. */
final class ServeCommand implements Command {

  private static final Logger log = LoggerFactory.getLogger("msftchina");
  private static final String USAGE = "msftchina serve [--facts DIR] [--index DIR]";

  /** How long a stop waits for requests in flight and pending replies. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "run the Slack app (POST /slack/events, GET /healthz)";
  }

  @Override
  public String help() {
    return "usage: " + USAGE + "\n\n"
        + "Serves the slash command, mentions, direct messages and the share button on\n"
        + "POST /slack/events, and GET /healthz. Settings come from the environment:\n"
        + "  SLACK_SIGNING_SECRET  required: the app's signing secret (Basic Information page)\n"
        + "  SLACK_BOT_TOKEN       required: the bot token, xoxb-... (OAuth & Permissions page)\n"
        + "  PORT                  default 3000\n"
        + "  HOST                  default 0.0.0.0\n"
        + "  SLACK_API_URL         default https://slack.com/api/\n"
        + "SIGTERM or Ctrl-C lets requests in flight and pending replies finish (at most "
        + STOP_TIMEOUT.toSeconds() + " s), then exits 0.\n";
  }

  @Override
  public int run(List<String> args, Console console) throws Exception {
    Options options = Options.parse(args, console.env(), USAGE);
    if (!options.words.isEmpty()) {
      throw new UsageException("unexpected argument '" + options.words.get(0) + "'; usage: " + USAGE);
    }
    ServeConfig config = ServeConfig.from(console.env());
    KnowledgeBase kb = KnowledgeBase.open(options.facts, options.index, log::info);
    App app = BotApp.create(appConfig(config), kb, new Delivery(4, Duration.ofMillis(500), Duration.ofSeconds(30)));
    SlackServer server = new SlackServer(app, config.host(), config.port(), kb.factCount(), STOP_TIMEOUT);
    int port;
    try {
      port = server.start();
    } catch (java.io.IOException e) {
      server.stop();
      throw new java.io.IOException("cannot listen on " + config.host() + ":" + config.port() + " (" + e.getMessage() + ")");
    }
    log.info("serving on port {}: {} facts from {} report(s): {}", port, kb.factCount(), kb.reports().size(), String.join("; ", kb.reports()));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("stopping: finishing requests in flight and pending replies");
      try {
        server.stop();
        kb.close();
      } catch (Exception e) {
        log.warn("stop: {}", e.toString());
      }
      log.info("stopped");
      Runtime.getRuntime().halt(0);
    }, "shutdown"));
    Thread.currentThread().join();
    return 0;
  }

  private static AppConfig appConfig(ServeConfig config) {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.apiUrl());
    slackConfig.setHttpClientReadTimeoutMillis(5_000);
    slackConfig.setHttpClientWriteTimeoutMillis(5_000);
    slackConfig.setHttpClientCallTimeoutMillis(10_000);
    return AppConfig.builder()
        .signingSecret(config.signingSecret())
        .singleTeamBotToken(config.botToken())
        .slack(Slack.getInstance(slackConfig))
        .build();
  }
}

package msftchina.server;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import msftchina.app.ReplySender;
import msftchina.app.Storage;
import msftchina.metrics.Metrics;
import msftchina.search.KnowledgeBase;
import msftchina.slack.BotApp;
import msftchina.slack.BotIdentity;
import msftchina.slack.SendQueue;

/**
 * The composition root of {@code serve}: builds the bot's parts from one {@link ServeConfig} (the
 * knowledge base, Slack's client, the send queue, the Bolt app behind its stop gate, the token
 * check, the metrics) and chooses its one {@link Transport}: Socket Mode when the settings have an
 * app token, HTTP otherwise.
 */
final class BotAssembly {

  private BotAssembly() {}

  /** Starts the bot as {@link Bot#start} says. */
  static Bot start(
      ServeConfig config,
      Path facts,
      Path index,
      CompletableFuture<? extends Storage> opening,
      Consumer<String> log)
      throws Exception {
    KnowledgeBase kb = KnowledgeBase.open(facts, index, log);
    AppConfig appConfig = appConfig(config);
    Storage store;
    try {
      store = opening.join();
    } catch (CompletionException e) {
      kb.close();
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    BotIdentity identity = new BotIdentity(config.botToken());
    Metrics metrics = Metrics.withJvm();
    metrics.recording(store, Storage::recordsDropped, Storage::recordsQueued);
    SendLimits sending = config.sending();
    SendQueue outbox =
        new SendQueue(
            sending.delivery(),
            metrics,
            sending.queueBytes(),
            sending.busyBytes(),
            sending.slackTimeout()); // a post in flight at a stop gets as long as a call may take
    BotApp bolt = BotApp.create(appConfig, kb, outbox, identity, store, metrics, config.memory());
    App app = bolt.app();
    ReplySender pendingReplies = bolt.pendingReplies();
    StopGate gate = new StopGate();
    app.use(gate);
    TokenCheck tokenCheck = new TokenCheck(app.client(), config.botToken(), identity, log, metrics);
    Bot.Parts parts =
        new Bot.Parts(
            tokenCheck, outbox, bolt.claims(), store, metrics, gate, config.stopTimeout());
    Transport transport =
        transport(config, new AppStop(app, gate, config.stopTimeout()), outbox, kb, parts);
    OperationsPort operations = OperationsPort.NONE;
    try {
      tokenCheck.start();
      app.start();
      if (config.metricsPortSet()) {
        operations = OperationsPort.start(server(config, null, kb, parts));
      }
      transport.start();
      store.start(pendingReplies);
      return new Bot(kb, transport, parts, operations);
    } catch (Exception e) {
      tokenCheck.close();
      outbox.close();
      try {
        transport.stop();
      } catch (Exception alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      operations.stop();
      kb.close();
      metrics.close();
      throw e;
    }
  }

  /** Returns the transport {@code config} asks for: Socket Mode with an app token, else HTTP. */
  private static Transport transport(
      ServeConfig config, AppStop stop, SendQueue outbox, KnowledgeBase kb, Bot.Parts p) {
    if (config.socketMode()) {
      return new SocketModeRunner(stop, config.appToken(), config.socket(), outbox);
    }
    return new HttpTransport(server(config, stop.app(), kb, p), stop);
  }

  /**
   * Returns the HTTP server for {@code app} on {@code PORT}, or, with {@code app} null, the one for
   * health and metrics alone on {@code MSFTCHINA_METRICS_PORT}.
   */
  private static SlackServer server(ServeConfig config, App app, KnowledgeBase kb, Bot.Parts p) {
    return new SlackServer(
        app,
        config.http(),
        config.host(),
        app == null ? config.metricsPort() : config.port(),
        kb.factCount(),
        p.tokenCheck()::problem,
        p.store()::problem,
        () -> deadWorkers(p.outbox(), p.store()),
        p.metrics()::scrape,
        config.stopTimeout());
  }

  /** Returns which worker died (the outbox's, the store's), for /healthz; null when none did. */
  private static String deadWorkers(SendQueue outbox, Storage store) {
    String outboxWorkers = outbox.deadWorkers();
    return outboxWorkers != null ? outboxWorkers : store.deadWorkers();
  }

  private static AppConfig appConfig(ServeConfig config) {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.apiUrl());
    int timeout = (int) config.sending().slackTimeout().toMillis();
    slackConfig.setHttpClientReadTimeoutMillis(timeout / 2);
    slackConfig.setHttpClientWriteTimeoutMillis(timeout / 2);
    slackConfig.setHttpClientCallTimeoutMillis(timeout);
    // The Web API client's call statistics are never read here: off, no call spends time
    // recording them.
    slackConfig.setStatsEnabled(false);
    return AppConfig.builder()
        .signingSecret(config.signingSecret())
        .singleTeamBotToken(config.botToken())
        .slack(Slack.getInstance(slackConfig))
        // Bolt's IgnoringSelfEvents would call bots.info on the HTTP thread for any event with a
        // bot_id and no user (another bot's message): a slow bots.info delays the ack, a failing
        // one makes it a 500. BotApp ignores bots and itself without asking Slack.
        .ignoringSelfEventsEnabled(false)
        // Events the app has no handler for (edits, file shares in a DM) are acknowledged, so
        // Slack doesn't retry them and count them as failures.
        .allEventsApiAutoAckEnabled(true)
        .build();
  }
}

package msftchina.server;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import msftchina.app.MemoryStore;
import msftchina.app.ReplySender;
import msftchina.app.Storage;
import msftchina.metrics.Metrics;
import msftchina.search.KnowledgeBase;
import msftchina.slack.BotApp;
import msftchina.slack.BotIdentity;
import msftchina.slack.Delivery;
import msftchina.slack.SendQueue;

/**
 * The running bot: the knowledge base opened, the Bolt app built, and the server listening, or the
 * Socket Mode connection open when the settings have an app token; with {@code
 * MSFTCHINA_METRICS_PORT}, a second server for health and metrics alone.
 */
public final class Bot implements AutoCloseable {

  /** How long a stop waits for requests in flight and pending replies, in seconds. */
  public static final int STOP_TIMEOUT_SECONDS = 10;

  /** How long a stop waits for requests in flight and pending replies. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(STOP_TIMEOUT_SECONDS);

  private final KnowledgeBase kb;
  private final SlackServer server;
  private final SocketModeRunner socketMode;
  private final TokenCheck tokenCheck;
  private final SendQueue outbox;
  private final int port;
  private final Storage store;
  private final Metrics metrics;
  private final SlackServer operations;
  private final int metricsPort;
  private final App app;
  private final StopGate gate;

  private Bot(
      KnowledgeBase kb,
      SlackServer server,
      SocketModeRunner socketMode,
      TokenCheck tokenCheck,
      SendQueue outbox,
      int port,
      Storage store,
      Metrics metrics,
      SlackServer operations,
      int metricsPort,
      App app,
      StopGate gate) {
    this.kb = kb;
    this.server = server;
    this.socketMode = socketMode;
    this.tokenCheck = tokenCheck;
    this.outbox = outbox;
    this.port = port;
    this.store = store;
    this.metrics = metrics;
    this.operations = operations;
    this.metricsPort = metricsPort;
    this.app = app;
    this.gate = gate;
  }

  /**
   * Opens the facts and index, and starts serving Slack with {@code config}; {@code log} hears of
   * index rebuilds and of Slack's state. A token Slack refuses stops start-up with {@link
   * IllegalArgumentException}; Slack failing to answer doesn't (see {@link TokenCheck}).
   */
  public static Bot start(
      ServeConfig config, Path facts, Path index, Delivery delivery, Consumer<String> log)
      throws Exception {
    return start(config, facts, index, delivery, new MemoryStore(), log);
  }

  /**
   * Starts as {@link #start(ServeConfig, Path, Path, Delivery, Consumer)} does, remembering in
   * {@code store}, which the bot closes when it stops; once serving, it delivers the replies a
   * stopped copy left pending.
   */
  public static Bot start(
      ServeConfig config,
      Path facts,
      Path index,
      Delivery delivery,
      Storage store,
      Consumer<String> log)
      throws Exception {
    return start(config, facts, index, delivery, CompletableFuture.completedFuture(store), log);
  }

  /**
   * Starts as {@link #start(ServeConfig, Path, Path, Delivery, Storage, Consumer)} does, with the
   * store {@code opening} opens meanwhile (on another core, the database is opened and migrated
   * while this one opens the index and Slack's client: a quarter of a second sooner to the first
   * answer). When the store fails to open, its failure is thrown; the caller closes a store that
   * opened when the bot didn't start.
   */
  public static Bot start(
      ServeConfig config,
      Path facts,
      Path index,
      Delivery delivery,
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
    SendQueue outbox = new SendQueue(delivery, metrics);
    BotApp bolt = BotApp.create(appConfig, kb, outbox, identity, store, metrics);
    App app = bolt.app();
    ReplySender pendingReplies = bolt.pendingReplies();
    StopGate gate = new StopGate();
    app.use(gate);
    TokenCheck tokenCheck = new TokenCheck(app.client(), config.botToken(), identity, log, metrics);
    SlackServer server = null;
    SlackServer operations = null;
    SocketModeRunner socketMode = null;
    boolean listening = false;
    try {
      tokenCheck.start();
      app.start();
      int metricsPort = ServeConfig.NO_PORT;
      if (config.metricsPortSet()) {
        operations =
            new SlackServer(
                null,
                config.host(),
                config.metricsPort(),
                kb.factCount(),
                tokenCheck::problem,
                store::problem,
                () -> deadWorkers(outbox, store),
                metrics::scrape,
                STOP_TIMEOUT);
        try {
          metricsPort = operations.start();
        } catch (IOException e) {
          throw new IOException(
              "cannot listen on "
                  + config.host()
                  + ":"
                  + config.metricsPort()
                  + " for metrics ("
                  + e.getMessage()
                  + "); set MSFTCHINA_METRICS_PORT to a free port, or unset it",
              e);
        }
      }
      if (config.socketMode()) {
        socketMode = new SocketModeRunner(app, config.appToken(), STOP_TIMEOUT, outbox);
        socketMode.start();
        store.start(pendingReplies);
        return new Bot(
            kb,
            null,
            socketMode,
            tokenCheck,
            outbox,
            0,
            store,
            metrics,
            operations,
            metricsPort,
            app,
            gate);
      }
      server =
          new SlackServer(
              app,
              config.host(),
              config.port(),
              kb.factCount(),
              tokenCheck::problem,
              store::problem,
              () -> deadWorkers(outbox, store),
              metrics::scrape,
              STOP_TIMEOUT);
      listening = true;
      Bot bot =
          new Bot(
              kb,
              server,
              null,
              tokenCheck,
              outbox,
              server.start(),
              store,
              metrics,
              operations,
              metricsPort,
              app,
              gate);
      store.start(pendingReplies);
      return bot;
    } catch (Exception e) {
      tokenCheck.close();
      outbox.close();
      if (server != null) {
        server.stop();
      }
      if (operations != null) {
        operations.stop();
      }
      if (socketMode != null) {
        socketMode.stop();
      }
      kb.close();
      metrics.close();
      if (e instanceof IOException io && listening) {
        throw new CannotListenException(config.host(), config.port(), io);
      }
      throw e;
    }
  }

  /** Returns whether the bot is connected over Socket Mode rather than listening for HTTP. */
  public boolean socketMode() {
    return socketMode != null;
  }

  /**
   * Returns whether the bot is connected to Slack: over Socket Mode, whether the connection is open
   * (it is opened again in the background while it isn't); over HTTP, always.
   */
  public boolean connected() {
    return socketMode == null || socketMode.connected();
  }

  /** Returns the port the bot listens on; 0 over Socket Mode. */
  public int port() {
    return port;
  }

  /**
   * Returns the port serving health and metrics alone ({@code MSFTCHINA_METRICS_PORT}), or {@link
   * ServeConfig#NO_PORT}.
   */
  public int metricsPort() {
    return metricsPort;
  }

  /** Returns the bot's metrics, in Prometheus's text format, as {@code GET /metrics} gives them. */
  public String scrapeMetrics() {
    return metrics.scrape();
  }

  /** Returns the knowledge base the bot answers from. */
  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  /**
   * Stops serving, letting requests in flight finish within {@link #STOP_TIMEOUT}, then pending
   * replies within as long again; each reply left undelivered is named in a log line. Requests that
   * arrive meanwhile are answered 503; the index closes after the last request the app ran.
   */
  @Override
  public void close() throws Exception {
    if (operations != null) {
      operations.stopping(); // /readyz 503 while the rest stops
    }
    try {
      if (socketMode != null) {
        // before the gate closes: the envelopes it acknowledged are run, not answered 503
        socketMode.stop();
      } else {
        gate.close();
        server.stop();
      }
    } finally {
      gate.close();
      try {
        gate.awaitIdle(STOP_TIMEOUT);
        if (socketMode == null) { // over Socket Mode, the runner has stopped them
          app.executorService().shutdown();
          if (!app.executorService().awaitTermination(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            app.executorService().shutdownNow();
          }
        }
        outbox.close(STOP_TIMEOUT); // even if requests in flight outlasted their bound
      } finally {
        tokenCheck.close();
        store.close();
        kb.close();
        try {
          if (operations != null) {
            operations.stop();
          }
        } finally {
          metrics.close();
        }
      }
    }
  }

  /** Returns which worker died (the outbox's, the store's), for /healthz; null when none did. */
  private static String deadWorkers(SendQueue outbox, Storage store) {
    String outboxWorkers = outbox.deadWorkers();
    return outboxWorkers != null ? outboxWorkers : store.deadWorkers();
  }

  private static AppConfig appConfig(ServeConfig config) {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.apiUrl());
    slackConfig.setHttpClientReadTimeoutMillis(5_000);
    slackConfig.setHttpClientWriteTimeoutMillis(5_000);
    slackConfig.setHttpClientCallTimeoutMillis(10_000);
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

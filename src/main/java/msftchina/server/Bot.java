package msftchina.server;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import msftchina.search.KnowledgeBase;
import msftchina.slack.BotApp;
import msftchina.slack.Delivery;
import msftchina.store.Store;

/** The running bot: the knowledge base opened, the Bolt app built, and the server listening. */
public final class Bot implements AutoCloseable {

  /** How long a stop waits for requests in flight and pending replies. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final KnowledgeBase kb;
  private final SlackServer server;
  private final int port;
  private final Store store;

  private Bot(KnowledgeBase kb, SlackServer server, int port, Store store) {
    this.kb = kb;
    this.server = server;
    this.port = port;
    this.store = store;
  }

  /**
   * Opens the facts and index, and starts serving Slack with {@code config}; {@code log} hears of
   * index rebuilds.
   */
  public static Bot start(
      ServeConfig config, Path facts, Path index, Delivery delivery, Consumer<String> log)
      throws Exception {
    return start(config, facts, index, delivery, Store.none(), log);
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
      Store store,
      Consumer<String> log)
      throws Exception {
    KnowledgeBase kb = KnowledgeBase.open(facts, index, log);
    App app = BotApp.create(appConfig(config), kb, delivery, store);
    try {
      checkToken(app, config, log);
    } catch (RuntimeException e) {
      kb.close();
      throw e;
    }
    SlackServer server =
        new SlackServer(app, config.host(), config.port(), kb.factCount(), STOP_TIMEOUT);
    try {
      Bot bot = new Bot(kb, server, server.start(), store);
      store.start();
      return bot;
    } catch (IOException e) {
      server.stop();
      kb.close();
      throw new IOException(
          "cannot listen on " + config.host() + ":" + config.port() + " (" + e.getMessage() + ")");
    }
  }

  /**
   * Asks Slack who the bot token belongs to ({@code auth.test}), as Bolt does before its first
   * request, so that a refused token stops start-up with one line rather than failing every
   * request. When Slack can't be reached, one line says so and the bot serves anyway.
   */
  private static void checkToken(App app, ServeConfig config, Consumer<String> log) {
    AuthTestResponse auth;
    try {
      auth = app.client().authTest(r -> r.token(config.botToken()));
    } catch (IOException | SlackApiException e) {
      log.accept(
          "cannot reach Slack's Web API at "
              + config.apiUrl()
              + " ("
              + e.getClass().getSimpleName()
              + "); requests will fail until it can be reached");
      return;
    }
    if (!auth.isOk()) {
      throw new IllegalArgumentException(
          "SLACK_BOT_TOKEN was refused by Slack ("
              + auth.getError()
              + "); copy the Bot User OAuth Token from your app's OAuth & Permissions page");
    }
    app.start();
  }

  /** Returns the port the bot listens on. */
  public int port() {
    return port;
  }

  /** Returns the knowledge base the bot answers from. */
  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  /**
   * Stops serving, letting requests in flight and pending replies finish within {@link
   * #STOP_TIMEOUT}.
   */
  @Override
  public void close() throws Exception {
    server.stop();
    store.close();
    kb.close();
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

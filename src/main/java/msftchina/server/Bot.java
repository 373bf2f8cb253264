package msftchina.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import msftchina.app.Storage;
import msftchina.metrics.Metrics;
import msftchina.search.KnowledgeBase;
import msftchina.slack.Delivery;
import msftchina.slack.EventClaimer;
import msftchina.slack.SendQueue;

/**
 * The running bot: the knowledge base open, the Bolt app taking Slack's requests through one {@link
 * Transport} (HTTP or Socket Mode), and, with {@code MSFTCHINA_METRICS_PORT}, a second server for
 * health and metrics alone. {@link BotAssembly} builds it.
 */
public final class Bot implements AutoCloseable {

  private final KnowledgeBase kb;
  private final Transport transport;
  private final Parts parts;
  private final OperationsPort operations;

  /** What the bot stops after its transport, whichever it is. */
  record Parts(
      TokenCheck tokenCheck,
      SendQueue outbox,
      EventClaimer claims,
      Storage store,
      Metrics metrics,
      StopGate gate,
      Duration stopTimeout) {}

  Bot(KnowledgeBase kb, Transport transport, Parts parts, OperationsPort operations) {
    this.kb = kb;
    this.transport = transport;
    this.parts = parts;
    this.operations = operations;
  }

  /**
   * Opens the facts and index, and starts serving Slack with {@code config}, remembering in the
   * store {@code opening} opens meanwhile (on another core, the database is opened and migrated
   * while this one opens the index and Slack's client: a quarter of a second sooner to the first
   * answer); once serving, it delivers the replies a stopped copy left pending, and it closes the
   * store when it stops. {@code log} hears of index rebuilds and of Slack's state. A token Slack
   * refuses stops start-up with {@link IllegalArgumentException}; Slack failing to answer doesn't
   * (see {@link TokenCheck}). When the store fails to open, its failure is thrown; the caller
   * closes a store that opened when the bot didn't start.
   */
  public static Bot start(
      ServeConfig config,
      Path facts,
      Path index,
      CompletableFuture<? extends Storage> opening,
      Consumer<String> log)
      throws Exception {
    return BotAssembly.start(config, facts, index, opening, log);
  }

  /**
   * Starts as {@link #start(ServeConfig, Path, Path, CompletableFuture, Consumer)} does, with
   * {@code delivery} in place of the settings' retries and the store {@code store}, open already:
   * as the tests and {@code warmup} start it.
   */
  public static Bot start(
      ServeConfig config,
      Path facts,
      Path index,
      Delivery delivery,
      Storage store,
      Consumer<String> log)
      throws Exception {
    return start(
        config.with(delivery), facts, index, CompletableFuture.completedFuture(store), log);
  }

  /** Returns whether the bot is connected over Socket Mode rather than listening for HTTP. */
  public boolean socketMode() {
    return transport instanceof SocketModeRunner;
  }

  /**
   * Returns whether the bot is connected to Slack: over Socket Mode, whether the connection is open
   * (it is opened again in the background while it isn't); over HTTP, always.
   */
  public boolean connected() {
    return transport.connected();
  }

  /** Returns the port the bot listens on; 0 over Socket Mode. */
  public int port() {
    return transport.port();
  }

  /**
   * Returns what the bot is doing, for the start-up log line: "serving on port 3000", "connected
   * over Socket Mode".
   */
  public String describe() {
    return transport.describe();
  }

  /**
   * Returns the port serving health and metrics alone ({@code MSFTCHINA_METRICS_PORT}), or {@link
   * ServeConfig#NO_PORT}.
   */
  public int metricsPort() {
    return operations.port();
  }

  /** Returns the bot's metrics, in Prometheus's text format, as {@code GET /metrics} gives them. */
  public String scrapeMetrics() {
    return parts.metrics().scrape();
  }

  /** Returns the knowledge base the bot answers from. */
  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  /**
   * Stops serving, letting requests in flight finish within the stop timeout, then pending replies
   * within as long again; each reply left undelivered is named in a log line. Requests that arrive
   * meanwhile are answered 503; the index closes after the last request the app ran.
   */
  @Override
  public void close() throws Exception {
    operations.stopping(); // /readyz 503 while the rest stops
    try {
      transport.stop();
    } finally {
      parts.gate().close();
      try {
        // even if requests in flight outlasted their bound. The claims queued for acknowledged
        // events are resolved first: each reply is then claimed (and, unsent, kept as pending by
        // the store for the next start) or answered anyway, and goes through the outbox's stop.
        parts.claims().close(parts.stopTimeout());
        parts.outbox().close(parts.stopTimeout());
      } finally {
        parts.tokenCheck().close();
        parts.store().close();
        kb.close();
        try {
          operations.stop();
        } finally {
          parts.metrics().close();
        }
      }
    }
  }
}

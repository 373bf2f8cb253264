package msftchina.server;

import com.slack.api.bolt.App;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An embedded Jetty server for the bot: Slack's requests on {@code POST /slack/events}, health on
 * {@code GET /healthz} and {@code GET /readyz}, metrics on {@code GET /metrics}; or, for an
 * operator's port ({@code MSFTCHINA_METRICS_PORT}), the last three alone. Its limits, Jetty's own
 * where Jetty has one: a request body is read in full before a worker thread is given the request
 * ({@link EagerContentHandler}), within {@link #BODY_DEADLINE} (ours: {@link BodyDeadline}), after
 * request line and headers that took at most {@link #HEADER_DEADLINE} (ours: {@link
 * HeaderDeadline}); idle connections close after {@link #IDLE_TIMEOUT}; request headers are capped
 * at {@link #MAX_HEADER_BYTES}; request bodies in flight at {@link #BODY_BUDGET_BYTES} of heap
 * (beyond, 503 with Retry-After: {@link BodyBudget}); {@link #MAX_CONNECTIONS} connections in all
 * and {@link #MAX_CONNECTIONS_PER_ADDRESS} from one address; only GET, HEAD and POST; no version in
 * headers or error pages. Stopping it lets requests in flight finish, up to a bound.
 */
public final class SlackServer {

  /** The path Slack sends slash commands, events and interactivity to. */
  public static final String EVENTS_PATH = "/slack/events";

  /** How long a connection may be idle, mid-request or between requests. */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The longest the request line and headers may take to arrive in full, from their first byte
   * (Slack sends them at once).
   */
  public static final Duration HEADER_DEADLINE = Duration.ofSeconds(10);

  /** The longest a request body may take to arrive in full (Slack sends it at once). */
  public static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

  /** The most bytes of request line and headers. */
  public static final int MAX_HEADER_BYTES = 8 * 1024;

  /**
   * The most heap request bodies may take while read and handled ({@link BodyBudget}): 16 MiB, over
   * a thousand of Slack's events (a few KiB each) at once, or five bodies of the largest size.
   */
  public static final long BODY_BUDGET_BYTES = 16L << 20;

  /** The most connections open at once. */
  public static final int MAX_CONNECTIONS = 2_000;

  /** The most connections open at once from one address. */
  public static final int MAX_CONNECTIONS_PER_ADDRESS = 32;

  private final Server server;
  private final ServerConnector connector;
  private volatile boolean stopping;

  /**
   * Creates a server for {@code app} (null for health and metrics alone) on {@code host}:{@code
   * port} (0 for any free port); {@code slackProblem} and {@code storeProblem} tell /healthz what
   * is wrong with Slack and the store (null when nothing is), {@code deadWorkers} which worker died
   * (null when none did), {@code metrics} gives /metrics.
   */
  public SlackServer(
      App app,
      String host,
      int port,
      int facts,
      Supplier<String> slackProblem,
      Supplier<String> storeProblem,
      Supplier<String> deadWorkers,
      Supplier<String> metrics,
      Duration stopTimeout) {
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("http");
    this.server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    connector.addEventListener(new PerAddressLimit(MAX_CONNECTIONS_PER_ADDRESS));
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));

    ServletContextHandler context = new ServletContextHandler();
    if (app != null) {
      context.addServlet(new ServletHolder(new EventsServlet(app)), EVENTS_PATH);
    }
    context.addServlet(
        new ServletHolder(new HealthServlet(facts, slackProblem, storeProblem, deadWorkers)),
        "/healthz");
    context.addServlet(new ServletHolder(new ReadyServlet(() -> !stopping)), "/readyz");
    context.addServlet(new ServletHolder(new MetricsServlet(metrics)), "/metrics");
    EagerContentHandler wholeBody =
        new EagerContentHandler(
            BodyDeadline.arrived(context),
            new EagerContentHandler.RetainedContentLoaderFactory(
                EventsServlet.MAX_BODY_BYTES + 1L, -1, false));
    HeaderDeadline headers =
        new HeaderDeadline(
            new GracefulHandler(
                new AllowedMethods(
                    new BodyBudget(
                        new BodyDeadline(wholeBody, BODY_DEADLINE),
                        BODY_BUDGET_BYTES,
                        EventsServlet.MAX_BODY_BYTES + 1L))),
            HEADER_DEADLINE);
    connector.addEventListener(headers);
    server.setHandler(headers);
    server.setStopTimeout(stopTimeout.toMillis());
    server.setStopAtShutdown(false);
  }

  /** Starts serving and returns the port it listens on. */
  public int start() throws Exception {
    server.start();
    return connector.getLocalPort();
  }

  /** Makes /readyz say 503 from now, while the server still answers. */
  public void stopping() {
    stopping = true;
  }

  /** Stops taking requests (/readyz says 503 from now), and lets those in flight finish. */
  public void stop() throws Exception {
    stopping = true;
    server.stop();
  }
}

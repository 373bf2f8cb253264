package msftchina.server;

import com.slack.api.bolt.App;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
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
 * operator's port ({@code MSFTCHINA_METRICS_PORT}), the last three alone. Its limits ({@link
 * HttpLimits}), Jetty's own where Jetty has one: a request body is read in full before a worker
 * thread is given the request ({@link EagerContentHandler}), within the body deadline (ours: {@link
 * BodyDeadline}), after request line and headers that took at most the header deadline (ours:
 * {@link HeaderDeadline}); idle connections close after the idle timeout; request headers and
 * bodies are capped in bytes, bodies over the cap get 413 ({@link SignedBody}); request bodies in
 * flight are bounded in heap (beyond, 503 with Retry-After: {@link BodyBudget}); connections are
 * capped in all and from one address; only GET, HEAD and POST; no version in headers or error
 * pages. Stopping it lets requests in flight finish, up to a bound.
 */
public final class SlackServer {

  /** The path Slack sends slash commands, events and interactivity to. */
  public static final String EVENTS_PATH = "/slack/events";

  private final Server server;
  private final ServerConnector connector;
  private volatile boolean stopping;

  /**
   * Creates a server for {@code app} (null for health and metrics alone) within {@code limits} on
   * {@code host}:{@code port} (0 for any free port); {@code slackProblem} and {@code storeProblem}
   * tell /healthz what is wrong with Slack and the store (null when nothing is), {@code
   * deadWorkers} which worker died (null when none did), {@code metrics} gives /metrics.
   */
  public SlackServer(
      App app,
      HttpLimits limits,
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
    http.setRequestHeaderSize(limits.maxHeaderBytes());
    this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    connector.addEventListener(new PerAddressLimit(limits.maxConnectionsPerAddress()));
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));

    ServletContextHandler context = new ServletContextHandler();
    if (app != null) {
      context.addFilter(
          new FilterHolder(new SignedBody(app.config().getSigningSecret(), limits.maxBodyBytes())),
          EVENTS_PATH,
          EnumSet.of(DispatcherType.REQUEST));
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
                limits.maxBodyBytes() + 1L, -1, false));
    HeaderDeadline headers =
        new HeaderDeadline(
            new GracefulHandler(
                new AllowedMethods(
                    new BodyBudget(
                        new BodyDeadline(wholeBody, limits.bodyDeadline()),
                        limits.bodyBudgetBytes(),
                        limits.maxBodyBytes() + 1L))),
            limits.headerDeadline());
    connector.addEventListener(headers);
    server.setHandler(headers);
    server.setStopTimeout(stopTimeout.toMillis());
    server.setStopAtShutdown(false);
  }

  /** Returns the host it was asked to listen on. */
  String host() {
    return connector.getHost();
  }

  /** Returns the port it was asked to listen on (0 for any free port). */
  int requestedPort() {
    return connector.getPort();
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

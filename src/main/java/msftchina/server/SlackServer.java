package msftchina.server;

import com.slack.api.bolt.App;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An embedded Jetty server for the bot: Slack's requests on {@code POST /slack/events}, health on
 * {@code GET /healthz}. Stopping it lets requests in flight finish, up to a bound.
 */
public final class SlackServer {

  /** The path Slack sends slash commands, events and interactivity to. */
  public static final String EVENTS_PATH = "/slack/events";

  private final Server server;
  private final ServerConnector connector;
  private final App app;

  /** Creates a server for {@code app} on {@code host}:{@code port} (0 for any free port). */
  public SlackServer(App app, String host, int port, int facts, Duration stopTimeout) {
    this.app = app;
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("http");
    this.server = new Server(threads);
    this.connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new EventsServlet(app)), EVENTS_PATH);
    context.addServlet(new ServletHolder(new HealthServlet(facts)), "/healthz");
    server.setHandler(new GracefulHandler(context));
    server.setStopTimeout(stopTimeout.toMillis());
    server.setStopAtShutdown(false);
  }

  /** Starts serving and returns the port it listens on. */
  public int start() throws Exception {
    server.start();
    return connector.getLocalPort();
  }

  /**
   * Stops taking requests, lets those in flight finish, then lets pending replies to Slack finish,
   * each within the stop timeout.
   */
  public void stop() throws Exception {
    server.stop();
    app.executorService().shutdown();
    if (!app.executorService()
        .awaitTermination(server.getStopTimeout(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      app.executorService().shutdownNow();
    }
  }
}

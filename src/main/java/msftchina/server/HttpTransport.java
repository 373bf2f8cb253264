package msftchina.server;

import com.slack.api.bolt.App;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Slack's requests over HTTP: {@link SlackServer} listening with the app on the events path. */
final class HttpTransport implements Transport {

  private final App app;
  private final SlackServer server;
  private final StopGate gate;
  private final String host;
  private final int requestedPort;
  private final Duration stopTimeout;
  private volatile int port;

  HttpTransport(
      App app, SlackServer server, StopGate gate, String host, int port, Duration stopTimeout) {
    this.app = app;
    this.server = server;
    this.gate = gate;
    this.host = host;
    this.requestedPort = port;
    this.stopTimeout = stopTimeout;
  }

  @Override
  public void start() throws Exception {
    try {
      port = server.start();
    } catch (IOException e) {
      throw new CannotListenException(host, requestedPort, e);
    }
  }

  @Override
  public boolean connected() {
    return true;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String describe() {
    return "serving on port " + port;
  }

  /**
   * Closes the gate (requests that come now are answered 503), lets the requests in flight finish,
   * then the app's work in the background, each within the stop timeout.
   */
  @Override
  public void stop() throws Exception {
    try {
      gate.close();
      server.stop();
    } finally {
      gate.close();
      gate.awaitIdle(stopTimeout);
      app.executorService().shutdown();
      if (!app.executorService().awaitTermination(stopTimeout.toSeconds(), TimeUnit.SECONDS)) {
        app.executorService().shutdownNow();
      }
    }
  }
}

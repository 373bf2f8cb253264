package msftchina.server;

import java.io.IOException;

/** Slack's requests over HTTP: {@link SlackServer} listening with the app on the events path. */
final class HttpTransport implements Transport {

  private final SlackServer server;
  private final AppStop stop;
  private volatile int port;

  /** Serves the app of {@code stop} with {@code server}, stopping it by {@code stop}. */
  HttpTransport(SlackServer server, AppStop stop) {
    this.server = server;
    this.stop = stop;
  }

  @Override
  public void start() throws Exception {
    try {
      port = server.start();
    } catch (IOException e) {
      throw new CannotListenException(server.host(), server.requestedPort(), e);
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
      stop.gate().close();
      server.stop();
    } finally {
      stop.closeGate();
      stop.finishBackgroundWork();
    }
  }
}

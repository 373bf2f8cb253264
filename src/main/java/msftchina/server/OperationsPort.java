package msftchina.server;

import java.io.IOException;

/**
 * The port serving health and metrics alone ({@code MSFTCHINA_METRICS_PORT}), or {@link #NONE} when
 * it is not set.
 */
interface OperationsPort {

  /** No port of its own. */
  OperationsPort NONE =
      new OperationsPort() {
        @Override
        public int port() {
          return ServeConfig.NO_PORT;
        }

        @Override
        public void stopping() {}

        @Override
        public void stop() {}
      };

  /** Returns the port it listens on, or {@link ServeConfig#NO_PORT}. */
  int port();

  /** Makes /readyz say 503 from now, while the rest of the bot stops. */
  void stopping();

  /** Stops listening. */
  void stop() throws Exception;

  /**
   * Starts {@code server}; a port it can't listen on is an {@link IOException} saying to set {@code
   * MSFTCHINA_METRICS_PORT} to a free port, or unset it.
   */
  static OperationsPort start(SlackServer server) throws Exception {
    int listening;
    try {
      listening = server.start();
    } catch (IOException e) {
      throw new IOException(
          "cannot listen on "
              + server.host()
              + ":"
              + server.requestedPort()
              + " for metrics ("
              + e.getMessage()
              + "); set MSFTCHINA_METRICS_PORT to a free port, or unset it",
          e);
    }
    return new OperationsPort() {
      @Override
      public int port() {
        return listening;
      }

      @Override
      public void stopping() {
        server.stopping();
      }

      @Override
      public void stop() throws Exception {
        server.stop();
      }
    };
  }
}

package msftchina.server;

/**
 * How Slack's requests reach the app: {@link HttpTransport} (Slack posts to {@code /slack/events}
 * on a port this bot listens on) or {@link SocketModeRunner} (this bot opens a WebSocket to Slack).
 * {@link Bot#start} chooses one from the settings.
 */
interface Transport {

  /**
   * Starts taking Slack's requests. Throws {@link IllegalArgumentException} when Slack refuses a
   * token, {@link CannotListenException} when the port is taken.
   */
  void start() throws Exception;

  /**
   * Returns whether Slack's requests can reach the app now: over HTTP, always; over Socket Mode,
   * while the connection is open (it is opened again in the background while it isn't).
   */
  boolean connected();

  /** Returns the port Slack's requests come to; 0 over Socket Mode. */
  int port();

  /** Returns what the bot is doing, for the start-up log line: "serving on port 3000". */
  String describe();

  /**
   * Stops taking requests; those taken already finish within the stop timeout (the app's gate is
   * closed, requests that come meanwhile are answered 503 or left for Slack to send again), and so
   * does the app's work in the background.
   */
  void stop() throws Exception;
}

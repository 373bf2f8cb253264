package msftchina.server;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One WebSocket connection to Slack's Socket Mode server (Java-WebSocket's client) that reads
 * messages of at most {@link SocketModeLimits#maxFrameBytes()} (1 MiB by default: Slack's largest
 * envelopes, a 40,000-character message with its blocks or a modal's state, stay well under it, and
 * one message this big, read and decoded, still fits many times in the serve launcher's 32 MiB
 * heap): a bigger frame, or a bigger message in pieces, is refused before it is read, and the
 * connection closes with {@link #TOO_BIG}. Slack's own client (the SDK's {@code
 * SocketModeClientJavaWSImpl}) has no such limit, and a 10 MB frame ran a 32 MiB heap out of memory
 * in its reader thread.
 */
final class SlackSocket extends WebSocketClient {

  /** The close code of a connection that received a message over its largest. */
  static final int TOO_BIG = CloseFrame.TOOBIG;

  /** What the connection tells its owner, on its own reader thread. */
  interface Listener {

    /** A text message arrived on {@code socket}. */
    void message(SlackSocket socket, String text);

    /** {@code socket} closed with {@code code} (1000: a normal close; 1006: dropped). */
    void closed(SlackSocket socket, int code, String reason);

    /** {@code socket} failed to open, or failed while open. */
    void failed(SlackSocket socket, Exception e);
  }

  private final Listener listener;
  private volatile long lastPong;

  /**
   * A connection to {@code uri}, not yet opened, reading messages of at most {@code maxBytes},
   * telling {@code listener} what happens.
   */
  SlackSocket(URI uri, int maxBytes, Listener listener) {
    super(uri, new Draft_6455(List.of(), maxBytes));
    this.listener = listener;
    setConnectionLostTimeout(0); // the runner checks the connection with its own pings
  }

  /** Returns whether the connection is open and answers a ping within {@code within}. */
  boolean answersPing(Duration within) throws InterruptedException {
    long start = System.nanoTime();
    long end = start + within.toNanos();
    while (isOpen() && System.nanoTime() - end < 0) {
      try {
        sendPing();
      } catch (RuntimeException e) { // closed meanwhile
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(100);
      if (lastPong - start > 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void onOpen(ServerHandshake handshake) {}

  @Override
  public void onMessage(String message) {
    listener.message(this, message);
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    listener.closed(this, code, reason);
  }

  @Override
  public void onError(Exception e) {
    listener.failed(this, e);
  }

  @Override
  public void onWebsocketPong(WebSocket conn, Framedata f) {
    lastPong = System.nanoTime();
  }
}

package msftchina.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local stand-in for Slack's Socket Mode server (https://api.slack.com/apis/socket-mode): it says
 * {@code hello} to each connection, sends envelopes as Slack does, records the acks it gets, and
 * can ask the client to reconnect ({@code disconnect}) or drop the connection outright.
 */
public final class SocketModeStandIn extends WebSocketServer {

  private final List<JsonObject> acks = new CopyOnWriteArrayList<>();
  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  private final Map<String, Long> ackedAt = new ConcurrentHashMap<>();
  private final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
  private final ExecutorService parser =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "socket-stand-in-parser");
            t.setDaemon(true);
            return t;
          });
  private final AtomicInteger connections = new AtomicInteger();

  /** The connections in the order the bot opened them: Slack sends on the newest. */
  private final List<WebSocket> opened = new CopyOnWriteArrayList<>();

  private final CountDownLatch started = new CountDownLatch(1);

  public SocketModeStandIn() throws InterruptedException {
    this(0);
  }

  /** Starts the stand-in on {@code port} of the loopback address (0: any free port). */
  public SocketModeStandIn(int port) throws InterruptedException {
    super(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
    setReuseAddr(true);
    start();
    if (!started.await(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("socket mode stand-in did not start");
    }
  }

  /** Returns the URL {@code apps.connections.open} hands out. */
  public String url() {
    return "ws://127.0.0.1:" + getPort() + "/link/?ticket=local";
  }

  /** Returns how many connections the bot has opened so far. */
  public int connections() {
    return connections.get();
  }

  /** Waits until the bot has opened {@code count} connections and the newest is open. */
  public boolean awaitConnections(int count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (connections.get() >= count && newestOpen() != null) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /**
   * Sends {@code envelope} on the newest open connection: after asking the bot to reconnect, Slack
   * sends on the connection that replaced the old one, not on the one about to close.
   */
  public void send(String envelope) {
    open().send(envelope);
  }

  private WebSocket open() {
    WebSocket open = newestOpen();
    if (open == null) {
      throw new IllegalStateException("no open Socket Mode connection");
    }
    return open;
  }

  /** Returns the newest connection if it is open, else null. */
  private WebSocket newestOpen() {
    if (opened.isEmpty()) {
      return null;
    }
    WebSocket newest = opened.get(opened.size() - 1);
    return newest.isOpen() ? newest : null;
  }

  /**
   * Sends every envelope of {@code envelopes} (envelope id to JSON) at once, in order, on the open
   * connection, as Slack does when many users act together; each one's send time is kept for {@link
   * #ackMillis}.
   */
  public void sendAll(Map<String, String> envelopes) {
    WebSocket open = open();
    envelopes.forEach(
        (id, envelope) -> {
          sentAt.put(id, System.nanoTime());
          open.send(envelope);
        });
  }

  /**
   * Returns the milliseconds from sending envelope {@code id} (by {@link #sendAll}) to its first
   * ack, or -1 while it is not acknowledged.
   */
  public double ackMillis(String id) {
    Long sent = sentAt.get(id);
    Long acked = ackedAt.get(id);
    return sent == null || acked == null ? -1 : (acked - sent) / 1e6;
  }

  /** Waits until every envelope in {@code ids} is acknowledged; returns how many are. */
  public int awaitAcks(java.util.Collection<String> ids, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end && !ackedAt.keySet().containsAll(ids)) {
      Thread.sleep(20);
    }
    return (int) ids.stream().filter(ackedAt::containsKey).count();
  }

  /** Returns the close codes of the connections closed so far, in order. */
  public List<Integer> closeCodes() {
    return List.copyOf(closeCodes);
  }

  /** Sends Slack's {@code disconnect} message with {@code reason} (refresh_requested, warning). */
  public void askToReconnect(String reason) {
    send(
        "{\"type\":\"disconnect\",\"reason\":\""
            + reason
            + "\",\"debug_info\":{\"host\":\"local\"}}");
  }

  /** Drops every connection without a closing handshake, as a lost network would. */
  public void dropConnections() {
    for (WebSocket socket : getConnections()) {
      socket.closeConnection(1006, "dropped");
    }
  }

  /** Waits for the ack of {@code envelopeId} and returns it, or null after {@code timeout}. */
  public JsonObject awaitAck(String envelopeId, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      for (JsonObject ack : acks) {
        if (ack.has("envelope_id") && envelopeId.equals(ack.get("envelope_id").getAsString())) {
          return ack;
        }
      }
      Thread.sleep(10);
    }
    return null;
  }

  /** Returns every message the bot sent. */
  public List<JsonObject> acks() {
    return List.copyOf(acks);
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    opened.add(conn);
    connections.incrementAndGet();
    conn.send(
        "{\"type\":\"hello\",\"num_connections\":1,"
            + "\"debug_info\":{\"host\":\"applink-local\",\"build_number\":1,"
            + "\"approximate_connection_time\":18060},"
            + "\"connection_info\":{\"app_id\":\"A0LOCAL\"}}");
  }

  /**
   * Times the ack on arrival, reading no more than its envelope id (acks arrive one after another
   * on a connection's one decoder thread: parsing each in full there would delay the next one's
   * time), and leaves the full parse to {@link #parser}.
   */
  @Override
  public void onMessage(WebSocket conn, String message) {
    long now = System.nanoTime();
    String id = envelopeId(message);
    if (id != null) {
      ackedAt.putIfAbsent(id, now);
    }
    parser.execute(() -> acks.add(JsonParser.parseString(message).getAsJsonObject()));
  }

  private static String envelopeId(String message) {
    try (JsonReader reader = new JsonReader(new StringReader(message))) {
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals("envelope_id") && reader.peek() == JsonToken.STRING) {
          return reader.nextString();
        }
        reader.skipValue();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    closeCodes.add(code);
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {}

  @Override
  public void onStart() {
    started.countDown();
  }

  /** Stops the server. */
  public void close() throws InterruptedException {
    stop(1000);
    parser.shutdown();
  }
}

package msftchina.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack's Web API and for {@code response_url}s: it answers {@code auth.test},
 * {@code chat.postMessage}, {@code chat.postEphemeral}, {@code views.publish} and {@code
 * apps.connections.open} (with the URL of a {@link SocketModeStandIn}) as Slack does and records
 * every call. Replies can be scripted to fail first (429 with Retry-After, 5xx, a slow answer,
 * {@code ok: false}).
 */
public final class SlackStandIn implements AutoCloseable {

  /** The bot's user id, as {@code auth.test} reports it. */
  public static final String BOT_USER_ID = "UBOT0001";

  /** One recorded HTTP call. */
  public record Call(
      String path, Map<String, List<String>> headers, String body, Map<String, List<String>> form) {

    /** Returns the first value of a form field, or null. */
    public String param(String name) {
      List<String> values = form.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  /** A scripted answer for the next call to a path. */
  public record Scripted(int status, String body, Map<String, String> headers, Duration delay) {

    public static Scripted status(int status) {
      return new Scripted(
          status, "{\"ok\":false,\"error\":\"internal_error\"}", Map.of(), Duration.ZERO);
    }

    public static Scripted rateLimited(int retryAfterSeconds) {
      return new Scripted(
          429,
          "{\"ok\":false,\"error\":\"ratelimited\"}",
          Map.of("Retry-After", Integer.toString(retryAfterSeconds)),
          Duration.ZERO);
    }

    public static Scripted error(String error) {
      return new Scripted(
          200, "{\"ok\":false,\"error\":\"" + error + "\"}", Map.of(), Duration.ZERO);
    }

    public static Scripted slow(Duration delay) {
      return new Scripted(
          200, "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.000001\"}", Map.of(), delay);
    }
  }

  private final HttpServer server;
  private volatile String socketModeUrl = "ws://127.0.0.1:1/unset";
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Scripted>> scripts =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, java.util.concurrent.atomic.AtomicInteger> completed =
      new java.util.concurrent.ConcurrentHashMap<>();

  public SlackStandIn() throws IOException {
    this(0);
  }

  /** Starts the stand-in on {@code port} of the loopback address (0: any free port). */
  public SlackStandIn(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  /** Returns the Web API base URL, ending in a slash, for {@code SLACK_API_URL}. */
  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** Makes {@code apps.connections.open} hand out {@code url}. */
  public void socketModeUrl(String url) {
    this.socketModeUrl = url;
  }

  /** Returns a {@code response_url} on this stand-in. */
  public String responseUrl(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + name;
  }

  /**
   * Makes the next calls to {@code path} (e.g. "/api/chat.postMessage") answer as scripted, in
   * order.
   */
  public void script(String path, Scripted... answers) {
    scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
  }

  /** Returns every call so far to {@code path}. */
  public List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  /**
   * Returns how many calls to {@code path} have been answered in full (after any scripted delay).
   */
  public int completed(String path) {
    java.util.concurrent.atomic.AtomicInteger n = completed.get(path);
    return n == null ? 0 : n.get();
  }

  /** Returns every call so far. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Waits until {@code count} calls to {@code path} match, and returns them. */
  public List<Call> await(String path, int count, Duration timeout) throws InterruptedException {
    return await(c -> c.path().equals(path), count, timeout);
  }

  /** Waits until {@code count} calls match {@code which}, and returns them. */
  public List<Call> await(Predicate<Call> which, int count, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      List<Call> matching = calls.stream().filter(which).toList();
      if (matching.size() >= count) {
        return matching;
      }
      Thread.sleep(20);
    }
    return calls.stream().filter(which).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
    calls.add(new Call(path, headers, body, form(body)));
    answer(exchange, path); // throws when the answer can't be written: not completed
    completed
        .computeIfAbsent(path, p -> new java.util.concurrent.atomic.AtomicInteger())
        .incrementAndGet();
  }

  private void answer(HttpExchange exchange, String path) throws IOException {
    Deque<Scripted> script = scripts.get(path);
    Scripted scripted = script == null ? null : script.poll();
    if (scripted != null) {
      if (!scripted.delay().isZero()) {
        try {
          Thread.sleep(scripted.delay().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      scripted.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      respond(exchange, scripted.status(), scripted.body());
      return;
    }
    switch (path) {
      case "/api/auth.test" ->
          respond(
              exchange,
              200,
              "{\"ok\":true,\"url\":\"https://local.slack.com/\",\"team\":\"Local\",\"user\":\"msftchina\",\"team_id\":\"T0LOCAL\",\"user_id\":\""
                  + BOT_USER_ID
                  + "\",\"bot_id\":\"BBOT0001\",\"is_enterprise_install\":false}");
      case "/api/chat.postMessage" ->
          respond(
              exchange,
              200,
              "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\",\"message\":{\"type\":\"message\",\"text\":\"ok\"}}");
      case "/api/chat.postEphemeral" ->
          respond(exchange, 200, "{\"ok\":true,\"message_ts\":\"1700000000.000200\"}");
      case "/api/views.publish" ->
          respond(exchange, 200, "{\"ok\":true,\"view\":{\"id\":\"V0LOCAL\",\"type\":\"home\"}}");
      case "/api/apps.connections.open" ->
          respond(exchange, 200, "{\"ok\":true,\"url\":\"" + socketModeUrl + "\"}");
      case "/api/bots.info" ->
          respond(
              exchange,
              200,
              "{\"ok\":true,\"bot\":{\"id\":\"BOTHER\",\"name\":\"other\",\"user_id\":\"UOTHERBOT\"}}");
      default -> {
        if (path.startsWith("/response/")) {
          respond(exchange, 200, "ok");
        } else {
          respond(exchange, 200, "{\"ok\":false,\"error\":\"unknown_method\"}");
        }
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .add(
            "Content-Type",
            body.startsWith("{") ? "application/json; charset=utf-8" : "text/plain");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static Map<String, List<String>> form(String body) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    if (body.startsWith("{") || body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&", -1)) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

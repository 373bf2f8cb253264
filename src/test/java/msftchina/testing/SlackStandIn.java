package msftchina.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack's Web API and for {@code response_url}s: it answers {@code auth.test},
 * {@code chat.postMessage}, {@code chat.postEphemeral}, {@code views.publish}, {@code
 * conversations.replies}, {@code conversations.history} and {@code apps.connections.open} (with the
 * URL of a {@link SocketModeStandIn}) as Slack does and records every call. Replies can be scripted
 * to fail first (429 with Retry-After, 5xx, a slow answer, {@code ok: false}).
 *
 * <p>Every message {@code chat.postMessage} posts is kept ({@link #posted}), with a ts of its own
 * and its metadata, from the moment the call arrives (as Slack posts before its answer reaches the
 * client, a slow answer leaves a message posted that the client may never hear of); the two
 * conversations methods answer from the messages kept.
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

  /**
   * A message posted by {@code chat.postMessage}: its channel, thread ({@code thread_ts}, or null),
   * the ts Slack gave it, its text, and its metadata as sent (JSON, or null).
   */
  public record Posted(String channel, String threadTs, String ts, String text, String metadata) {

    /** Returns the {@code event_id} of the metadata's {@code event_payload}, or null. */
    public String eventId() {
      if (metadata == null || metadata.isBlank()) {
        return null;
      }
      JsonObject m = JsonParser.parseString(metadata).getAsJsonObject();
      JsonObject payload = m.has("event_payload") ? m.getAsJsonObject("event_payload") : null;
      return payload == null || !payload.has("event_id")
          ? null
          : payload.get("event_id").getAsString();
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
  private final List<Posted> posted = new CopyOnWriteArrayList<>();
  private final AtomicLong lastTs = new AtomicLong();

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

  /** Returns every message posted so far, in the order they were posted. */
  public List<Posted> posted() {
    return List.copyOf(posted);
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
    Call call = new Call(path, headers, body, form(body));
    calls.add(call);
    answer(exchange, call); // throws when the answer can't be written: not completed
    completed
        .computeIfAbsent(path, p -> new java.util.concurrent.atomic.AtomicInteger())
        .incrementAndGet();
  }

  private void answer(HttpExchange exchange, Call call) throws IOException {
    String path = call.path();
    Deque<Scripted> script = scripts.get(path);
    Scripted scripted = script == null ? null : script.poll();
    boolean posting = path.equals("/api/chat.postMessage");
    if (scripted != null) {
      if (posting && scripted.status() == 200 && scripted.body().contains("\"ok\":true")) {
        post(call); // taken by Slack before the (slow) answer
      }
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
      case "/api/chat.postMessage" -> {
        // https://api.slack.com/methods/chat.postMessage
        Posted p = post(call);
        JsonObject answer = new JsonObject();
        answer.addProperty("ok", true);
        answer.addProperty("channel", p.channel());
        answer.addProperty("ts", p.ts());
        answer.add("message", message(p, false));
        respond(exchange, 200, answer.toString());
      }
      case "/api/conversations.replies" -> respond(exchange, 200, replies(call).toString());
      case "/api/conversations.history" -> respond(exchange, 200, history(call).toString());
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

  /** Keeps the message a chat.postMessage call posts, with a ts of its own, and returns it. */
  private Posted post(Call call) {
    long micros =
        lastTs.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1000));
    String ts = String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    String thread = call.param("thread_ts");
    Posted p =
        new Posted(
            call.param("channel"),
            thread == null || thread.isEmpty() ? null : thread,
            ts,
            call.param("text"),
            call.param("metadata"));
    posted.add(p);
    return p;
  }

  /** Returns a kept message as Slack's conversations methods show a bot's message. */
  private static JsonObject message(Posted p, boolean withMetadata) {
    JsonObject m = new JsonObject();
    m.addProperty("type", "message");
    m.addProperty("subtype", "bot_message");
    m.addProperty("bot_id", "BBOT0001");
    m.addProperty("user", BOT_USER_ID);
    m.addProperty("text", p.text());
    m.addProperty("ts", p.ts());
    if (p.threadTs() != null) {
      m.addProperty("thread_ts", p.threadTs());
    }
    if (withMetadata && p.metadata() != null && !p.metadata().isBlank()) {
      m.add("metadata", JsonParser.parseString(p.metadata()));
    }
    return m;
  }

  /**
   * Answers conversations.replies (https://api.slack.com/methods/conversations.replies): the
   * thread's parent first, then its replies oldest first, from {@code oldest} on; paged by {@code
   * limit} and {@code cursor}; metadata only with {@code include_all_metadata=true}.
   */
  private JsonObject replies(Call call) {
    String channel = call.param("channel");
    String thread = call.param("ts");
    boolean metadata = flag(call.param("include_all_metadata"));
    double oldest = number(call.param("oldest"), 0);
    List<Posted> kept =
        posted.stream()
            .filter(p -> Objects.equals(p.channel(), channel))
            .filter(p -> Objects.equals(p.threadTs(), thread))
            .toList();
    JsonArray messages = new JsonArray();
    JsonObject parent = new JsonObject();
    parent.addProperty("type", "message");
    parent.addProperty("user", "U123");
    parent.addProperty("text", "a question");
    parent.addProperty("ts", thread);
    parent.addProperty("thread_ts", thread);
    parent.addProperty("reply_count", kept.size());
    messages.add(parent);
    kept.stream()
        .filter(p -> Double.parseDouble(p.ts()) >= oldest)
        .forEach(p -> messages.add(message(p, metadata)));
    return page(messages, call, new JsonObject());
  }

  /**
   * Answers conversations.history (https://api.slack.com/methods/conversations.history): the
   * channel's messages outside threads, newest first, between {@code oldest} and {@code latest};
   * paged by {@code limit} and {@code cursor}; metadata only with {@code
   * include_all_metadata=true}.
   */
  private JsonObject history(Call call) {
    String channel = call.param("channel");
    boolean metadata = flag(call.param("include_all_metadata"));
    double oldest = number(call.param("oldest"), 0);
    double latest = number(call.param("latest"), Double.MAX_VALUE);
    List<Posted> kept =
        posted.stream()
            .filter(p -> Objects.equals(p.channel(), channel) && p.threadTs() == null)
            .filter(p -> Double.parseDouble(p.ts()) >= oldest)
            .filter(p -> Double.parseDouble(p.ts()) <= latest)
            .toList();
    JsonArray messages = new JsonArray();
    for (int i = kept.size() - 1; i >= 0; i--) {
      messages.add(message(kept.get(i), metadata));
    }
    JsonObject extra = new JsonObject();
    extra.addProperty("pin_count", 0);
    return page(messages, call, extra);
  }

  /** Returns one page of {@code messages} in Slack's format; the cursor is an offset. */
  private static JsonObject page(JsonArray messages, Call call, JsonObject extra) {
    int start = (int) number(call.param("cursor"), 0);
    int limit = (int) number(call.param("limit"), 100);
    JsonArray chunk = new JsonArray();
    for (int i = start; i < Math.min(messages.size(), start + limit); i++) {
      chunk.add(messages.get(i));
    }
    boolean more = start + limit < messages.size();
    JsonObject answer = new JsonObject();
    answer.addProperty("ok", true);
    answer.add("messages", chunk);
    answer.addProperty("has_more", more);
    extra.entrySet().forEach(e -> answer.add(e.getKey(), e.getValue()));
    JsonObject meta = new JsonObject();
    meta.addProperty("next_cursor", more ? Integer.toString(start + limit) : "");
    answer.add("response_metadata", meta);
    return answer;
  }

  /** Returns whether a boolean argument is set: Slack takes {@code true} or {@code 1}. */
  private static boolean flag(String value) {
    return "true".equals(value) || "1".equals(value);
  }

  private static double number(String value, double otherwise) {
    try {
      return value == null || value.isEmpty() ? otherwise : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return otherwise;
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

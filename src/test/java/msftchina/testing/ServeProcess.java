package msftchina.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import msftchina.slack.SignedRequest;

/**
 * {@code msftchina serve} as a separate JVM ({@code java -cp <test classpath> msftchina.cli.Main
 * serve}), started from the project folder with exactly the environment given, its output drained
 * in full; and a client sending it requests signed as Slack signs them.
 */
public final class ServeProcess implements AutoCloseable {

  public static final String SIGNING_SECRET = "sigsecret-STORE-0c1d2e3f4a5b6c7d8e9f";
  public static final String BOT_TOKEN = "xoxb-STORETOKEN-4242-0a1b2c3d4e5f";
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  public final Process process;
  public final int port;

  @SuppressWarnings("JdkObsolete") // appended by reader threads, read by the test
  private final StringBuffer out = new StringBuffer();

  @SuppressWarnings("JdkObsolete") // appended by reader threads, read by the test
  private final StringBuffer err = new StringBuffer();

  private final Thread outDrain;
  private final Thread errDrain;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServeProcess(Process process, int port) {
    this.process = process;
    this.port = port;
    this.outDrain = drain(process.getInputStream(), out);
    this.errDrain = drain(process.getErrorStream(), err);
  }

  /** Returns the environment of a serve process on a free port, answering to {@code slack}. */
  public static Map<String, String> env(SlackStandIn slack) throws IOException {
    Map<String, String> env = new HashMap<>();
    String path = System.getenv("PATH");
    env.put("PATH", path == null ? "/usr/bin:/bin" : path);
    env.put("LANG", "C.UTF-8");
    env.put("PORT", Integer.toString(freePort()));
    env.put("HOST", "127.0.0.1");
    env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
    env.put("SLACK_API_URL", slack.apiUrl());
    return env;
  }

  /** Starts {@code msftchina serve args...} with exactly {@code env}. */
  public static ServeProcess start(Map<String, String> env, String... args) throws IOException {
    return start(env, List.of(), args);
  }

  /**
   * Starts {@code msftchina serve args...} with exactly {@code env}, the JVM given {@code jvmFlags}
   * after its own (so {@code -Xmx32m}, bin/msftchina's heap, overrides its 256 MiB).
   */
  public static ServeProcess start(Map<String, String> env, List<String> jvmFlags, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("msftchina.cli.Main");
    command.add("serve");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    return new ServeProcess(builder.start(), Integer.parseInt(env.get("PORT")));
  }

  /**
   * Starts {@code bin/msftchina serve} with exactly {@code env}: the launcher's own JVM flags (its
   * heap among them) and the jar {@code mvn package} made, as an operator runs it.
   */
  public static ServeProcess startLauncher(Map<String, String> env) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder("sh", PROJECT.resolve("bin/msftchina").toString(), "serve")
            .directory(PROJECT.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    return new ServeProcess(builder.start(), Integer.parseInt(env.get("PORT")));
  }

  /** Returns what the process wrote to standard output so far. */
  public String stdout() {
    return out.toString();
  }

  /** Returns what the process wrote to standard error so far. */
  public String stderr() {
    return err.toString();
  }

  /** Waits until standard error contains {@code text}; fails after {@code timeout}. */
  public void awaitStderr(String text, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!stderr().contains(text)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("stderr never said '" + text + "': " + describe());
      }
      Thread.sleep(20);
    }
  }

  /** Returns what the process logged and how it ended, for assertion messages. */
  public String describe() {
    String status = process.isAlive() ? "running" : "exit " + process.exitValue();
    return "\n[serve " + status + "]\n--- stderr ---\n" + err + "--- stdout ---\n" + out;
  }

  /** Polls GET /healthz until it answers 200; fails if the process exits first. */
  public void awaitHealthy() throws Exception {
    awaitHealthy(body -> {});
  }

  /** Polls GET /healthz as {@link #awaitHealthy()} does, handing each body to {@code bodies}. */
  public void awaitHealthy(java.util.function.Consumer<String> bodies) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        drained();
        throw new AssertionError("serve exited before it was healthy: " + describe());
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        bodies.accept(r.body());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(25);
    }
    throw new AssertionError("GET /healthz did not answer 200 within 30 s: " + describe());
  }

  /** Sends an {@code app_mention} of the bot asking {@code question} in channel C42, signed now. */
  public HttpResponse<String> mention(String eventId, String question) throws Exception {
    return mention(eventId, "C42", Instant.now().getEpochSecond() + ".000100", question);
  }

  /**
   * Sends an {@code app_mention} of the bot asking {@code question} in {@code channel}, posted at
   * {@code ts} (the thread its reply goes to), signed now.
   */
  public HttpResponse<String> mention(String eventId, String channel, String ts, String question)
      throws Exception {
    String body = EventBodies.callback(eventId, EventBodies.appMention(channel, ts, question));
    SignedRequest r = SignedRequest.sign(SIGNING_SECRET, body, Instant.now().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-Slack-Request-Timestamp", r.timestamp())
            .header("X-Slack-Signature", r.signature())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Sends SIGTERM through the process handle (which keeps the pipes open). */
  public void sigterm() {
    process.toHandle().destroy();
  }

  /** Sends SIGKILL: the process ends at once, with no chance to tidy up. */
  public void sigkill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Waits for the output to be read to its end, once the process has exited. */
  public void drained() throws InterruptedException {
    outDrain.join(10_000);
    errDrain.join(10_000);
  }

  /** SIGTERM, then SIGKILL as a last resort. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      sigterm();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        sigkill();
      }
    }
    drained();
  }

  private static Thread drain(InputStream in, StringBuffer into) {
    Thread t =
        new Thread(
            () -> {
              try (InputStream stream = in) {
                ByteArrayOutputStream pending = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = stream.read(buffer)) > 0) {
                  pending.write(buffer, 0, n);
                  byte[] bytes = pending.toByteArray();
                  int cut = bytes.length - 1;
                  while (cut >= 0 && bytes[cut] != '\n') {
                    cut--;
                  }
                  if (cut >= 0) {
                    into.append(new String(bytes, 0, cut + 1, StandardCharsets.UTF_8));
                    pending.reset();
                    pending.write(bytes, cut + 1, bytes.length - cut - 1);
                  }
                }
                into.append(pending.toString(StandardCharsets.UTF_8));
              } catch (IOException e) {
                into.append("\n[closed: ").append(e.getMessage()).append("]\n");
              }
            },
            "serve-drain");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

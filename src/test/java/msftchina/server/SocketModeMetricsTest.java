package msftchina.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import msftchina.testing.PrometheusText;
import msftchina.testing.RunningBot;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode has no port of its own: with {@code MSFTCHINA_METRICS_PORT} set it opens one for
 * {@code /healthz}, {@code /readyz} and {@code /metrics}, and without it the bot listens nowhere.
 */
class SocketModeMetricsTest {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void withTheMetricsPortHealthReadinessAndMetricsAnswerThere() throws Exception {
    try (RunningBot bot =
        RunningBot.startSocketMode(
            RunningBot.tempIndex(), Map.of("MSFTCHINA_METRICS_PORT", "0", "HOST", "127.0.0.1"))) {
      int port = bot.bot.metricsPort();
      assertTrue(port > 0, "listening on " + port);
      assertEquals(0, bot.bot.port(), "no Slack port over Socket Mode");

      HttpResponse<String> health = get(port, "/healthz");
      assertEquals(200, health.statusCode());
      JsonObject status = JsonParser.parseString(health.body()).getAsJsonObject();
      assertEquals("ok", status.get("status").getAsString(), health.body());
      assertEquals(12, status.get("facts").getAsInt());
      assertEquals(200, get(port, "/readyz").statusCode());
      assertEquals(404, get(port, "/slack/events").statusCode(), "Slack's path is not served");

      // a question over the socket shows in the metrics on the port
      bot.socket.send(
          SocketModeTest.envelope(
              "env-metrics-1",
              "slash_commands",
              "{\"token\":\"unused\",\"team_id\":\"T0LOCAL\",\"team_domain\":\"local\","
                  + "\"channel_id\":\"C1\",\"channel_name\":\"general\",\"user_id\":\"U123\","
                  + "\"user_name\":\"you\",\"command\":\"/msftchina\","
                  + "\"text\":\"who is Microsoft's biggest AI customer in China?\","
                  + "\"api_app_id\":\"A0LOCAL\",\"response_url\":\""
                  + bot.slack.responseUrl("socket-metrics")
                  + "\",\"trigger_id\":\"1.2.3\"}",
              true));
      assertNotNull(bot.socket.awaitAck("env-metrics-1", Duration.ofSeconds(3)));
      HttpResponse<String> metrics = get(port, "/metrics");
      assertEquals(200, metrics.statusCode());
      assertEquals(
          "text/plain; version=0.0.4; charset=utf-8",
          metrics.headers().firstValue("Content-Type").orElse(""));
      PrometheusText text = PrometheusText.parse(metrics.body());
      assertEquals(
          1,
          text.value(
              "msftchina_questions_total",
              Map.of("surface", "slash", "outcome", "answered", "reason", "none")));
      assertTrue(text.has("jvm_memory_used_bytes"), "JVM metrics");
    }
  }

  @Test
  void withoutTheMetricsPortNothingListens() throws Exception {
    Set<Integer> before = listeningPorts();
    try (RunningBot bot = RunningBot.startSocketMode(RunningBot.tempIndex(), Map.of("PORT", "0"))) {
      Set<Integer> opened = new HashSet<>(listeningPorts());
      opened.removeAll(before);
      opened.remove(URI.create(bot.slack.apiUrl()).getPort()); // the tests' stand-ins
      opened.remove(URI.create(bot.socket.url()).getPort());
      assertEquals(Set.of(), opened, "ports the bot listens on");
      assertEquals(ServeConfig.NO_PORT, bot.bot.metricsPort());
      assertEquals(0, bot.bot.port());
    }
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Returns the TCP ports this process listens on, from Linux's /proc. */
  private static Set<Integer> listeningPorts() throws IOException {
    Set<String> sockets = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            sockets.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    Set<Integer> ports = new HashSet<>();
    for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file)) {
        String[] f = line.strip().split("\\s+", -1);
        // sl local_address rem_address st ... inode (field 9); st 0A is LISTEN
        if (f.length > 9 && "0A".equals(f[3]) && sockets.contains(f[9])) {
          ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
        }
      }
    }
    return ports;
  }
}

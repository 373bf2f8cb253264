package msftchina.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import msftchina.eval.EvalQuestion;
import msftchina.testing.SlackStandIn;
import msftchina.testing.SocketEnvelopes;
import msftchina.testing.SocketModeStandIn;

/**
 * Socket Mode under bursts (issue 21, item 9): {@code bin/msftchina serve} of a project, with its
 * default flags, connected over Socket Mode to local stand-ins of Slack's Socket Mode server and
 * Web API; after a warm-up, 2,000 slash commands sent at once, then 1,000 mixed envelopes (slash
 * commands, mentions, direct messages) at once. For each burst it prints the ack latency (from the
 * envelope's send to its ack: p50, p99, max, how many after Slack's 3 s) and what the users got:
 * answered (in the ack's payload, through the command's response_url, or a reply posted in the
 * channel), told the bot is busy, or nothing. Run it with {@code bench/socket_burst.sh}.
 */
public final class SocketBurst {

  /** How long the answers of a burst may take to arrive after its acks. */
  private static final Duration ANSWERS_WITHIN = Duration.ofSeconds(90);

  private SocketBurst() {}

  /** Usage: SocketBurst PROJECT_DIR (whose bin/msftchina and target/msftchina.jar are run). */
  public static void main(String[] args) throws Exception {
    Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    List<String> questions = new ArrayList<>();
    for (String f : List.of("heldout.jsonl", "tuning.jsonl", "tuning2.jsonl")) {
      for (EvalQuestion q : EvalQuestion.read(project.resolve("eval").resolve(f))) {
        questions.add(q.question());
      }
    }
    Path temp = Files.createTempDirectory("socket-burst");
    SocketModeStandIn socket = new SocketModeStandIn();
    try (SlackStandIn slack = new SlackStandIn()) {
      slack.socketModeUrl(socket.url());
      Map<String, String> env = new HashMap<>();
      env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
      env.put("LANG", "C.UTF-8");
      env.put("SLACK_APP_TOKEN", "xapp-1-A0BENCH-1-0123456789abcdef");
      env.put("SLACK_BOT_TOKEN", "xoxb-BENCH-1-0123456789abcdef");
      env.put("SLACK_API_URL", slack.apiUrl());
      env.put("MSFTCHINA_DB", temp.resolve("bench.db").toString()); // a store of its own
      ProcessBuilder builder =
          new ProcessBuilder("sh", project.resolve("bin/msftchina").toString(), "serve")
              .directory(project.toFile())
              .redirectOutput(temp.resolve("serve.out").toFile())
              .redirectError(temp.resolve("serve.err").toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      Process serve = builder.start();
      try {
        if (!socket.awaitConnections(1, Duration.ofSeconds(60))) {
          throw new IllegalStateException("serve never connected: " + log(temp));
        }
        Burst warmUp = new Burst("warm-up", socket, slack);
        for (int i = 0; i < 200; i++) {
          warmUp.add(i % 4, questions.get(i % questions.size()));
        }
        warmUp.run(false);
        Burst slash = new Burst("2000 slash", socket, slack);
        for (int i = 0; i < 2000; i++) {
          slash.add(0, questions.get(i % questions.size()));
        }
        slash.run(true);
        Burst mixed = new Burst("1000 mixed", socket, slack);
        for (int i = 0; i < 1000; i++) {
          mixed.add(i % 3, questions.get((i * 7) % questions.size()));
        }
        mixed.run(true);
      } finally {
        serve.destroy();
        serve.waitFor(20, TimeUnit.SECONDS);
        serve.destroyForcibly();
        String logText = log(temp);
        System.out.printf(
            Locale.ROOT,
            "serve log: %d lines, %d WARN, %d ERROR, %d OutOfMemoryError%n",
            logText.lines().count(),
            logText.lines().filter(l -> l.contains("WARN")).count(),
            logText.lines().filter(l -> l.contains("ERROR")).count(),
            logText.lines().filter(l -> l.contains("OutOfMemoryError")).count());
        logText
            .lines()
            .filter(l -> l.contains("WARN") || l.contains("ERROR") || l.contains("Socket Mode"))
            .distinct()
            .limit(8)
            .forEach(l -> System.out.println("  | " + l));
      }
    } finally {
      socket.close();
    }
  }

  private static String log(Path temp) throws IOException {
    try (InputStream in = Files.newInputStream(temp.resolve("serve.err"))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** One burst: envelopes sent at once, then their acks and answers counted. */
  private static final class Burst {
    private static int next;
    private final String name;
    private final SocketModeStandIn socket;
    private final SlackStandIn slack;
    private final Map<String, String> envelopes = new LinkedHashMap<>();
    private final Map<String, Integer> kinds = new HashMap<>();

    Burst(String name, SocketModeStandIn socket, SlackStandIn slack) {
      this.name = name;
      this.socket = socket;
      this.slack = slack;
    }

    /** Adds an envelope: kind 0 a slash command, 1 a mention, 2 a direct message. */
    void add(int kind, String question) {
      int n = next++;
      String id = "env-" + n;
      String user = "U" + (100000 + n);
      String ts = "1700000000." + String.format(Locale.ROOT, "%06d", n);
      envelopes.put(
          id,
          switch (kind) {
            case 0 -> SocketEnvelopes.slash(id, user, question, slack.responseUrl(id));
            case 1 -> SocketEnvelopes.mention(id, "Ev" + n, user, "C" + n, ts, question);
            default -> SocketEnvelopes.directMessage(id, "Ev" + n, user, "D" + n, ts, question);
          });
      kinds.put(id, kind % 3);
    }

    void run(boolean print) throws InterruptedException {
      socket.sendAll(envelopes);
      socket.awaitAcks(envelopes.keySet(), Duration.ofSeconds(30));
      long end = System.nanoTime() + ANSWERS_WITHIN.toNanos();
      int answered = 0;
      int busy = 0;
      while (true) {
        answered = 0;
        busy = 0;
        Map<String, JsonObject> acks = new HashMap<>();
        for (JsonObject ack : socket.acks()) {
          if (ack.has("envelope_id")) {
            acks.putIfAbsent(ack.get("envelope_id").getAsString(), ack);
          }
        }
        Map<String, String> delivered = delivered();
        for (String id : envelopes.keySet()) {
          JsonObject ack = acks.get(id);
          String text =
              ack != null && ack.has("payload") ? ack.get("payload").toString() : delivered.get(id);
          if (text == null && kinds.get(id) != 0) {
            text = delivered.get(id);
          }
          if (text != null && text.toLowerCase(Locale.ROOT).contains("busy")) {
            busy++;
          } else if (text != null) {
            answered++;
          }
        }
        if (answered + busy == envelopes.size() || System.nanoTime() > end) {
          break;
        }
        Thread.sleep(200);
      }
      if (!print) {
        return;
      }
      double[] ms =
          envelopes.keySet().stream().mapToDouble(socket::ackMillis).filter(m -> m >= 0).toArray();
      Arrays.sort(ms);
      long late = Arrays.stream(ms).filter(m -> m > 3000).count();
      System.out.printf(
          Locale.ROOT,
          "%s: %d envelopes, %d acknowledged; ack ms p50 %.0f p99 %.0f max %.0f; after 3 s: %d;"
              + " answered %d, told busy %d, nothing %d%n",
          name,
          envelopes.size(),
          ms.length,
          pct(ms, 0.50),
          pct(ms, 0.99),
          ms.length == 0 ? Double.NaN : ms[ms.length - 1],
          late + (envelopes.size() - ms.length),
          answered,
          busy,
          envelopes.size() - answered - busy);
    }

    /** Returns, by envelope id, the text of the answer delivered outside the ack. */
    private Map<String, String> delivered() {
      Map<String, String> byId = new HashMap<>();
      Map<String, String> idByChannel = new HashMap<>();
      for (String id : envelopes.keySet()) {
        String n = id.substring(4);
        idByChannel.put("C" + n, id);
        idByChannel.put("D" + n, id);
      }
      for (SlackStandIn.Call call : slack.calls()) {
        if (call.path().startsWith("/response/")) {
          String id = call.path().substring("/response/".length());
          if (envelopes.containsKey(id)) {
            byId.putIfAbsent(id, call.body());
          }
        } else if (call.path().equals("/api/chat.postMessage")) {
          String id = idByChannel.get(call.param("channel"));
          if (id != null) {
            byId.putIfAbsent(id, String.valueOf(call.param("text")));
          }
        }
      }
      return byId;
    }

    private static double pct(double[] sorted, double p) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
  }
}

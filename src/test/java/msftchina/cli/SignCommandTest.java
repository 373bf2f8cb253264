package msftchina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import msftchina.slack.SignedRequest;
import msftchina.testing.RunningBot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code msftchina sign}: the command it prints is one option a line, and a shell running it as
 * printed (piped to {@code sh}, or by {@code eval} as bench/run.sh does) sends exactly the signed
 * request and gets the answer.
 */
class SignCommandTest {

  private static final String SECRET = RunningBot.SIGNING_SECRET;

  @TempDir Path tmp;

  /** Returns what {@code msftchina sign ARGS} printed, with the test's signing secret set. */
  private static String sign(String... args) {
    CommandRun run =
        CommandRun.of(
            Map.of("SLACK_SIGNING_SECRET", SECRET),
            "",
            Stream.concat(Stream.of("sign"), Stream.of(args)).toList());
    assertEquals(0, run.status(), run.err());
    return run.out();
  }

  /** Runs {@code script} with {@code sh}, from standard input, and returns its standard output. */
  private static String sh(String script) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh").redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(script.getBytes(StandardCharsets.UTF_8));
    }
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "sh did not finish");
    assertEquals(0, p.exitValue(), script);
    return new String(out, StandardCharsets.UTF_8);
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  @Test
  void printsOneOptionALineAndTheShellSeesExactlyTheSignedRequest() throws Exception {
    assumeTrue(onPath("sh"), "needs sh");
    String question = "what's ByteDance's *share*? $HOME `id` \"quoted\" \\ 字节跳动";
    String printed = sign("--url", "http://127.0.0.1:9/slack/events", question);

    List<String> lines = printed.lines().toList();
    assertEquals(5, lines.size(), printed);
    assertTrue(lines.get(0).startsWith("curl -sS 'http://127.0.0.1:9/slack/events'"), printed);
    assertTrue(lines.get(1).startsWith("  -H 'Content-Type: "), printed);
    assertTrue(lines.get(2).startsWith("  -H 'X-Slack-Request-Timestamp: "), printed);
    assertTrue(lines.get(3).startsWith("  -H 'X-Slack-Signature: v0="), printed);
    assertTrue(lines.get(4).startsWith("  --data-raw '"), printed);
    for (String line : lines.subList(0, 4)) {
      assertTrue(line.endsWith(" \\"), line);
    }

    // The words a shell hands curl, with curl replaced by a function printing them.
    List<String> argv = List.of(sh("curl() { printf '%s\\0' \"$@\"; }\n" + printed).split("\0"));
    assertEquals(10, argv.size(), String.valueOf(argv));
    String timestamp = argv.get(5).substring("X-Slack-Request-Timestamp: ".length());
    SignedRequest expected =
        SignedRequest.slashCommand(
            SECRET, question, "http://localhost:9/unused-response-url", Long.parseLong(timestamp));
    assertEquals(
        List.of(
            "-sS",
            "http://127.0.0.1:9/slack/events",
            "-H",
            "Content-Type: application/x-www-form-urlencoded",
            "-H",
            "X-Slack-Request-Timestamp: " + timestamp,
            "-H",
            "X-Slack-Signature: " + expected.signature(),
            "--data-raw",
            expected.body()),
        argv);
  }

  @Test
  void thePrintedCommandRunByAShellGetsTheAnswer() throws Exception {
    assumeTrue(onPath("sh") && onPath("curl"), "needs sh and curl");
    try (RunningBot bot = RunningBot.start(tmp.resolve("index"))) {
      String printed =
          sign(
              "--url",
              bot.url("/slack/events").toString(),
              "who is Microsoft's biggest AI customer in China?");
      // As the README and bench/try.sh use it: piped to sh.
      assertTrue(sh(printed).contains("ByteDance leads as"), printed);
      // As bench/run.sh uses it: eval'd, with an option added after it.
      String script =
          "request=$(cat <<'EOF'\n" + printed + "EOF\n)\neval \"$request --max-time 5\"\n";
      assertTrue(sh(script).contains("ByteDance leads as"), script);
    }
  }
}

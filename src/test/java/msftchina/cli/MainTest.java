package msftchina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a whole: the overview, each command's help, and the exit statuses. */
class MainTest {

  private static final List<String> COMMANDS =
      List.of("ask", "ingest", "index", "eval", "serve", "sign", "warmup", "gaps", "stats");

  @TempDir Path tmp;

  private static CommandRun run(Map<String, String> env, String... args) {
    return CommandRun.of(env, args);
  }

  private static CommandRun run(String... args) {
    return run(Map.of(), args);
  }

  @Test
  void noArgumentsPrintsTheOverviewAndIsAUsageError() {
    CommandRun r = run();
    assertEquals(2, r.status());
    for (String command : COMMANDS) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + command + " ")), r.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "help"})
  void askingForHelpPrintsTheOverviewAndExitsZero(String help) {
    CommandRun r = run(help);
    assertEquals(0, r.status(), r.err());
    assertEquals(run().out(), r.out());
    assertEquals("", r.err());
  }

  @Test
  void everyCommandExplainsItselfWithHelp() {
    for (String command : COMMANDS) {
      for (String help : List.of("--help", "-h")) {
        CommandRun r = run(command, help);
        assertEquals(0, r.status(), command + " " + help + ": " + r.err());
        assertTrue(r.out().contains("Usage: msftchina " + command), r.out());
      }
    }
    CommandRun ask = run("ask", "--help");
    for (String option : List.of("--json", "--find", "--facts", "--index")) {
      assertTrue(ask.out().contains(option), ask.out());
    }
    assertTrue(run("serve", "--help").out().contains("SLACK_BOT_TOKEN"));
    assertTrue(run("gaps", "--help").out().contains("--since"));
    assertEquals(ask.out(), run("help", "ask").out());
  }

  @Test
  void anUnknownCommandIsAUsageErrorNamingIt() {
    CommandRun r = run("aks", "who?");
    assertEquals(2, r.status());
    assertEquals("", r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("unknown command 'aks'"), r.err());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "index extra",
        "eval one two",
        "ingest",
        "ingest --out",
        "gaps --since yesterday",
        "stats --since 0d",
        "serve --bogus",
        "sign",
        "warmup --port 1"
      })
  void aCommandLineThatCannotRunIsAUsageErrorInOneLine(String line) {
    String[] args = line.split(" ");
    CommandRun r = run(args);
    assertEquals(2, r.status(), r.err());
    assertEquals("", r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("msftchina " + args[0] + ": "), r.err());
  }

  @Test
  void serveHelpNamesTheMetricsPortAndABadOneIsAUsageErrorNamingIt() {
    String help = run("serve", "--help").out();
    assertTrue(help.contains("MSFTCHINA_METRICS_PORT") && help.contains("/metrics"), help);
    CommandRun r =
        run(
            Map.of(
                "SLACK_APP_TOKEN",
                "xapp-1-A0-1-x",
                "SLACK_BOT_TOKEN",
                "xoxb-1",
                "MSFTCHINA_METRICS_PORT",
                "ninety"),
            "serve");
    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(
        r.err()
            .startsWith(
                "msftchina serve: MSFTCHINA_METRICS_PORT must be a number from 0 to 65535, got"
                    + " 'ninety'"),
        r.err());
  }

  @Test
  void aMissingFileIsAFailureInOneLineNamingIt() {
    Path missing = tmp.resolve("no-such-folder");
    CommandRun r = run("ask", "--facts", missing.toString(), "--index", tmp.toString(), "who?");
    assertEquals(1, r.status(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains(missing.toString()), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void theIndexFolderComesFromMsftchinaIndexUnlessGiven() {
    Path fromEnv = tmp.resolve("env-index");
    CommandRun r = run(Map.of("MSFTCHINA_INDEX", fromEnv.toString()), "index");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains(fromEnv.toString()), r.out());
    assertTrue(Files.isDirectory(fromEnv));

    Path given = tmp.resolve("given-index");
    r = run(Map.of("MSFTCHINA_INDEX", fromEnv.toString()), "index", "--index=" + given);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains(given.toString()), r.out());
  }

  @Test
  void warmupAnswersEverySignedRequestItSendsItselfOverAPlainSocket() {
    CommandRun r = run("warmup", "--index", tmp.resolve("index").toString());
    assertEquals(0, r.status(), r.err());
    Matcher m =
        Pattern.compile("warmup: (\\d+) of (\\d+) signed requests answered").matcher(r.out());
    assertTrue(m.find(), r.out());
    assertTrue(Integer.parseInt(m.group(2)) > 0, r.out());
    assertEquals(m.group(2), m.group(1), r.out());
  }
}

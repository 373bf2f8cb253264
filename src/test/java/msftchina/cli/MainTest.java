package msftchina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a whole: the overview, each command's help, and the exit statuses. */
class MainTest {

  private static final List<String> COMMANDS =
      List.of("ask", "ingest", "index", "eval", "serve", "sign", "warmup", "gaps", "stats");

  @TempDir Path tmp;

  /** What one run of the command line printed and returned. */
  record Run(int status, String out, String err) {}

  private static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            List.of(args),
            new Console(
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Run run(String... args) {
    return run(Map.of(), args);
  }

  @Test
  void noArgumentsPrintsTheOverviewAndIsAUsageError() {
    Run r = run();
    assertEquals(2, r.status());
    for (String command : COMMANDS) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + command + " ")), r.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "help"})
  void askingForHelpPrintsTheOverviewAndExitsZero(String help) {
    Run r = run(help);
    assertEquals(0, r.status(), r.err());
    assertEquals(run().out(), r.out());
    assertEquals("", r.err());
  }

  @Test
  void everyCommandExplainsItselfWithHelp() {
    for (String command : COMMANDS) {
      for (String help : List.of("--help", "-h")) {
        Run r = run(command, help);
        assertEquals(0, r.status(), command + " " + help + ": " + r.err());
        assertTrue(r.out().contains("Usage: msftchina " + command), r.out());
      }
    }
    Run ask = run("ask", "--help");
    for (String option : List.of("--json", "--find", "--facts", "--index")) {
      assertTrue(ask.out().contains(option), ask.out());
    }
    assertTrue(run("serve", "--help").out().contains("SLACK_BOT_TOKEN"));
    assertTrue(run("gaps", "--help").out().contains("--since"));
    assertEquals(ask.out(), run("help", "ask").out());
  }

  @Test
  void anUnknownCommandIsAUsageErrorNamingIt() {
    Run r = run("aks", "who?");
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
    Run r = run(args);
    assertEquals(2, r.status(), r.err());
    assertEquals("", r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("msftchina " + args[0] + ": "), r.err());
  }

  @Test
  void aMissingFileIsAFailureInOneLineNamingIt() {
    Path missing = tmp.resolve("no-such-folder");
    Run r = run("ask", "--facts", missing.toString(), "--index", tmp.toString(), "who?");
    assertEquals(1, r.status(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains(missing.toString()), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void theIndexFolderComesFromMsftchinaIndexUnlessGiven() {
    Path fromEnv = tmp.resolve("env-index");
    Run r = run(Map.of("MSFTCHINA_INDEX", fromEnv.toString()), "index");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains(fromEnv.toString()), r.out());
    assertTrue(Files.isDirectory(fromEnv));

    Path given = tmp.resolve("given-index");
    r = run(Map.of("MSFTCHINA_INDEX", fromEnv.toString()), "index", "--index=" + given);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains(given.toString()), r.out());
  }
}

package msftchina.cli;

import static msftchina.testing.TwoReports.CLAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import msftchina.testing.TwoReports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code msftchina reports} and {@code msftchina ask --report ID} over a library of two reports.
 */
class ReportsCommandTest {

  @TempDir static Path temp;
  private static Map<String, String> env;

  @BeforeAll
  static void library() throws Exception {
    env =
        Map.of(
            "MSFTCHINA_FACTS",
            TwoReports.copy(temp.resolve("facts")).toString(),
            "MSFTCHINA_INDEX",
            temp.resolve("index").toString());
  }

  @Test
  void reportsPrintsALineAReportWithIdDateStatementsVersionAndTitle() {
    CommandRun run = CommandRun.of(env, "reports");
    assertEquals(0, run.status(), run.err());
    List<String> lines = run.outLines();
    assertEquals(2, lines.size(), run.out());
    assertTrue(
        lines
            .get(0)
            .matches(
                "lumenbay  2026  13 statements  version [0-9a-f]{12}  "
                    + "Lumenbay's warehouse robot business"),
        lines.get(0));
    assertTrue(
        lines
            .get(1)
            .matches(
                "quarrystone  2025-11  4 statements  version [0-9a-f]{12}  "
                    + "Quarrystone's ceramic tile business"),
        lines.get(1));

    CommandRun json = CommandRun.of(env, "reports", "--json");
    assertTrue(
        json.outLines()
            .get(1)
            .matches(
                "\\{\"id\":\"quarrystone\",\"title\":\"Quarrystone's ceramic tile business\","
                    + "\"date\":\"2025-11\",\"statements\":4,\"version\":\"[0-9a-f]{12}\"}"),
        json.out());
  }

  @Test
  void askReportAnswersFromThatReportAlone() {
    CommandRun all = CommandRun.of(env, "ask", CLAY);
    assertTrue(all.out().contains("Vellara Minerals"), all.out());
    CommandRun own = CommandRun.of(env, "ask", "--report", "quarrystone", CLAY);
    assertTrue(own.out().contains("Vellara Minerals"), own.out());
    CommandRun other = CommandRun.of(env, "ask", "--report", "lumenbay", CLAY);
    assertEquals(0, other.status(), other.err());
    assertTrue(other.out().contains("doesn't say"), other.out());
    CommandRun json = CommandRun.of(env, "ask", "--json", "--report", "lumenbay", CLAY);
    assertTrue(json.out().contains("\"answers\":[]"), json.out());
  }

  @Test
  void askReportWithAnUnknownIdNamesTheReports() {
    CommandRun run = CommandRun.of(env, "ask", "--report", "acme", CLAY);
    assertEquals(2, run.status());
    assertEquals(
        "msftchina ask: --report: no report is called 'acme'; the reports are: lumenbay,"
            + " quarrystone; see 'msftchina ask --help'",
        run.err().strip());
  }
}

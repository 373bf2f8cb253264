package msftchina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import msftchina.store.Database;
import msftchina.store.StoreSettings;
import msftchina.testing.BigStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gaps} and {@code stats} on a store of 100,000 questions, two thirds of them refused with a
 * wording and reason of their own (issue 21, item 2: on a million, gaps printed 66,693 lines and
 * {@code --json} 666,666): the output is the first {@code --limit} of each list, counted by the
 * database, and says how many more there were.
 */
class BigStoreCommandsIT {

  private static final int ROWS = 100_000;

  @TempDir static Path temp;
  private static Map<String, String> env;

  @BeforeAll
  static void fill() throws Exception {
    String url = "jdbc:sqlite:" + temp.resolve("big.db");
    env = Map.of("MSFTCHINA_DB", url);
    Database.open(StoreSettings.from(env));
    try (Connection c = DriverManager.getConnection(url)) {
      BigStore.fill(c, ROWS, 29, 0);
    }
  }

  @Test
  void gapsPrintsTheFiftyMostAskedReasonsAndSaysHowManyMore() {
    CommandRun run = CommandRun.of(env, "gaps");
    assertEquals(0, run.status(), run.err());
    List<String> lines = run.outLines();
    long refused = ROWS - (ROWS + 2) / 3;
    long reasons = BigStore.reasons(ROWS);
    assertEquals(
        "Not answered in the last 30 days: "
            + refused
            + " questions, for "
            + reasons
            + " reasons: the 50 most asked",
        lines.get(0));
    assertEquals(
        "  " + BigStore.popular(ROWS) + " asked  " + BigStore.POPULAR_REASON, lines.get(1));
    // rows recorded before answers named their report's version show it as unknown
    assertEquals(
        "      " + BigStore.popular(ROWS) + "x  " + BigStore.POPULAR + "  [unknown]", lines.get(2));
    assertTrue(
        run.out().contains("  ... and " + (reasons - 50) + " more reasons (--limit N prints more)"),
        run.out());
    assertTrue(run.out().contains("Answers voted down: 500\n"), run.out());
    assertTrue(
        run.out().contains("  ... and 450 more answers voted down (--limit N prints more)"),
        run.out());
    assertTrue(lines.size() <= 1 + 50 * 4 + 1 + 1 + 1 + 50 + 1, lines.size() + " lines");
  }

  @Test
  void gapsJsonPrintsTheFirstLimitOfEachAndTellsTheRestOnStandardError() {
    CommandRun run = CommandRun.of(env, "gaps", "--json", "--limit", "5");
    assertEquals(0, run.status(), run.err());
    List<String> lines = run.outLines();
    assertEquals(10, lines.size(), run.out());
    assertEquals(
        "{\"question\": \""
            + BigStore.POPULAR
            + "\", \"asked\": "
            + BigStore.popular(ROWS)
            + ", \"reason\": \""
            + BigStore.POPULAR_REASON
            + "\", \"version\": \"unknown\"}",
        lines.get(0));
    assertTrue(
        lines.get(5).contains("\"statement\": \"msft-china-ai:1.2\", \"down\": 1"), run.out());
    long wordings = ROWS - (ROWS + 2) / 3 - BigStore.popular(ROWS) + 1;
    assertEquals(
        "gaps: "
            + (wordings - 5)
            + " more refused wordings and 495 more answers voted down not printed; --limit N"
            + " prints more",
        run.err().strip());

    CommandRun all = CommandRun.of(env, "gaps", "--json");
    assertEquals(100, all.outLines().size(), "50 and 50 by default");
    CommandRun bad = CommandRun.of(env, "gaps", "--limit", "0");
    assertEquals(2, bad.status(), bad.err());
  }

  @Test
  void statsIsCountedByTheDatabase() {
    CommandRun run = CommandRun.of(env, "stats");
    assertEquals(0, run.status(), run.err());
    long answered = (ROWS + 2) / 3;
    assertTrue(
        run.out()
            .startsWith(
                "Last 30 days: "
                    + ROWS
                    + " questions, "
                    + answered
                    + " answered ("
                    + StoreArgs.percent(answered, ROWS)
                    + ")"),
        run.out());
    assertTrue(run.out().contains("  " + answered + "  msft-china-ai:1.2  (unknown)\n"), run.out());
    assertTrue(run.out().contains("  " + answered + "  msft-china-ai:3.1  (unknown)\n"), run.out());
    assertTrue(
        run.out().contains("  unknown  " + ROWS + " questions, " + answered + " answered\n"),
        run.out());
    assertTrue(run.out().contains("Answer time: median 49 ms, p99 98 ms"), run.out());
    assertTrue(run.out().contains("Votes: up 500, down 500"), run.out());
    assertTrue(run.outLines().size() <= 40, run.out());
  }
}

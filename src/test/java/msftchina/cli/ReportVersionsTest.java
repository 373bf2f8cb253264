package msftchina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import msftchina.store.Store;
import msftchina.store.StoreSettings;
import msftchina.testing.RunningBot;
import msftchina.testing.TwoReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report replaced while questions are recorded: the answers and refusals recorded against its old
 * version stay readable in {@code gaps} and {@code stats}, each naming the version it came from.
 * The real bot over signed HTTP, a real SQLite file.
 */
class ReportVersionsTest {

  private static final String CLAY = "in:quarrystone " + TwoReports.CLAY;
  private static final String HARROW = "in:quarrystone who is Harrow Freight?";

  @TempDir Path temp;

  @Test
  void answersRecordedAgainstAReplacedReportNameTheirVersionInGapsAndStats() throws Exception {
    Path facts = TwoReports.copy(temp.resolve("facts"));
    Map<String, String> env = new HashMap<>();
    env.put("MSFTCHINA_DB", "jdbc:sqlite:" + temp.resolve("bot.db"));
    env.put("MSFTCHINA_FACTS", facts.toString());
    env.put("MSFTCHINA_INDEX", temp.resolve("index").toString());

    String before = version(env);
    askBoth(env, "a single pit");
    TwoReports.replaceQuarrystone(facts);
    String after = version(env);
    assertNotEquals(before, after, "a replaced report has another version");
    askBoth(env, "two pits");

    List<String> gaps = run(env, "gaps", "--json").lines().toList();
    for (String version : List.of(before, after)) {
      assertTrue(
          gaps.stream()
              .anyMatch(
                  l ->
                      l.startsWith("{\"question\": \"" + HARROW + "\", \"asked\": 1")
                          && l.endsWith("\"version\": \"quarrystone " + version + "\"}")),
          String.join("\n", gaps));
    }
    String text = run(env, "gaps");
    assertTrue(text.contains("1x  " + HARROW + "  [quarrystone " + before + "]"), text);
    assertTrue(text.contains("1x  " + HARROW + "  [quarrystone " + after + "]"), text);

    String stats = run(env, "stats", "--since", "1d");
    assertTrue(stats.contains("1  quarrystone:1.2  (quarrystone " + before + ")"), stats);
    assertTrue(stats.contains("1  quarrystone:1.2  (quarrystone " + after + ")"), stats);
    assertTrue(stats.contains("  quarrystone " + before + "  2 questions, 1 answered"), stats);
    assertTrue(stats.contains("  quarrystone " + after + "  2 questions, 1 answered"), stats);
  }

  /** Asks the clay question (answered with {@code figure}) and Harrow's (refused) of a new bot. */
  private void askBoth(Map<String, String> env, String figure) throws Exception {
    try (RunningBot bot =
        RunningBot.start(
            Path.of(env.get("MSFTCHINA_FACTS")),
            Path.of(env.get("MSFTCHINA_INDEX")),
            Store.open(StoreSettings.from(env)))) {
      String clay = slash(bot, CLAY);
      assertTrue(clay.contains(figure), clay);
      assertTrue(slash(bot, HARROW).contains("doesn't say"), "refused");
    }
  }

  private static String slash(RunningBot bot, String text) throws Exception {
    HttpResponse<String> r = bot.slashCommand(text);
    assertEquals(200, r.statusCode(), r.body());
    return JsonParser.parseString(r.body()).getAsJsonObject().get("text").getAsString();
  }

  /** Returns the second report's version, as {@code msftchina reports --json} prints it. */
  private static String version(Map<String, String> env) {
    String line = run(env, "reports", "--json").lines().toList().get(1);
    return JsonParser.parseString(line).getAsJsonObject().get("version").getAsString();
  }

  private static String run(Map<String, String> env, String... args) {
    CommandRun run = CommandRun.of(env, args);
    assertEquals(0, run.status(), run.err());
    return run.out();
  }
}

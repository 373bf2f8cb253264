package msftchina.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import msftchina.app.Stats;
import msftchina.app.UsageReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code msftchina stats}: how the bot was used. */
@Command(
    name = "stats",
    header = "questions per day and surface, answer rate, statements shown, answer times",
    description =
        "Reads what serve recorded (MSFTCHINA_DB, default data/msftchina.db) since --since:"
            + " questions per day and surface, the answer rate, the statements most shown, the"
            + " median and 99th percentile answer time, the votes, and the records dropped while"
            + " the database was slow or gone.")
final class StatsCommand extends Subcommand {

  @Mixin private StoreArgs store;

  @Override
  public Integer call() throws Exception {
    Stats stats;
    try (UsageReader usage = store.open(console().env())) {
      stats = usage.stats(store.fromMillis());
    }
    print(stats, store.since, console().out());
    return 0;
  }

  private static void print(Stats s, Duration since, PrintStream out) {
    out.println(
        "Last "
            + StoreArgs.describe(since)
            + ": "
            + s.questions()
            + " questions, "
            + s.answered()
            + " answered ("
            + StoreArgs.percent(s.answered(), s.questions())
            + ")");
    out.println("Questions per day and surface:");
    for (Map.Entry<LocalDate, Map<String, Long>> day : s.perDay().entrySet()) {
      out.println(
          "  "
              + day.getKey()
              + "  "
              + day.getValue().entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue())
                  .collect(Collectors.joining("  ")));
    }
    out.println("Statements most shown:");
    for (Stats.Shown shown : s.shown()) {
      out.printf(
          "  %d  %s%s%n",
          shown.times(), shown.statement(), StoreArgs.version("  (%s)", shown.version()));
    }
    out.println("Answered from (report and version):");
    for (Stats.Version v : s.versions()) {
      out.println(
          "  " + v.version() + "  " + v.questions() + " questions, " + v.answered() + " answered");
    }
    out.println(
        "Answer time: "
            + (s.medianMillis() < 0
                ? "not recorded"
                : "median " + s.medianMillis() + " ms, p99 " + s.p99Millis() + " ms"));
    out.println("Votes: up " + s.up() + ", down " + s.down());
    out.println("Records dropped (database slow or gone): " + s.dropped());
  }
}

package msftchina.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import msftchina.store.Stats;

/** {@code msftchina stats}: how the bot was used. */
final class StatsCommand implements Command {

  private static final String USAGE = "msftchina stats [--since 30d]";

  @Override
  public String name() {
    return "stats";
  }

  @Override
  public String summary() {
    return "questions per day and surface, answer rate, statements shown, answer times";
  }

  @Override
  public String help() {
    return "usage: "
        + USAGE
        + "\n\n"
        + "Reads what serve recorded (MSFTCHINA_DB, default data/msftchina.db) since --since\n"
        + "(30d by default; also 12h, 2w): questions per day and surface, the answer rate, the\n"
        + "statements most shown, the median and 99th percentile answer time, the votes, and\n"
        + "the records dropped while the database was slow or gone.\n";
  }

  @Override
  public int run(List<String> args, Console console) throws Exception {
    Duration since = StoreArgs.since(args, USAGE);
    Options options = Options.parse(args, console.env(), USAGE);
    if (!options.words.isEmpty()) {
      throw new UsageException(
          "unexpected argument '" + options.words.get(0) + "'; usage: " + USAGE);
    }
    Stats stats;
    try (Connection c = StoreArgs.connect(console.env())) {
      stats = Stats.read(c, System.currentTimeMillis() - since.toMillis());
    }
    print(stats, since, console.out());
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
      out.println("  " + shown.times() + "  " + shown.statement());
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

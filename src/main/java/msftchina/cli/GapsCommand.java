package msftchina.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import msftchina.store.Gaps;

/** {@code msftchina gaps}: what the report didn't answer, and the answers voted down. */
final class GapsCommand implements Command {

  private static final String USAGE = "msftchina gaps [--since 30d] [--json]";
  private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

  @Override
  public String name() {
    return "gaps";
  }

  @Override
  public String summary() {
    return "what the report didn't answer, and the answers voted down";
  }

  @Override
  public String help() {
    return "usage: "
        + USAGE
        + "\n\n"
        + "Reads what serve recorded (MSFTCHINA_DB, default data/msftchina.db) since --since\n"
        + "(30d by default; also 12h, 2w): the questions the report didn't answer, grouped by\n"
        + "what was missing, most asked first, with example wordings; then the answers voted\n"
        + "down, with the question and the statement.\n"
        + "--json prints one object a line:\n"
        + "  {\"question\": \"...\", \"asked\": N, \"reason\": \"...\"}              for refusals\n"
        + "  {\"question\": \"...\", \"statement\": \"ID\", \"down\": N, \"up\": N}  for votes\n";
  }

  @Override
  public int run(List<String> args, Console console) throws Exception {
    Duration since = StoreArgs.since(args, USAGE);
    Options options = Options.parse(args, console.env(), USAGE, "--json");
    if (!options.words.isEmpty()) {
      throw new UsageException(
          "unexpected argument '" + options.words.get(0) + "'; usage: " + USAGE);
    }
    Gaps gaps;
    try (Connection c = StoreArgs.connect(console.env())) {
      gaps = Gaps.read(c, System.currentTimeMillis() - since.toMillis());
    }
    if (options.has("--json")) {
      printJson(gaps, console.out());
    } else {
      printText(gaps, since, console.out());
    }
    return 0;
  }

  private static void printJson(Gaps gaps, PrintStream out) {
    for (Gaps.Refused r : gaps.refused()) {
      out.println(
          "{\"question\": "
              + JSON.toJson(r.question())
              + ", \"asked\": "
              + r.asked()
              + ", \"reason\": "
              + JSON.toJson(r.reason())
              + "}");
    }
    for (Gaps.VotedDown v : gaps.votedDown()) {
      out.println(
          "{\"question\": "
              + JSON.toJson(v.question())
              + ", \"statement\": "
              + JSON.toJson(v.statement())
              + ", \"down\": "
              + v.down()
              + ", \"up\": "
              + v.up()
              + "}");
    }
  }

  private static void printText(Gaps gaps, Duration since, PrintStream out) {
    Map<String, Long> byReason = gaps.byReason();
    long total = byReason.values().stream().mapToLong(Long::longValue).sum();
    out.println(
        "Not answered in the last "
            + StoreArgs.describe(since)
            + ": "
            + total
            + (total == 1 ? " question" : " questions"));
    for (Map.Entry<String, Long> reason : byReason.entrySet()) {
      out.println("  " + reason.getValue() + " asked  " + reason.getKey());
      gaps.refused().stream()
          .filter(r -> r.reason().equals(reason.getKey()) && !r.question().isEmpty())
          .limit(3)
          .forEach(r -> out.println("      " + r.asked() + "x  " + r.question()));
    }
    out.println();
    out.println("Answers voted down: " + gaps.votedDown().size());
    for (Gaps.VotedDown v : gaps.votedDown()) {
      out.println(
          "  down "
              + v.down()
              + "  up "
              + v.up()
              + "  "
              + v.statement()
              + (v.question().isEmpty() ? "" : "  asked: " + v.question()));
    }
  }
}

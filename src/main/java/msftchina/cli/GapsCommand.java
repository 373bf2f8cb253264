package msftchina.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import msftchina.store.Gaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code msftchina gaps}: what the report didn't answer, and the answers voted down. */
@Command(
    name = "gaps",
    header = "what the report didn't answer, and the answers voted down",
    description =
        "Reads what serve recorded (MSFTCHINA_DB, default data/msftchina.db) since --since: the"
            + " questions the report didn't answer, grouped by what was missing, most asked first,"
            + " with example wordings; then the answers voted down, with the question and the"
            + " statement.",
    footer = {
      "%n--json prints one object a line:",
      "  {\"question\": \"...\", \"asked\": N, \"reason\": \"...\"}              for refusals",
      "  {\"question\": \"...\", \"statement\": \"ID\", \"down\": N, \"up\": N}  for votes"
    })
final class GapsCommand extends Subcommand {

  private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

  @Mixin private StoreArgs store;

  @Option(names = "--json", description = "print one JSON object a line (below)")
  private boolean json;

  GapsCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() throws Exception {
    Gaps gaps;
    try (Connection c = store.connect(console.env())) {
      gaps = Gaps.read(c, store.fromMillis());
    }
    if (json) {
      printJson(gaps, console.out());
    } else {
      printText(gaps, store.since, console.out());
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

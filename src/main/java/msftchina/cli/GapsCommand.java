package msftchina.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.time.Duration;
import msftchina.app.Gaps;
import msftchina.app.UsageReader;
import msftchina.app.Wording;
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
            + " statement. The database counts them; only the first --limit of each are printed,"
            + " with how many more there were.",
    footer = {
      "%n--json prints one object a line (the first --limit refused wordings, then the first"
          + " --limit answers voted down; how many more there were goes to standard error):",
      "  {\"question\": \"...\", \"asked\": N, \"reason\": \"...\"}              for refusals",
      "  {\"question\": \"...\", \"statement\": \"ID\", \"down\": N, \"up\": N}  for votes"
    })
final class GapsCommand extends Subcommand {

  private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

  @Mixin private StoreArgs store;

  @Option(names = "--json", description = "print one JSON object a line (below)")
  private boolean json;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "" + Gaps.DEFAULT_LIMIT,
      description =
          "print the N most asked reasons (with --json: wordings) and the N answers most voted"
              + " down (default ${DEFAULT-VALUE})")
  private int limit;

  @Override
  public Integer call() throws Exception {
    atLeast("--limit", limit, 1);
    try (UsageReader usage = store.open(console().env())) {
      Gaps gaps = usage.gaps(store.fromMillis(), limit);
      if (json) {
        printJson(gaps, console().out());
        long refused = gaps.refusedRows() - gaps.refused().size();
        long down = gaps.votedDownRows() - gaps.votedDown().size();
        if (refused > 0 || down > 0) {
          console()
              .err()
              .println(
                  "gaps: "
                      + refused
                      + " more refused wordings and "
                      + down
                      + " more answers voted down not printed; --limit N prints more");
        }
      } else {
        printText(usage.reasons(store.fromMillis(), limit), gaps, store.since, console().out());
      }
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
              + JSON.toJson(Wording.ENGLISH.reason(r.reason(), r.missing()))
              + (r.version().isEmpty() ? "" : ", \"version\": " + JSON.toJson(r.version()))
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

  private static void printText(Gaps.Reasons reasons, Gaps gaps, Duration since, PrintStream out) {
    out.println(
        "Not answered in the last "
            + StoreArgs.describe(since)
            + ": "
            + reasons.total()
            + (reasons.total() == 1 ? " question" : " questions")
            + (reasons.reasons() > reasons.top().size()
                ? ", for "
                    + reasons.reasons()
                    + " reasons: the "
                    + reasons.top().size()
                    + " most asked"
                : ""));
    for (Gaps.ReasonCount reason : reasons.top()) {
      out.println(
          "  "
              + reason.asked()
              + " asked  "
              + Wording.ENGLISH.reason(reason.reason(), reason.missing()));
      for (Gaps.Refused r : reason.examples()) {
        out.printf(
            "      %dx  %s%s%n", r.asked(), r.question(), StoreArgs.version("  [%s]", r.version()));
      }
    }
    more(out, reasons.reasons() - reasons.top().size(), "reasons");
    out.println();
    out.println("Answers voted down: " + gaps.votedDownRows());
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
    more(out, gaps.votedDownRows() - gaps.votedDown().size(), "answers voted down");
  }

  private static void more(PrintStream out, long more, String what) {
    if (more > 0) {
      out.println("  ... and " + more + " more " + what + " (--limit N prints more)");
    }
  }
}

package msftchina.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import msftchina.app.Wording;
import msftchina.search.KnowledgeBase;
import msftchina.search.ReportInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code msftchina reports}: lists the reports the bot answers from. */
@Command(
    name = "reports",
    header = "list the reports: id, date, statements, version and title",
    description =
        "Prints one line a report, by id: the id (what 'ask --report ID' and '/msftchina in:ID'"
            + " name), its date, how many statements it holds, its version (the first 12 hex"
            + " characters of its facts' hash: a replaced report has another) and its title.",
    footer = {
      "%n--json prints one JSON object a line:",
      "  {\"id\": \"...\", \"title\": \"...\", \"date\": \"...\", \"statements\": 12,"
          + " \"version\": \"...\"}",
      "%nExit status: 0; 2 for usage errors; 1 when the facts can't be read."
    })
final class ReportsCommand extends Subcommand {

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  @Option(names = "--json", description = "print one JSON object a line (below)")
  private boolean json;

  @Mixin private FactsAndIndex folders;

  @Override
  public Integer call() throws Exception {
    try (KnowledgeBase kb = folders.open(console())) {
      for (ReportInfo r : kb.catalog()) {
        console()
            .out()
            .println(
                json
                    ? toJson(r)
                    : Wording.ENGLISH.say(
                        "reportText", r.title(), r.id(), r.date(), r.statements(), r.version()));
      }
    }
    return 0;
  }

  private static String toJson(ReportInfo r) {
    JsonObject o = new JsonObject();
    o.addProperty("id", r.id());
    o.addProperty("title", r.title());
    o.addProperty("date", r.date());
    o.addProperty("statements", r.statements());
    o.addProperty("version", r.version());
    return GSON.toJson(o);
  }
}

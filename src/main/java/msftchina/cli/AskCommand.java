package msftchina.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import msftchina.app.AskService;
import msftchina.app.Scope;
import msftchina.app.Wording;
import msftchina.facts.Fact;
import msftchina.search.Answer;
import msftchina.search.KnowledgeBase;
import msftchina.search.Lookup;
import msftchina.search.Match;
import msftchina.search.ReportInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code msftchina ask}: prints what the bot would answer to a question. */
@Command(
    name = "ask",
    header = "answer a question from the report, as the bot would",
    description =
        "Prints the report's best-matching statements (at most 3), their citations and the"
            + " report's name, or a line saying the report doesn't cover the question.",
    footer = {
      "%n--json prints one JSON object:",
      "  {\"question\": \"...\", \"answers\": [{\"id\": \"...\", \"text\": \"...\",",
      "   \"citations\": [1, 2], \"report\": \"...\", \"score\": 1.23}],",
      "   \"strength\": \"strong match\", \"coverage\": 0.92}",
      "a refusal has \"answers\": [] and \"refusal\": the sentence users are shown",
      "(\"The report doesn't say ...\"), and \"related\": the statements closest to it when the",
      "report names what is asked about but not the detail asked, in the shape of \"answers\"",
      "(else []). With --find:",
      "  {\"find\": \"...\", \"statements\": [{\"id\": \"...\", \"text\": \"...\",",
      "   \"citations\": [1, 2], \"report\": \"...\"}]}",
      "%nExit status: 0 whether answered or not; 2 for usage errors; 1 when the facts can't be"
          + " read."
    })
final class AskCommand extends Subcommand {

  private static final Gson GSON = new com.google.gson.GsonBuilder().disableHtmlEscaping().create();

  @Option(
      names = "--json",
      description =
          "print one JSON object (below); with no question, read questions from standard input,"
              + " one a line, and print one JSON object a line for each, in order")
  private boolean json;

  @Option(
      names = "--find",
      description =
          "look statements up instead: every statement matching the words, in report order"
              + " (\"a phrase\", -exclude, prefix*, a | b)")
  private boolean find;

  @Option(
      names = "--report",
      paramLabel = "ID",
      description =
          "answer from this report alone (an id 'msftchina reports' lists), as /msftchina in:ID")
  private String report;

  @Mixin private FactsAndIndex folders;

  @Parameters(paramLabel = "QUESTION", description = "the question, or with --find the words")
  private List<String> words = new ArrayList<>();

  AskCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() throws Exception {
    String text = freeText(words);
    if (find) {
      return find(text);
    }
    boolean fromStdin = words.isEmpty();
    if (fromStdin && !json) {
      throw usageError("give a question, or --json to read questions from standard input");
    }
    try (KnowledgeBase kb = open()) {
      AskService service = AskService.uncounted(kb);
      ReportInfo only = report == null ? null : only(service);
      if (!fromStdin) {
        Answer answer = answer(service, only, text);
        console.out().println(json ? toJson(answer) : toText(answer, kb.examples(), bold()));
        return 0;
      }
      BufferedReader in =
          new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        console.out().println(toJson(answer(service, only, line)));
        console.out().flush();
      }
      return 0;
    }
  }

  /** Returns the report {@code --report} names, or fails naming the reports there are. */
  private ReportInfo only(AskService service) {
    return service
        .report(report)
        .orElseThrow(
            () ->
                usageError(
                    "--report: no report is called '"
                        + report
                        + "'; the reports are: "
                        + service.reports().stream()
                            .map(ReportInfo::id)
                            .collect(Collectors.joining(", "))));
  }

  /**
   * Returns the answer to {@code text}, from {@code only} when not null (else as the bot would).
   */
  private static Answer answer(AskService service, ReportInfo only, String text) {
    return only == null
        ? service.answer(text)
        : service.answer(new Scope(text, only, false, null)).to(text);
  }

  private int find(String text) throws IOException {
    if (words.isEmpty()) {
      throw usageError("--find needs words to look up");
    }
    return FindCommand.print(console, folders, text, json);
  }

  private KnowledgeBase open() throws IOException {
    return KnowledgeBase.open(
        folders.facts(console.env()), folders.index(console.env()), console.err()::println);
  }

  /**
   * Returns {@code found} as the one-line JSON object of the {@code ask --json --find} contract.
   */
  static String toJson(Lookup.Found found) {
    JsonObject o = new JsonObject();
    o.addProperty("find", found.words());
    JsonArray statements = new JsonArray();
    for (Fact fact : found.statements()) {
      JsonObject a = new JsonObject();
      a.addProperty("id", fact.id());
      a.addProperty("text", fact.text());
      JsonArray citations = new JsonArray();
      fact.citations().forEach(citations::add);
      a.add("citations", citations);
      a.addProperty("report", fact.report());
      statements.add(a);
    }
    o.add("statements", statements);
    return GSON.toJson(o);
  }

  /** Returns {@code found} as plain text, one statement a line with its citations. */
  static String toText(Lookup.Found found) {
    if (found.statements().isEmpty()) {
      return "No statement in the report matches " + found.words() + ".";
    }
    StringBuilder s = new StringBuilder();
    s.append(found.statements().size())
        .append(" statement(s) with ")
        .append(found.words())
        .append(", in report order:\n");
    for (Fact fact : found.statements()) {
      s.append("- ")
          .append(fact.text())
          .append(' ')
          .append(fact.citationLabel())
          .append("\n  ")
          .append(fact.report())
          .append(" (")
          .append(fact.id())
          .append(")\n");
    }
    return s.toString().stripTrailing();
  }

  /** Returns {@code answer} as the one-line JSON object of the {@code ask --json} contract. */
  static String toJson(Answer answer) {
    JsonObject o = new JsonObject();
    o.addProperty("question", answer.question());
    o.add("answers", toJson(answer.matches()));
    o.addProperty("strength", answer.strength().label());
    o.addProperty("coverage", Math.round(answer.coverage() * 100) / 100.0);
    if (!answer.answered()) {
      o.addProperty("refusal", Wording.forText(answer.question()).refusal(answer));
      o.add("related", toJson(answer.related()));
    }
    return GSON.toJson(o);
  }

  private static JsonArray toJson(List<Match> matches) {
    JsonArray array = new JsonArray();
    for (Match match : matches) {
      JsonObject a = new JsonObject();
      a.addProperty("id", match.fact().id());
      a.addProperty("text", match.fact().text());
      JsonArray citations = new JsonArray();
      match.fact().citations().forEach(citations::add);
      a.add("citations", citations);
      a.addProperty("report", match.fact().report());
      a.addProperty("score", Math.round(match.score() * 10000) / 10000.0);
      array.add(a);
    }
    return array;
  }

  /**
   * Returns {@code answer} as plain text, matched words between {@code bold[0]} and {@code
   * bold[1]}.
   */
  static String toText(Answer answer, List<String> examples, String[] bold) {
    StringBuilder s = new StringBuilder();
    if (!answer.answered()) {
      Wording labels = Wording.forText(answer.question());
      s.append(labels.refusal(answer)).append('\n');
      if (!answer.related().isEmpty()) {
        s.append(labels.say("closest")).append('\n');
        appendMatches(s, answer.related(), bold);
      } else if (!examples.isEmpty()) {
        s.append(labels.say("tryAsking")).append('\n');
        examples.stream().limit(3).forEach(e -> s.append("  - ").append(e).append('\n'));
      }
      return s.toString().stripTrailing();
    }
    if (answer.strength() == Answer.Strength.PARTIAL) {
      s.append("(")
          .append(answer.strength().label())
          .append(": the report covers only part of the question)\n");
    }
    appendMatches(s, answer.matches(), bold);
    return s.toString().stripTrailing();
  }

  private static void appendMatches(StringBuilder s, List<Match> matches, String[] bold) {
    int n = 1;
    for (Match match : matches) {
      s.append(n++)
          .append(". ")
          .append(match.marked(bold[0], bold[1], t -> t))
          .append(' ')
          .append(match.fact().citationLabel())
          .append('\n');
      s.append("   ")
          .append(match.fact().report())
          .append(String.format(" (%s, score %.2f)%n", match.fact().id(), match.score()));
    }
  }

  /** Returns the marks for matched words: terminal bold on a console, asterisks elsewhere. */
  // On Java 17, the release this is built for, System.console() is null exactly when standard
  // input or output is not a terminal, which is what this asks.
  @SuppressWarnings("SystemConsoleNull")
  private static String[] bold() {
    return System.console() != null ? new String[] {"\033[1m", "\033[0m"} : new String[] {"*", "*"};
  }
}

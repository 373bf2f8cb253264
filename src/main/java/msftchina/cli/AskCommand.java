package msftchina.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import msftchina.app.AskService;
import msftchina.app.Scope;
import msftchina.search.Answer;
import msftchina.search.KnowledgeBase;
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

  @Override
  public Integer call() throws Exception {
    if (find) {
      return find();
    }
    String text = freeText(words);
    boolean fromStdin = words.isEmpty();
    if (fromStdin && !json) {
      throw usageError("give a question, or --json to read questions from standard input");
    }
    try (KnowledgeBase kb = folders.open(console())) {
      AskService service = AskService.uncounted(kb);
      ReportInfo only = report == null ? null : only(service);
      if (fromStdin) {
        answerEachLine(service, only);
      } else {
        Answer answer = answer(service, only, text);
        console()
            .out()
            .println(
                json
                    ? AnswerFormat.toJson(answer)
                    : AnswerFormat.toText(answer, kb.examples(), AnswerFormat.bold()));
      }
      return 0;
    }
  }

  /** Answers each line of standard input, printing one JSON object a line, in order. */
  private void answerEachLine(AskService service, ReportInfo only) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(console().in(), StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      console().out().println(AnswerFormat.toJson(answer(service, only, line)));
      console().out().flush();
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

  /** {@code ask --find}: as {@code find}. */
  private int find() throws IOException {
    if (words.isEmpty()) {
      throw usageError("--find needs words to look up");
    }
    return FindCommand.print(console(), folders, freeText(words), json);
  }
}

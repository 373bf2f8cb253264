package msftchina.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import msftchina.app.AskService;
import msftchina.search.KnowledgeBase;
import msftchina.search.Lookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code msftchina find}: lists every statement with some words, as {@code /msftchina find}. */
@Command(
    name = "find",
    header = "list every statement with some words, in report order (same as ask --find)",
    description =
        "Looks the words up in the report's statements and prints every statement that has them,"
            + " in report order, with its citations: \"a phrase\", -exclude, prefix*, a | b"
            + " (Lucene's simple query syntax; any input is safe).",
    footer = {
      "%n--json prints one JSON object:",
      "  {\"find\": \"...\", \"statements\": [{\"id\": \"...\", \"text\": \"...\",",
      "   \"citations\": [1, 2], \"report\": \"...\"}]}",
      "%nExit status: 0 whether found or not; 2 for usage errors; 1 when the facts can't be read."
    })
final class FindCommand extends Subcommand {

  @Option(names = "--json", description = "print one JSON object (below)")
  private boolean json;

  @Mixin private FactsAndIndex folders;

  @Parameters(paramLabel = "WORDS", description = "the words to look up")
  private List<String> words = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    String text = freeText(words);
    if (text.isBlank()) {
      throw usageError("give the words to look up, for example: find ByteDance");
    }
    return print(console(), folders, text, json);
  }

  /** Looks {@code text} up and prints the statements found, as JSON when {@code json}. */
  static int print(Console console, FactsAndIndex folders, String text, boolean json)
      throws IOException {
    try (KnowledgeBase kb = folders.open(console)) {
      Lookup.Found found = AskService.uncounted(kb).lookup().find(text);
      console.out().println(json ? AnswerFormat.toJson(found) : AnswerFormat.toText(found));
      return 0;
    }
  }
}

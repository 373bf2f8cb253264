package msftchina.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import msftchina.facts.Fact;
import msftchina.search.Answer;
import msftchina.search.KnowledgeBase;
import msftchina.search.Lookup;
import msftchina.search.Match;
import msftchina.search.Refusal;

/** {@code msftchina ask}: prints what the bot would answer to a question. */
final class AskCommand implements Command {

  private static final String USAGE =
      "msftchina ask [--json] [--find] [--facts DIR] [--index DIR] \"question\"";
  private static final Gson GSON = new com.google.gson.GsonBuilder().disableHtmlEscaping().create();

  @Override
  public String name() {
    return "ask";
  }

  @Override
  public String summary() {
    return "answer a question from the report, as the bot would";
  }

  @Override
  public String help() {
    return "usage: "
        + USAGE
        + "\n\n"
        + "Prints the report's best-matching statements (at most 3), their citations and the\n"
        + "report's name, or a line saying the report doesn't cover the question.\n\n"
        + "  --json         print one JSON object:\n"
        + "                 {\"question\": \"...\", \"answers\": [{\"id\": \"...\", \"text\": \"...\",\n"
        + "                  \"citations\": [1, 2], \"report\": \"...\", \"score\": 1.23}],\n"
        + "                  \"strength\": \"strong match\", \"coverage\": 0.92}; a refusal has \"answers\": [] and\n"
        + "                 \"refusal\": the sentence users are shown (\"The report doesn't say ...\").\n"
        + "                 With --json and no question, read questions from standard input,\n"
        + "                 one a line, and print one JSON object a line for each, in order.\n"
        + "  --find         look statements up instead: every statement matching the words, in\n"
        + "                 report order (\"a phrase\", -exclude, prefix*, a | b); with --json:\n"
        + "                 {\"find\": \"...\", \"statements\": [{\"id\": \"...\", \"text\": \"...\",\n"
        + "                  \"citations\": [1, 2], \"report\": \"...\"}]}\n"
        + "  --facts DIR    the reports and facts (default: facts, or $MSFTCHINA_FACTS)\n"
        + "  --index DIR    the index, rebuilt when missing or stale (default: index, or $MSFTCHINA_INDEX)\n\n"
        + "Exit status: 0 whether answered or not; 2 for usage errors; 1 when the facts can't be read.\n";
  }

  @Override
  public int run(List<String> args, Console console) throws Exception {
    Options options = Options.parse(args, console.env(), USAGE, "--json", "--find");
    boolean json = options.has("--json");
    if (options.has("--find")) {
      return find(options, json, console);
    }
    String question = String.join(" ", options.words);
    boolean fromStdin = options.words.isEmpty();
    if (fromStdin && !json) {
      throw new UsageException(
          "give a question, or --json to read questions from standard input; usage: " + USAGE);
    }
    try (KnowledgeBase kb =
        KnowledgeBase.open(options.facts, options.index, console.err()::println)) {
      if (!fromStdin) {
        console
            .out()
            .println(
                json ? toJson(kb.ask(question)) : toText(kb.ask(question), kb.examples(), bold()));
        return 0;
      }
      BufferedReader in =
          new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        console.out().println(toJson(kb.ask(line)));
        console.out().flush();
      }
      return 0;
    }
  }

  private static int find(Options options, boolean json, Console console) throws Exception {
    if (options.words.isEmpty()) {
      throw new UsageException("--find needs words to look up; usage: " + USAGE);
    }
    String words = String.join(" ", options.words);
    try (KnowledgeBase kb =
        KnowledgeBase.open(options.facts, options.index, console.err()::println)) {
      Lookup.Found found = new Lookup(kb.indexes()).find(words);
      console.out().println(json ? toJson(found) : toText(found));
      return 0;
    }
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
    JsonArray answers = new JsonArray();
    for (Match match : answer.matches()) {
      JsonObject a = new JsonObject();
      a.addProperty("id", match.fact().id());
      a.addProperty("text", match.fact().text());
      JsonArray citations = new JsonArray();
      match.fact().citations().forEach(citations::add);
      a.add("citations", citations);
      a.addProperty("report", match.fact().report());
      a.addProperty("score", Math.round(match.score() * 10000) / 10000.0);
      answers.add(a);
    }
    o.add("answers", answers);
    o.addProperty("strength", answer.strength().label());
    o.addProperty("coverage", Math.round(answer.coverage() * 100) / 100.0);
    if (!answer.answered()) {
      o.addProperty("refusal", Refusal.sentence(answer));
    }
    return GSON.toJson(o);
  }

  /**
   * Returns {@code answer} as plain text, matched words between {@code bold[0]} and {@code
   * bold[1]}.
   */
  static String toText(Answer answer, List<String> examples, String[] bold) {
    StringBuilder s = new StringBuilder();
    if (!answer.answered()) {
      s.append(Refusal.sentence(answer)).append('\n');
      if (!examples.isEmpty()) {
        s.append("Try asking:\n");
        examples.stream().limit(3).forEach(e -> s.append("  - ").append(e).append('\n'));
      }
      return s.toString().stripTrailing();
    }
    if (answer.strength() == Answer.Strength.PARTIAL) {
      s.append("(")
          .append(answer.strength().label())
          .append(": the report covers only part of the question)\n");
    }
    int n = 1;
    for (Match match : answer.matches()) {
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
    return s.toString().stripTrailing();
  }

  /** Returns the marks for matched words: terminal bold on a console, asterisks elsewhere. */
  // On Java 17, the release this is built for, System.console() is null exactly when standard
  // input or output is not a terminal, which is what this asks.
  @SuppressWarnings("SystemConsoleNull")
  private static String[] bold() {
    return System.console() != null ? new String[] {"\033[1m", "\033[0m"} : new String[] {"*", "*"};
  }
}

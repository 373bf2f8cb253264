package msftchina.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import msftchina.app.Wording;
import msftchina.facts.Fact;
import msftchina.search.Answer;
import msftchina.search.Lookup;
import msftchina.search.Match;

/**
 * How {@code ask} and {@code find} print what they found: the plain text a person reads, and the
 * one-line JSON objects of their {@code --json} contracts.
 */
final class AnswerFormat {

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private AnswerFormat() {}

  /**
   * Returns {@code found} as the one-line JSON object of the {@code ask --json --find} contract.
   */
  static String toJson(Lookup.Found found) {
    JsonObject o = new JsonObject();
    o.addProperty("find", found.words());
    JsonArray statements = new JsonArray();
    for (Fact fact : found.statements()) {
      statements.add(statement(fact));
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
      JsonObject a = statement(match.fact());
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

  /** Returns {@code fact} as the JSON object both contracts list: id, text, citations, report. */
  private static JsonObject statement(Fact fact) {
    JsonObject a = new JsonObject();
    a.addProperty("id", fact.id());
    a.addProperty("text", fact.text());
    JsonArray citations = new JsonArray();
    fact.citations().forEach(citations::add);
    a.add("citations", citations);
    a.addProperty("report", fact.report());
    return a;
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
  static String[] bold() {
    return System.console() != null ? new String[] {"\033[1m", "\033[0m"} : new String[] {"*", "*"};
  }
}

package msftchina.eval;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import msftchina.facts.FactsFormatException;
import msftchina.facts.TextFile;

/**
 * A question of the evaluation set, with the facts that answer it (none for a question the report
 * doesn't cover).
 *
 * @param question the question, as a user would type it
 * @param expected the ids of the facts that answer it; empty when the bot should refuse
 * @param part the part of the set it belongs to, e.g. "tuning" or "held-out"
 * @param kind what the question tests, e.g. "paraphrase", "typo", "off-topic"
 */
public record EvalQuestion(String question, List<String> expected, String part, String kind) {

  public EvalQuestion {
    expected = List.copyOf(expected);
  }

  /** Returns whether the report should answer this question. */
  public boolean answerable() {
    return !expected.isEmpty();
  }

  /**
   * Returns whether the report doesn't answer the question, though it is about the report's people,
   * companies or events (its kind says "near": "near", "near_topic"); any other unanswerable
   * question is off-topic.
   */
  public boolean nearTopic() {
    return !answerable() && kind.contains("near");
  }

  /** Reads an evaluation set: JSON Lines of {@code {"question", "expect", "part", "kind"}}. */
  public static List<EvalQuestion> read(Path file) throws IOException {
    List<String> lines = TextFile.lines(file);
    List<EvalQuestion> questions = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        JsonObject o = JsonParser.parseString(lines.get(i)).getAsJsonObject();
        List<String> expected = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("expect")) {
          expected.add(e.getAsString());
        }
        String part = o.has("part") ? o.get("part").getAsString() : "tuning";
        String kind = o.has("kind") ? o.get("kind").getAsString() : "";
        questions.add(new EvalQuestion(o.get("question").getAsString(), expected, part, kind));
      } catch (JsonParseException
          | IllegalStateException
          | NullPointerException
          | UnsupportedOperationException e) {
        throw new FactsFormatException(
            file,
            i + 1,
            "expected {\"question\": \"...\", \"expect\": [\"fact id\"], \"part\": \"...\"}");
      }
    }
    return questions;
  }
}

package msftchina.facts;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads and writes a facts file: JSON Lines, one fact an object, in reading order. */
public final class FactsFile {

  /** The name of a report's facts file in its folder of {@code facts/}. */
  public static final String FILE_NAME = "facts.jsonl";

  /** The largest facts file read: 8 MiB, some 36,000 statements, far more than a report holds. */
  public static final long MAX_BYTES = 8L << 20;

  private static final Gson GSON = new com.google.gson.GsonBuilder().disableHtmlEscaping().create();

  private FactsFile() {}

  /** Writes {@code facts} to {@code file}, one JSON object a line. */
  public static void write(Path file, List<Fact> facts) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(toJsonLines(facts));
    }
  }

  /** Returns {@code facts} as the text of a facts file. */
  public static String toJsonLines(List<Fact> facts) {
    StringBuilder out = new StringBuilder();
    for (Fact fact : facts) {
      JsonObject o = new JsonObject();
      o.addProperty("id", fact.id());
      o.addProperty("report", fact.report());
      o.addProperty("paragraph", fact.paragraph());
      o.addProperty("position", fact.position());
      o.addProperty("text", fact.text());
      JsonArray citations = new JsonArray();
      fact.citations().forEach(citations::add);
      o.add("citations", citations);
      o.add("gives", toJson(fact.gives()));
      out.append(GSON.toJson(o)).append('\n');
    }
    return out.toString();
  }

  /** Returns the facts in {@code file}, or throws with {@code file:line: what is wrong}. */
  public static List<Fact> read(Path file) throws IOException {
    checkSize(file);
    List<String> lines = TextFile.lines(file);
    List<Fact> facts = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      Fact fact = parse(file, i + 1, lines.get(i));
      if (!ids.add(fact.id())) {
        throw new FactsFormatException(file, i + 1, "duplicate fact id '" + fact.id() + "'");
      }
      facts.add(fact);
    }
    return facts;
  }

  /** Throws, naming the limit, when {@code file} is over {@link #MAX_BYTES}; reads nothing. */
  static void checkSize(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new FactsFormatException(
          file,
          String.format(
              "the file is %.1f MiB, over the %d MiB a facts file may be; split the report",
              size / 1048576.0, MAX_BYTES >> 20));
    }
  }

  private static Fact parse(Path file, int line, String json) {
    JsonObject o;
    try {
      JsonElement element = JsonParser.parseString(json);
      if (!element.isJsonObject()) {
        throw new FactsFormatException(file, line, "expected one JSON object a line");
      }
      o = element.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new FactsFormatException(file, line, "not valid JSON");
    }
    String id = text(file, line, o, "id");
    String report = text(file, line, o, "report");
    String text = text(file, line, o, "text");
    int paragraph = number(file, line, o, "paragraph");
    int position = number(file, line, o, "position");
    JsonElement citations = o.get("citations");
    if (citations == null || !citations.isJsonArray()) {
      throw new FactsFormatException(
          file, line, "'citations' must be a list of numbers ([] when uncited)");
    }
    List<Integer> numbers = new ArrayList<>();
    for (JsonElement c : citations.getAsJsonArray()) {
      if (!c.isJsonPrimitive()
          || !c.getAsJsonPrimitive().isNumber()
          || c.getAsDouble() != Math.rint(c.getAsDouble())
          || c.getAsDouble() < 0
          || c.getAsDouble() > Integer.MAX_VALUE) {
        throw new FactsFormatException(file, line, "'citations' must hold whole numbers, got " + c);
      }
      numbers.add(c.getAsInt());
    }
    return new Fact(id, report, paragraph, position, text, numbers, gives(file, line, o));
  }

  private static JsonObject toJson(Gives gives) {
    JsonObject o = new JsonObject();
    o.add("entities", strings(gives.entities()));
    o.add("figures", strings(gives.figures()));
    o.add("years", strings(gives.years()));
    o.add("measures", strings(gives.measures()));
    return o;
  }

  private static JsonArray strings(List<String> values) {
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array;
  }

  /** Returns what a fact gives, or {@link Gives#NOTHING} for a fact written without it. */
  private static Gives gives(Path file, int line, JsonObject o) {
    JsonElement e = o.get("gives");
    if (e == null) {
      return Gives.NOTHING;
    }
    if (!e.isJsonObject()) {
      throw new FactsFormatException(
          file, line, "'gives' must be an object of lists: entities, figures, years, measures");
    }
    JsonObject g = e.getAsJsonObject();
    return new Gives(
        strings(file, line, g, "entities"),
        strings(file, line, g, "figures"),
        strings(file, line, g, "years"),
        strings(file, line, g, "measures"));
  }

  private static List<String> strings(Path file, int line, JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    if (e.isJsonArray()) {
      for (JsonElement v : e.getAsJsonArray()) {
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
          values = null;
          break;
        }
        values.add(v.getAsString());
      }
    }
    if (values == null || !e.isJsonArray()) {
      throw new FactsFormatException(file, line, "'gives." + key + "' must be a list of strings");
    }
    return values;
  }

  private static String text(Path file, int line, JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null
        || !e.isJsonPrimitive()
        || !e.getAsJsonPrimitive().isString()
        || e.getAsString().isBlank()) {
      throw new FactsFormatException(file, line, "'" + key + "' must be a non-empty string");
    }
    return e.getAsString();
  }

  private static int number(Path file, int line, JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null
        || !e.isJsonPrimitive()
        || !e.getAsJsonPrimitive().isNumber()
        || e.getAsDouble() < 1
        || e.getAsDouble() > Integer.MAX_VALUE
        || e.getAsDouble() != Math.rint(e.getAsDouble())) {
      throw new FactsFormatException(file, line, "'" + key + "' must be a whole number from 1");
    }
    return e.getAsInt();
  }
}

package msftchina.facts;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Reads and writes a facts file: JSON Lines, one fact an object, in reading order. */
public final class FactsFile {

  /** The name of a report's facts file in its folder of {@code facts/}. */
  public static final String FILE_NAME = "facts.jsonl";

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
    List<Fact> facts = new ArrayList<>();
    read(file, facts::add);
    return facts;
  }

  /**
   * Passes each fact of {@code file} to {@code each}, in order, reading one line at a time, so a
   * file of any size is read in little memory; throws with {@code file:line: what is wrong}.
   */
  public static void read(Path file, Consumer<Fact> each) throws IOException {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    Set<String> ids = new HashSet<>();
    int line = 0;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), utf8), 1 << 16)) {
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        line++;
        if (line == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1); // a UTF-8 byte-order mark
        }
        if (text.isBlank()) {
          continue;
        }
        Fact fact = parse(file, line, text);
        if (!ids.add(fact.id())) {
          throw new FactsFormatException(file, line, "duplicate fact id '" + fact.id() + "'");
        }
        each.accept(fact);
      }
    } catch (CharacterCodingException e) {
      throw new FactsFormatException(file, line + 1, "not UTF-8 text; save it as UTF-8");
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

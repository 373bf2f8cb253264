package msftchina.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import msftchina.facts.FactsFormatException;

/**
 * Other names for the report's entities and other words for its terms, read from
 * {@code facts/aliases.txt} and {@code facts/synonyms.txt}. Each line reads
 * {@code name the report uses = other name, other name}; a question's other names are
 * rewritten to the report's before search.
 */
public final class Thesaurus {

  /** The file names, in {@code facts/}, that a thesaurus is read from. */
  public static final List<String> FILES = List.of("aliases.txt", "synonyms.txt");

  private static final Thesaurus EMPTY = new Thesaurus(Map.of());

  private final Map<String, String> canonical;
  private final Pattern pattern;

  private Thesaurus(Map<String, String> canonical) {
    this.canonical = canonical;
    this.pattern = phrases(canonical.keySet());
  }

  /**
   * Returns a pattern that finds any of {@code phrases}, case-insensitively, as whole words
   * (Chinese phrases also inside Chinese text, which has no spaces), longest first; null when
   * there are none.
   */
  static Pattern phrases(java.util.Collection<String> phrases) {
    String alternatives =
        phrases.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    if (alternatives.isEmpty()) {
      return null;
    }
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])|(?:" + alternatives + ")(?=\\p{IsHan})|(?<=\\p{IsHan})(?:" + alternatives + ")",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** Returns a thesaurus that rewrites nothing. */
  public static Thesaurus empty() {
    return EMPTY;
  }

  /** Reads the thesaurus files present in {@code factsDir}. */
  public static Thesaurus read(Path factsDir) throws IOException {
    Map<String, String> canonical = new HashMap<>();
    for (String fileName : FILES) {
      Path file = factsDir.resolve(fileName);
      if (!Files.exists(file)) {
        continue;
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int eq = line.indexOf('=');
        if (eq <= 0) {
          throw new FactsFormatException(file, i + 1, "expected 'name = other name, other name'");
        }
        String name = line.substring(0, eq).strip();
        for (String other : line.substring(eq + 1).split(",")) {
          String key = other.strip().toLowerCase(Locale.ROOT);
          if (key.isEmpty()) {
            throw new FactsFormatException(file, i + 1, "empty other name for '" + name + "'");
          }
          String previous = canonical.putIfAbsent(key, name);
          if (previous != null && !previous.equals(name)) {
            throw new FactsFormatException(file, i + 1, "'" + key + "' already stands for '" + previous + "'");
          }
        }
      }
    }
    return new Thesaurus(Map.copyOf(canonical));
  }

  /** Returns {@code question} with every other name replaced by the report's name for it. */
  public String rewrite(String question) {
    if (pattern == null) {
      return question;
    }
    Matcher m = pattern.matcher(question);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = canonical.get(m.group().toLowerCase(Locale.ROOT));
      m.appendReplacement(out, Matcher.quoteReplacement(" " + name + " "));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Returns how many other names this thesaurus knows. */
  public int size() {
    return canonical.size();
  }
}

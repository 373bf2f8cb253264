package msftchina.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import msftchina.facts.FactsFormatException;
import msftchina.facts.WordList;

/**
 * Other names for the report's entities and other words for its terms, read from {@code
 * facts/aliases.txt} and {@code facts/synonyms.txt}. Each line reads {@code name the report uses =
 * other name, other name}; a question's other names are rewritten to the report's before search.
 */
public final class Thesaurus {

  /** The file names, in {@code facts/}, that a thesaurus is read from. */
  public static final List<String> FILES = List.of("aliases.txt", "synonyms.txt");

  /** The file, one of {@link #FILES}, whose names are the entities of the reports. */
  static final String ENTITIES_FILE = "aliases.txt";

  private final PhraseTrie<String> canonical;
  private final List<String> entities;

  private Thesaurus(PhraseTrie<String> canonical, List<String> entities) {
    this.canonical = canonical;
    this.entities = List.copyOf(entities);
  }

  /** Reads the thesaurus files present in {@code factsDir}. */
  public static Thesaurus read(Path factsDir) throws IOException {
    PhraseTrie<String> canonical = new PhraseTrie<>();
    Set<String> entities = new LinkedHashSet<>();
    for (String fileName : FILES) {
      Path file = factsDir.resolve(fileName);
      for (WordList.Line line : WordList.read(file)) {
        int eq = line.text().indexOf('=');
        if (eq <= 0) {
          throw new FactsFormatException(
              file, line.number(), "expected 'name = other name, other name'");
        }
        String name = line.text().substring(0, eq).strip();
        if (fileName.equals(ENTITIES_FILE)) {
          entities.add(name);
        }
        for (String other : line.text().substring(eq + 1).split(",")) {
          String key = other.strip().toLowerCase(Locale.ROOT);
          if (key.isEmpty()) {
            throw new FactsFormatException(
                file, line.number(), "empty other name for '" + name + "'");
          }
          String previous = canonical.put(key, name);
          if (previous != null && !previous.equals(name)) {
            throw new FactsFormatException(
                file, line.number(), "'" + key + "' already stands for '" + previous + "'");
          }
        }
      }
    }
    return new Thesaurus(canonical, List.copyOf(entities));
  }

  /** Returns the names the reports use for their entities (companies, people, places, products). */
  public List<String> entities() {
    return entities;
  }

  /** Returns {@code question} with every other name replaced by the report's name for it. */
  public String rewrite(String question) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (PhraseTrie.Hit<String> hit : canonical.find(question)) {
      out.append(question, at, hit.start()).append(' ').append(hit.value()).append(' ');
      at = hit.end();
    }
    return out.append(question, at, question.length()).toString();
  }
}

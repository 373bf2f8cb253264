package msftchina.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import msftchina.facts.WordList;

/**
 * Well-known names (companies, products, people, places) read from {@code facts/names.txt}, one a
 * line. A question that names one the reports never mention is about something else: the bot says
 * the report doesn't cover it, even when the rest of the question matches.
 */
public final class Names {

  /** The file name, in a report's folder of {@code facts/}, that names are read from. */
  public static final String FILE = "names.txt";

  private final PhraseTrie<String> names;

  private Names(PhraseTrie<String> names) {
    this.names = names;
  }

  /** Reads the names in {@code folder}, if it has a names file. */
  public static Names read(Path folder) throws IOException {
    PhraseTrie<String> names = new PhraseTrie<>();
    for (String name : WordList.texts(folder.resolve(FILE))) {
      names.put(name, name);
    }
    return new Names(names);
  }

  /** Returns the names that occur in {@code text}, as written there. */
  public List<String> in(String text) {
    List<String> found = new ArrayList<>();
    for (PhraseTrie.Hit<String> hit : names.find(text)) {
      found.add(text.substring(hit.start(), hit.end()));
    }
    return found;
  }
}

package msftchina.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import msftchina.facts.WordList;

/**
 * Well-known names (companies, products, people, places) read from {@code facts/names.txt}, one a
 * line. A question that names one the reports never mention is about something else: the bot says
 * the report doesn't cover it, even when the rest of the question matches. The places inside the
 * report's own (the build's list from its {@code places.txt}: "Silicon Valley", "Hangzhou") are no
 * such names.
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
public final class Names {

  /** The file name, in a report's folder of {@code facts/}, that names are read from. */
  public static final String FILE = "names.txt";

  /** Where the build puts each report's places inside its own, on the class path. */
  public static final String PLACES_RESOURCES = "/msftchina/english/places/";

  /** The most words of a place's name ("Xinjiang Uighur Autonomous Region"). */
  private static final int PLACE_WORDS = 4;

  /** What separates the words of a place's name or a question, as they are compared. */
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final PhraseTrie<String> names;
  private final Set<String> places;

  private Names(PhraseTrie<String> names, Set<String> places) {
    this.names = names;
    this.places = Set.copyOf(places);
  }

  /**
   * Reads the names in {@code folder}, if it has a names file, and the places inside the report's
   * own that the build listed for it.
   */
  public static Names read(Path folder) throws IOException {
    PhraseTrie<String> names = new PhraseTrie<>();
    for (String name : WordList.texts(folder.resolve(FILE))) {
      names.put(name, name);
    }
    Set<String> places = new HashSet<>();
    Path name = folder.getFileName();
    if (name != null) {
      try (InputStream in = Names.class.getResourceAsStream(PLACES_RESOURCES + name + ".txt")) {
        if (in != null) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          for (WordList.Line place : WordList.entries(text.lines().toList())) {
            places.add(String.join(" ", words(place.text())));
          }
        }
      }
    }
    return new Names(names, places);
  }

  /**
   * Returns the words, lower-cased, of the places inside the report's own that {@code text} names
   * ("silicon" and "valley" in "how do Silicon Valley CEOs see…?").
   */
  public Set<String> placeWordsIn(String text) {
    if (places.isEmpty()) {
      return Set.of();
    }
    List<String> words = words(text);
    Set<String> found = new HashSet<>();
    for (int i = 0; i < words.size(); i++) {
      for (int n = 1; n <= PLACE_WORDS && i + n <= words.size(); n++) {
        List<String> phrase = words.subList(i, i + n);
        if (places.contains(String.join(" ", phrase))) {
          found.addAll(phrase);
        }
      }
    }
    return found;
  }

  /** Returns the words of {@code text}, lower-cased. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : NOT_WORD.split(text.toLowerCase(Locale.ROOT), -1)) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
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

package msftchina.english;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import msftchina.facts.WordList;

/**
 * Writes at build time the places inside each report's own places ({@code mvn package} runs it in
 * {@code process-classes}, as {@link WordNetSenses}): for every report folder of {@code facts/}
 * with a {@code places.txt}, whose lines name the report's places as WordNet 3.1 senses ({@code
 * China = china.n.01}), the names of their parts, all the way down (WordNet's part meronyms:
 * Sichuan and Hangzhou of China, California and Silicon Valley of the United States), lower-cased,
 * as {@code places/REPORT.txt}. A question naming one of them names a place the report is about,
 * not a name the report never mentions. A name is kept only where this is its most frequent sense
 * (WordNet's first): Paris, Texas is a part of the United States, but "Paris" is first the capital
 * of France. Names shorter than four letters (WordNet's state abbreviations, "MD", "PA") are left
 * out: in a question they are more often something else.
 */
public final class WordNetPlaces {

  /** A report folder's file of its places as WordNet senses. */
  public static final String FILE = "places.txt";

  /** The shortest place name kept. */
  static final int SHORTEST = 4;

  private static final String PART_MERONYM = "%p";
  private static final Pattern EQUALS = Pattern.compile("=");

  private WordNetPlaces() {}

  /**
   * Reads {@code args[0]} (the facts folder) and writes each report's places under {@code args[1]}.
   */
  public static void main(String[] args) throws IOException {
    ReportLists.writeEach(args, FILE, WordNetPlaces::write);
  }

  private static void write(Path report, Path facts, WordNetData wordNet, Path file)
      throws IOException {
    Set<String> places = places(report.resolve(FILE), wordNet);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "# Places inside "
              + report.getFileName()
              + "'s places: WordNet 3.1's part meronyms of the senses of its places.txt"
              + " (Princeton University; WordNet License), made by WordNetPlaces.\n");
      for (String place : places) {
        w.write(place);
        w.write('\n');
      }
    }
    System.out.printf("%s: %d places inside its own%n", report.getFileName(), places.size());
  }

  /** Returns the names, lower-cased, of the parts of the places {@code file} names. */
  static Set<String> places(Path file, WordNetData wordNet) throws IOException {
    Set<String> names = new TreeSet<>();
    for (WordList.Line line : WordList.read(file)) {
      String[] sides = EQUALS.split(line.text(), 2);
      if (sides.length != 2) {
        throw new IOException(file + ":" + line.number() + ": expected 'place = lemma.n.N'");
      }
      WordNetData.Synset place;
      try {
        place = wordNet.sense(sides[1].strip());
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ":" + line.number() + ": " + e.getMessage(), e);
      }
      Deque<WordNetData.Synset> todo = new ArrayDeque<>(List.of(place));
      Set<Integer> seen = new HashSet<>();
      while (!todo.isEmpty()) {
        for (WordNetData.Pointer p : todo.poll().pointers()) {
          if (p.symbol().equals(PART_MERONYM) && seen.add(p.offset())) {
            WordNetData.Synset part = wordNet.synset(p.pos(), p.offset());
            todo.add(part);
            for (String word : part.words()) {
              String name = word.replace('_', ' ').toLowerCase(Locale.ROOT);
              // a name whose first sense is elsewhere (Paris, Texas; Athens, Georgia) is that place
              if (name.length() >= SHORTEST && wordNet.senseNumber(word, part) == 1) {
                names.add(name);
              }
            }
          }
        }
      }
    }
    return names;
  }
}

package msftchina.english;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The nouns of English that name a physical thing or a natural phenomenon: the one-word lemmas of
 * WordNet 3.1 whose most frequent sense (the first in {@code index.noun}) is filed under one of its
 * lexicographer files of the physical world: animals, artifacts, body, food, natural objects,
 * natural phenomena, plants and substances ("weather", "cafe", "lunch", "printer" as a machine only
 * where that is its first sense). Relations, states, feelings, acts and ideas ("relationship",
 * "mood", "outlook", "market") are not among them: a report about a business can describe those.
 *
 * <p>{@code mvn package} writes the list in {@code process-classes}, as {@link EverydayWords}.
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
public final class PhysicalNouns {

  /** Where the build puts the list, on the class path. */
  static final String RESOURCE = "/msftchina/english/physical.txt";

  /**
   * WordNet's lexicographer files of the physical world, by number: noun.animal 05, noun.artifact
   * 06, noun.body 08, noun.food 13, noun.object 17, noun.phenomenon 19, noun.plant 20,
   * noun.substance 27 (WordNet's lexnames(5WN)).
   */
  static final Set<Integer> PHYSICAL_FILES = Set.of(5, 6, 8, 13, 17, 19, 20, 27);

  private static final Pattern SPACE = Pattern.compile(" ");

  /** The list, loaded on first use (not while the build writes it). */
  private static final class Loaded {
    static final Lexicon PHYSICAL = Lexicon.resource(RESOURCE);
  }

  private PhysicalNouns() {}

  /**
   * Returns whether {@code word}, or the noun it is a regular plural of, names a physical thing or
   * a natural phenomenon first (case ignored).
   */
  public static boolean isPhysical(String word) {
    return Loaded.PHYSICAL.isWord(word);
  }

  /** Writes the list to the file {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Map<String, Integer> fileOf = new HashMap<>();
    for (String line : WordNetData.lines("data.noun")) {
      if (!line.isEmpty() && line.charAt(0) != ' ') {
        String[] f = SPACE.split(line, 3);
        fileOf.put(f[0], Integer.parseInt(f[1]));
      }
    }
    Set<String> nouns = new TreeSet<>();
    for (String line : WordNetData.lines("index.noun")) {
      if (line.isEmpty() || line.charAt(0) == ' ') {
        continue;
      }
      String[] f = SPACE.split(line.strip(), -1);
      int senses = Integer.parseInt(f[2]);
      String first = f[f.length - senses];
      if (f[0].chars().allMatch(c -> c >= 'a' && c <= 'z')
          && PHYSICAL_FILES.contains(fileOf.get(first))) {
        nouns.add(f[0]);
      }
    }
    WordListFile.write(
        args[0],
        "Nouns of physical things and natural phenomena: WordNet 3.1 lemmas whose first sense"
            + " is in noun.animal, artifact, body, food, object, phenomenon, plant or substance"
            + " (Princeton University, WordNet License), made by PhysicalNouns",
        nouns);
  }
}

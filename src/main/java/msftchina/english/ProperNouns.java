package msftchina.english;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The common proper nouns of English: the one-word lemmas WordNet 3.1 writes only capitalised
 * ("Tuesday", "London", "India", "French") and SemCor tags at least once (its {@code cntlist}:
 * names common enough to occur in the Brown-corpus texts). A question typed in lower case ("is the
 * partner meeting moved to next tuesday?") names them as much as one that capitalises them; a rare
 * one ("Chian", "Lena") is more likely a misspelling or a colleague's handle, and a regular plural
 * or past of an everyday word ("windows", "bridges") is that word.
 *
 * <p>{@code mvn package} writes the list in {@code process-classes}, as {@link EverydayWords},
 * about 440 words.
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
public final class ProperNouns {

  /** Where the build puts the list, on the class path. */
  static final String RESOURCE = "/msftchina/english/proper.txt";

  /** The least SemCor tags over a lemma's senses for it to be a common proper noun. */
  static final int MIN_TAGS = 1;

  /** The shortest proper noun listed: two letters are abbreviations ("Cr", "Mc"). */
  static final int MIN_LENGTH = 3;

  private static final Pattern SPACE = Pattern.compile(" ");

  /** Regular endings of English nouns and verbs, and what replaces them to give the lemma. */
  private static final String[][] ENDINGS = {
    {"s", ""}, {"es", ""}, {"ies", "y"}, {"ses", "s"}, {"ed", ""}, {"ed", "e"}, {"ing", ""}
  };

  /** The list, loaded on first use (not while the build writes it). */
  private static final class Loaded {
    static final Lexicon PROPER = Lexicon.resource(RESOURCE);
  }

  private ProperNouns() {}

  /**
   * Returns whether {@code word}, or a regular inflection of it, is a common proper noun (case
   * ignored).
   */
  public static boolean isProper(String word) {
    return Loaded.PROPER.isWord(word);
  }

  /** Writes the list to the file {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Map<String, Set<Boolean>> capitalised = new HashMap<>(); // lemma -> forms capitalised or not
    for (String file : new String[] {"data.noun", "data.verb", "data.adj", "data.adv"}) {
      for (String line : WordNetData.lines(file)) {
        if (line.isEmpty() || line.charAt(0) == ' ') {
          continue;
        }
        String[] f = SPACE.split(line, -1);
        int count = Integer.parseInt(f[3], 16);
        for (int i = 0; i < count; i++) {
          String word = f[4 + 2 * i];
          int marker = word.indexOf('('); // an adjective's position: "galore(ip)"
          if (marker > 0) {
            word = word.substring(0, marker);
          }
          if (word.chars().allMatch(Character::isLetter)) {
            capitalised
                .computeIfAbsent(word.toLowerCase(Locale.ROOT), w -> new HashSet<>())
                .add(isTitle(word));
          }
        }
      }
    }
    Map<String, Integer> tags = WordNetData.semcorTags();
    Set<String> nouns = new TreeSet<>();
    capitalised.forEach(
        (lemma, forms) -> {
          if (forms.equals(Set.of(true))
              && lemma.length() >= MIN_LENGTH
              && lemma.chars().allMatch(c -> c >= 'a' && c <= 'z')
              && tags.getOrDefault(lemma, 0) >= MIN_TAGS
              && !inflectsLowerCase(lemma, capitalised)) {
            nouns.add(lemma);
          }
        });
    WordListFile.write(
        args[0],
        "Common proper nouns: WordNet 3.1 lemmas written only capitalised and tagged at least "
            + MIN_TAGS
            + " time in its cntlist (SemCor; Princeton University, WordNet License), made by"
            + " ProperNouns",
        nouns);
  }

  /** Returns whether {@code word} is "Tuesday", not "TV" or "tuesday". */
  private static boolean isTitle(String word) {
    return Character.isUpperCase(word.charAt(0))
        && word.substring(1).chars().noneMatch(Character::isUpperCase);
  }

  /**
   * Returns whether {@code word} is a regular inflection of a lemma WordNet also writes otherwise
   * than capitalised ("windows" of "window").
   */
  private static boolean inflectsLowerCase(String word, Map<String, Set<Boolean>> capitalised) {
    for (String[] ending : ENDINGS) {
      if (word.endsWith(ending[0])) {
        String lemma = word.substring(0, word.length() - ending[0].length()) + ending[1];
        if (capitalised.getOrDefault(lemma, Set.of()).contains(false)) {
          return true;
        }
      }
    }
    return false;
  }
}

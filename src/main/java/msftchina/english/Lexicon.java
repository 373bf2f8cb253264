package msftchina.english;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Which words are English words: WordNet 3.1's lemmas and irregular forms (as {@link WordNetWords}
 * lists them at build time), and their regular inflections, undone by WordNet's own rules of
 * detachment ("morphy": companies → company, testified → testify, declining → decline).
 *
 * <p>The words are kept sorted in one array of bytes, about 1 MB for 90,000 words.
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
public final class Lexicon {

  /** Where the build puts the word list, on the class path. */
  static final String RESOURCE = "/msftchina/english/words.txt";

  /** WordNet's detachment rules: a suffix, and what replaces it to give the lemma. */
  private static final String[][] DETACHMENTS = {
    {"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
    {"men", "man"}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""},
    {"ing", "e"}, {"ing", ""}, {"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}
  };

  /** The suffixes before which a short word's last consonant doubles (big → biggest). */
  private static final Set<String> DOUBLING = Set.of("ed", "ing", "er", "est");

  private static final Lexicon WORDNET = load();

  private final byte[] bytes;
  private final int[] starts;

  private Lexicon(byte[] bytes, int[] starts) {
    this.bytes = bytes;
    this.starts = starts;
  }

  /** Returns WordNet's English words. */
  public static Lexicon wordNet() {
    return WORDNET;
  }

  /** Returns the number of words listed (not counting inflections). */
  public int size() {
    return starts.length - 1;
  }

  /**
   * Returns whether {@code word} is an English word: listed, or a regular inflection of one (a
   * doubled final consonant too: running, planned). Case is ignored; a word with other characters
   * than the letters a to z is not one.
   */
  public boolean isWord(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.isEmpty() || !w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return false;
    }
    if (listed(w)) {
      return true;
    }
    for (String[] rule : DETACHMENTS) {
      if (w.length() > rule[0].length() + 1 && w.endsWith(rule[0])) {
        String base = w.substring(0, w.length() - rule[0].length());
        if (rule[1].isEmpty() && DOUBLING.contains(rule[0]) && doubles(base)) {
          continue; // big + est is "biggest": "bigest" is no word
        }
        if (listed(base + rule[1]) || (rule[1].isEmpty() && undoubled(base))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns whether a word of one syllable ending in a consonant after a single vowel (big, stop,
   * plan) doubles that consonant before {@link #DOUBLING} suffixes.
   */
  private static boolean doubles(String base) {
    int n = base.length();
    if (n < 3 || isVowel(base.charAt(n - 1)) || "wxy".indexOf(base.charAt(n - 1)) >= 0) {
      return false;
    }
    if (!isVowel(base.charAt(n - 2)) || isVowel(base.charAt(n - 3))) {
      return false;
    }
    for (int i = 0; i < n - 3; i++) {
      if (isVowel(base.charAt(i))) {
        return false; // more than one syllable: stress decides (visited, opened), so allow it
      }
    }
    return true;
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }

  /** Returns whether {@code base} ends in a doubled consonant whose single form is listed. */
  private boolean undoubled(String base) {
    int n = base.length();
    return n > 2
        && base.charAt(n - 1) == base.charAt(n - 2)
        && "aeiou".indexOf(base.charAt(n - 1)) < 0
        && listed(base.substring(0, n - 1));
  }

  private boolean listed(String w) {
    byte[] key = w.getBytes(StandardCharsets.US_ASCII);
    int lo = 0;
    int hi = starts.length - 2;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Arrays.compare(bytes, starts[mid], starts[mid + 1] - 1, key, 0, key.length);
      if (c == 0) {
        return true;
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return false;
  }

  private static Lexicon load() {
    return resource(RESOURCE);
  }

  /** Returns the lexicon of the list the build put at {@code resource} on the class path. */
  static Lexicon resource(String resource) {
    PackedLines lines = PackedLines.resource(resource);
    return new Lexicon(lines.bytes, lines.starts);
  }

  /** Returns the lexicon of {@code list}: sorted words, one a line, {@code #} lines left out. */
  static Lexicon of(byte[] list) {
    PackedLines lines = PackedLines.of(list);
    return new Lexicon(lines.bytes, lines.starts);
  }
}

package msftchina.english;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The parts of speech of English words, and the past and -s forms of verbs, from WordNet 3.1 (as
 * {@link WordNetParts} writes them at build time): "use" is a verb first and a noun second, "team"
 * a noun first, "held" an irregular verb form; a word with no line is a noun or no word at all.
 *
 * <p>The table is kept as its sorted lines in one array of bytes (about 0.5 MB), loaded on first
 * use.
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
public final class Parts {

  /** Where the build puts the table, on the class path. */
  static final String RESOURCE = "/msftchina/english/parts.txt";

  /** The table, loaded on first use (not while the build writes it). */
  private static final class Loaded {
    static final Parts TABLE = load();
  }

  private final byte[] bytes;
  private final int[] starts;

  private Parts(byte[] bytes, int[] starts) {
    this.bytes = bytes;
    this.starts = starts;
  }

  /**
   * Returns the parts of speech of {@code word}, the most frequent first: 'n' noun, 'v' verb, 'a'
   * adjective, 'r' adverb, and 'p' for an irregular verb form (held, taken); "n" for a word with no
   * line (case ignored).
   */
  public static String of(String word) {
    String[] row = Loaded.TABLE.row(word);
    return row == null ? "n" : row[1];
  }

  /** Returns whether WordNet lists {@code word} as a lemma that is most often a noun (spending). */
  public static boolean isNounLemma(String word) {
    String[] row = Loaded.TABLE.row(word);
    return row != null && row[1].charAt(0) == 'n';
  }

  /** Returns whether {@code word} is the base form of a verb (testify, use). */
  public static boolean isVerb(String word) {
    return of(word).indexOf('v') >= 0;
  }

  /** Returns whether {@code word} is most often a verb (use, spend, but not team or price). */
  public static boolean isMostlyVerb(String word) {
    return of(word).charAt(0) == 'v';
  }

  /** Returns whether {@code word} is most often an adjective (responsible, worth, based). */
  public static boolean isMostlyAdjective(String word) {
    return of(word).charAt(0) == 'a';
  }

  /**
   * Returns whether {@code word} is a participle or past form of a verb: an irregular form (held,
   * taken, spent) or a regular -ed or -ing form (based, located, using, planned).
   */
  public static boolean isParticiple(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (of(w).indexOf('p') >= 0 && !w.endsWith("s")) {
      return true;
    }
    for (String suffix : new String[] {"ed", "ing"}) {
      if (w.length() >= suffix.length() + 2 && w.endsWith(suffix)) {
        String stem = w.substring(0, w.length() - suffix.length());
        if (isVerb(stem)
            || isVerb(stem + "e")
            || (suffix.equals("ed") && isVerb(w.substring(0, w.length() - 1)))) {
          return true;
        }
        if (stem.endsWith("i") && isVerb(stem.substring(0, stem.length() - 1) + "y")) {
          return true; // testified
        }
      }
    }
    return false;
  }

  /**
   * Returns the past tense of the verb {@code verb} (testified, spent, cost), or null when it is no
   * verb or its past is not known.
   */
  public static String past(String verb) {
    String[] row = Loaded.TABLE.row(verb);
    return row == null || row.length < 4 || row[2].equals("-") ? null : row[2];
  }

  /** Returns the third-person singular present of the verb {@code verb}, or null if no verb. */
  public static String third(String verb) {
    String[] row = Loaded.TABLE.row(verb);
    return row == null || row.length < 4 ? null : row[3];
  }

  /** Returns the fields of {@code word}'s line, or null when it has none. */
  private String[] row(String word) {
    byte[] key = word.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    int lo = 0;
    int hi = starts.length - 2;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int from = starts[mid];
      int space = from;
      while (bytes[space] != ' ') {
        space++;
      }
      int c = Arrays.compare(bytes, from, space, key, 0, key.length);
      if (c == 0) {
        return new String(bytes, from, starts[mid + 1] - 1 - from, StandardCharsets.US_ASCII)
            .split(" ");
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return null;
  }

  private static Parts load() {
    PackedLines lines = PackedLines.resource(RESOURCE);
    return new Parts(lines.bytes, lines.starts);
  }

  /**
   * Returns the table of {@code list}: sorted lines "word parts [past third]", # lines left out.
   */
  static Parts of(byte[] list) {
    PackedLines lines = PackedLines.of(list);
    return new Parts(lines.bytes, lines.starts);
  }
}

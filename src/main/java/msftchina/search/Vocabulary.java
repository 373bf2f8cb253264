package msftchina.search;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import msftchina.english.Lexicon;

/**
 * The words of one group of reports: how many statements use each, how rare that makes it, and the
 * nearest of them to a misspelt word.
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
final class Vocabulary {

  private final Map<String, Integer> docFreqs;
  private final Map<String, String> surfaces;
  private final int statements;
  private final long tokens;
  private final long sumDocFreq;

  private Vocabulary(
      Map<String, Integer> docFreqs, Map<String, String> surfaces, int statements, long tokens) {
    this.docFreqs = docFreqs;
    this.surfaces = surfaces;
    this.statements = Math.max(1, statements);
    this.tokens = tokens;
    this.sumDocFreq = docFreqs.values().stream().mapToLong(Integer::longValue).sum();
  }

  /**
   * Returns the vocabulary of group {@code group}, whose {@code statements} statements of {@code
   * tokens} words in all use the terms of {@code terms} and the words as written of {@code written}
   * as {@link GroupCounts} counted them.
   */
  static Vocabulary of(
      Map<String, int[]> terms,
      Map<String, int[]> written,
      int group,
      int statements,
      long tokens) {
    Map<String, Integer> docFreqs = new HashMap<>();
    terms.forEach(
        (term, counts) -> {
          if (counts[group] > 0) {
            docFreqs.put(term, counts[group]);
          }
        });
    Map<String, String> surfaces = new HashMap<>();
    written.forEach(
        (surfaceAndTerm, counts) -> {
          int nul = surfaceAndTerm.indexOf('\0');
          String term = surfaceAndTerm.substring(nul + 1);
          if (counts[group] > 0 && nul > 0 && docFreqs.containsKey(term)) {
            surfaces.putIfAbsent(surfaceAndTerm.substring(0, nul), term);
          }
        });
    return new Vocabulary(Map.copyOf(docFreqs), Map.copyOf(surfaces), statements, tokens);
  }

  /** Returns how many statements use {@code term}. */
  int docFreq(String term) {
    return docFreqs.getOrDefault(term, 0);
  }

  /** Returns how many statements the group holds (at least 1). */
  int statements() {
    return statements;
  }

  /** Returns how many words (the terms of its statements, repeats counted) the group holds. */
  long tokens() {
    return tokens;
  }

  /** Returns the sum over its terms of how many statements use each. */
  long sumDocFreq() {
    return sumDocFreq;
  }

  /** Returns whether a statement uses {@code term}. */
  boolean has(String term) {
    return docFreqs.containsKey(term);
  }

  /** Returns the terms of the index. */
  Set<String> terms() {
    return docFreqs.keySet();
  }

  /** Returns how rare {@code term} is: BM25's inverse document frequency (0 uses for unknown). */
  double idf(String term) {
    int docFreq = docFreqs.getOrDefault(term, 0);
    return Math.log(1 + (statements - docFreq + 0.5) / (docFreq + 0.5));
  }

  /**
   * Returns the term of the report's word nearest to a misspelt {@code word}, or null when none is
   * near: one edit for words of 4 to 6 letters, two for longer ones, none for shorter ones or
   * numbers. Words are compared as written (lower-cased), since stems of misspellings drift. Only a
   * word that is not an English word is misspelt: "near" is a word the report doesn't use, evidence
   * that the question is about something else, never a typo of "year".
   */
  String nearest(Word word) {
    String typed = Question.withoutPossessives(word.surface()).toLowerCase(Locale.ROOT);
    if (Lexicon.wordNet().isWord(typed)) {
      return null;
    }
    int allowed = typed.length() < 4 || hasDigit(typed) ? 0 : typed.length() < 7 ? 1 : 2;
    if (allowed == 0) {
      return null;
    }
    String best = null;
    int bestDistance = allowed + 1;
    int[][] table = new int[typed.length() + 1][typed.length() + allowed + 1];
    for (Map.Entry<String, String> entry : surfaces.entrySet()) {
      String candidate = entry.getKey();
      if (Math.abs(candidate.length() - typed.length()) > allowed || hasDigit(candidate)) {
        continue;
      }
      int d = EditDistance.of(typed, candidate, allowed, table);
      if (d < bestDistance
          || (d == bestDistance
              && best != null
              && docFreqs.get(entry.getValue()) > docFreqs.get(best))) {
        best = entry.getValue();
        bestDistance = d;
      }
    }
    return best;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}

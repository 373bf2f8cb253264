package msftchina.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import msftchina.english.Lexicon;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * The words of one report's index: how many statements use each, how rare that makes it, and the
 * nearest of them to a misspelt word.
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
final class Vocabulary {

  private final Map<String, Integer> docFreqs;
  private final Map<String, TermStates> termStates;
  private final Map<String, String> surfaces;
  private final int statements;

  private Vocabulary(
      Map<String, Integer> docFreqs,
      Map<String, TermStates> termStates,
      Map<String, String> surfaces,
      int statements) {
    this.docFreqs = docFreqs;
    this.termStates = termStates;
    this.surfaces = surfaces;
    this.statements = Math.max(1, statements);
  }

  /** Reads the vocabulary of {@code searcher}'s index, whose statements have {@code words}. */
  static Vocabulary of(IndexSearcher searcher, List<List<Word>> words) throws IOException {
    DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
    Map<String, Integer> docFreqs = new HashMap<>();
    Map<String, TermStates> states = new HashMap<>();
    Terms terms = MultiTerms.getTerms(reader, FactFields.TEXT);
    if (terms != null) {
      TermsEnum it = terms.iterator();
      for (BytesRef term = it.next(); term != null; term = it.next()) {
        String text = term.utf8ToString();
        docFreqs.put(text, it.docFreq());
        // Looked up once: the index never changes while it is open.
        states.put(text, TermStates.build(searcher, new Term(FactFields.TEXT, text), true));
      }
    }
    Map<String, String> surfaces = new HashMap<>();
    for (List<Word> statement : words) {
      for (Word word : statement) {
        if (docFreqs.containsKey(word.term())) {
          surfaces.putIfAbsent(
              Question.withoutPossessives(word.surface()).toLowerCase(Locale.ROOT), word.term());
        }
      }
    }
    return new Vocabulary(
        Map.copyOf(docFreqs), Map.copyOf(states), Map.copyOf(surfaces), reader.numDocs());
  }

  /** Returns whether a statement uses {@code term}. */
  boolean has(String term) {
    return docFreqs.containsKey(term);
  }

  /** Returns the terms of the index. */
  Set<String> terms() {
    return docFreqs.keySet();
  }

  /** Returns {@code term}'s statistics and postings pointers, for a query. */
  TermStates states(String term) {
    return termStates.get(term);
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

package msftchina.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Splits a paragraph into sentences. Quoted speech stays whole, and decimals (1.5%), currency
 * (US$1.5 billion) and abbreviations (U.S., Inc., Mr.) do not end a sentence. Citation markers
 * after a sentence's final stop stay with that sentence.
 */
public final class SentenceSplitter {

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "corp", "co", "ltd", "llc",
          "plc", "vs", "no", "gen", "gov", "sen", "rep", "dept", "est", "approx", "fig", "jan",
          "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

  private SentenceSplitter() {}

  /** Returns the sentences of {@code paragraph}, each stripped of surrounding white space. */
  public static List<String> split(String paragraph) {
    List<String> sentences = new ArrayList<>();
    String s = paragraph.strip();
    boolean inStraightQuote = false;
    int curlyDepth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean candidate;
      if (c == '"') {
        inStraightQuote = !inStraightQuote;
        candidate = !inStraightQuote && curlyDepth == 0 && endsWithStop(s, i);
      } else if (c == '\u201C') {
        curlyDepth++;
        candidate = false;
      } else if (c == '\u201D') {
        curlyDepth = Math.max(0, curlyDepth - 1);
        candidate = curlyDepth == 0 && !inStraightQuote && endsWithStop(s, i);
      } else if (c == '.' || c == '!' || c == '?') {
        candidate = !inStraightQuote && curlyDepth == 0 && !(c == '.' && isAbbreviation(s, i));
      } else {
        candidate = false;
      }
      if (!candidate) {
        continue;
      }
      int end = endOfSentence(s, i + 1);
      if (end >= 0) {
        sentences.add(s.substring(start, end).strip());
        start = end;
        i = end - 1;
      }
    }
    if (start < s.length() && !s.substring(start).isBlank()) {
      sentences.add(s.substring(start).strip());
    }
    return sentences;
  }

  /** Returns whether the character before the closing quote at {@code i} ends a sentence. */
  private static boolean endsWithStop(String s, int i) {
    if (i == 0) {
      return false;
    }
    char before = s.charAt(i - 1);
    return before == '.' || before == '!' || before == '?';
  }

  /**
   * Returns where the sentence whose stop lies just before {@code from} ends, taking closing
   * quotes, brackets and citation markers with it, or -1 when the text goes on with the same
   * sentence.
   */
  private static int endOfSentence(String s, int from) {
    int j = from;
    while (j < s.length() && "\"\u201D\u2019')]".indexOf(s.charAt(j)) >= 0) {
      j++;
    }
    Matcher marker = CitationMarkers.MARKER.matcher(s);
    while (marker.find(j) && marker.start() == j) {
      j = marker.end();
    }
    if (j == s.length()) {
      return j;
    }
    if (!Character.isWhitespace(s.charAt(j))) {
      return -1;
    }
    int next = j;
    while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
      next++;
    }
    if (next == s.length()) {
      return next;
    }
    return Character.isLowerCase(s.charAt(next)) ? -1 : j;
  }

  /** Returns whether the period at {@code i} closes an abbreviation rather than a sentence. */
  private static boolean isAbbreviation(String s, int i) {
    int wordStart = i;
    while (wordStart > 0
        && (Character.isLetter(s.charAt(wordStart - 1)) || s.charAt(wordStart - 1) == '.')) {
      wordStart--;
    }
    String word = s.substring(wordStart, i);
    if (word.isEmpty()) {
      return false;
    }
    if (word.matches("(?:\\p{L}\\.)+\\p{L}") || word.matches("\\p{Lu}")) {
      return true; // U.S., e.g., i.e., an initial such as "J."
    }
    return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }
}

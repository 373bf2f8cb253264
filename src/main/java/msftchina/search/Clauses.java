package msftchina.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clauses of a statement, as far as punctuation shows them, and which of them a detail such as
 * a date belongs to. An adjunct of time is part of the clause it stands in (Quirk et al., A
 * Comprehensive Grammar of the English Language, chapter 8, adverbials): in "revenue was 1.5% in
 * 2024, according to testimony by Brad Smith" the year dates the revenue, not the testimony, which
 * the disjunct after the comma only cites. A segment set off by a comma, a semicolon, a colon or a
 * dash is a clause or a phrase of its own (the same grammar, appendix III, punctuation); one that
 * opens with a preposition or a subordinator is an adverbial of the clause it is attached to: the
 * next one when it opens the sentence ("At an internal meeting in July 2025, the officer
 * praised…"), else the one before it.
 */
final class Clauses {

  private static final Pattern BOUNDARY = Pattern.compile("[,;:]\\s|\\s[—–-]+\\s|[—–]");

  /**
   * The simple prepositions (Quirk et al., chapter 9) and the subordinators (chapter 14) an
   * adverbial opens with.
   */
  private static final Pattern ADVERBIAL =
      Pattern.compile(
          "^\\W*(?:aboard|about|above|according to|across|after|against|along|amid|amidst|among"
              + "|around|as|at|before|behind|below|beneath|beside|besides|between|beyond|by"
              + "|despite|during|except|following|for|from|in|inside|into|like|near|of|off|on"
              + "|onto|outside|over|past|per|since|through|throughout|till|to|toward|towards"
              + "|under|unlike|until|upon|via|with|within|without|when|whenever|while|whilst"
              + "|once|although|though|because|if|unless)\\b",
          Pattern.CASE_INSENSITIVE);

  private Clauses() {}

  /**
   * Returns whether {@code text}, whose words are {@code words}, gives {@code kind} in a clause
   * that has one of {@code terms} outside the details themselves.
   */
  static boolean givenInClause(
      Figures.Kind kind, String text, List<Word> words, Set<String> terms) {
    List<int[]> segments = segments(text);
    List<int[]> details = new ArrayList<>();
    Matcher m = kind.given().matcher(text);
    while (m.find()) {
      details.add(new int[] {m.start(), m.end()});
    }
    for (int[] detail : details) {
      int at = segmentOf(segments, detail[0]);
      int[] clause = segments.get(at);
      if (ADVERBIAL.matcher(text.substring(clause[0], clause[1])).find() && segments.size() > 1) {
        int[] host = segments.get(at == 0 ? 1 : at - 1);
        clause = new int[] {Math.min(clause[0], host[0]), Math.max(clause[1], host[1])};
      }
      for (Word w : words) {
        if (w.start() >= clause[0]
            && w.end() <= clause[1]
            && terms.contains(w.term())
            && details.stream().noneMatch(d -> w.end() > d[0] && w.start() < d[1])) {
          return true;
        }
      }
    }
    return false;
  }

  /** Returns the segments of {@code text} between its clause punctuation, as start and end. */
  static List<int[]> segments(String text) {
    List<int[]> segments = new ArrayList<>();
    int start = 0;
    Matcher b = BOUNDARY.matcher(text);
    while (b.find()) {
      segments.add(new int[] {start, b.start()});
      start = b.end();
    }
    segments.add(new int[] {start, text.length()});
    return segments;
  }

  /** Returns where the clause of {@code text} holding {@code offset} ends. */
  static int endOfClause(String text, int offset) {
    List<int[]> segments = segments(text);
    return segments.get(segmentOf(segments, offset))[1];
  }

  private static int segmentOf(List<int[]> segments, int offset) {
    for (int i = 0; i < segments.size(); i++) {
      if (offset < segments.get(i)[1]) {
        return i;
      }
    }
    return segments.size() - 1;
  }
}

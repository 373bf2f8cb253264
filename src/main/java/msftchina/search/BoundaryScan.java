package msftchina.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a pattern in a question trying only the places where a match can start, when every
 * alternative of the pattern starts at a word boundary ({@code \b}), at the start of the text
 * ({@code ^}) or with a character outside ASCII (Chinese). {@link Matcher#find()} tries every
 * character, each time through every alternative; a question has about a third as many boundaries
 * as characters, so this finds the same matches in about a third of the time. Where a match's first
 * character is known, only the alternatives that may start with the character at a boundary are
 * tried there ("share of" at an "s", not also "what percentage" and "how much of").
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
final class BoundaryScan {

  private final Pattern pattern;
  private final boolean atBoundaries;

  /**
   * The characters a match can start with, when every alternative starts with one known (a letter,
   * a digit, a group of such): at other boundaries nothing is tried; null when any may start one.
   */
  private final Starts starts;

  /**
   * By ASCII character, the alternatives that may start a match with it, as one pattern; null where
   * none may, or when the first characters aren't known (then the whole pattern is tried).
   */
  private final Pattern[] byFirst;

  private BoundaryScan(Pattern pattern, boolean atBoundaries) {
    this.pattern = pattern;
    this.atBoundaries = atBoundaries;
    this.starts = atBoundaries ? Starts.of(pattern.pattern()) : null;
    this.byFirst = starts == null ? null : byFirst(pattern);
  }

  /**
   * Returns, by ASCII character, the top-level alternatives of {@code pattern} that may start a
   * match with it, compiled as one pattern with its flags; null when it has a single alternative.
   */
  private static Pattern[] byFirst(Pattern pattern) {
    List<String> alternatives = alternatives(pattern.pattern());
    if (alternatives == null || alternatives.size() < 2) {
      return null;
    }
    Map<Character, List<String>> lists = new HashMap<>();
    for (String alternative : alternatives) {
      Starts first = Starts.of(alternative);
      for (char c = 0; c < 128; c++) {
        if (first != null && first.may(c)) {
          lists.computeIfAbsent(c, k -> new ArrayList<>()).add(alternative);
        }
      }
    }
    Pattern[] byFirst = new Pattern[128];
    Map<List<String>, Pattern> compiled = new HashMap<>();
    lists.forEach(
        (c, list) ->
            byFirst[c] =
                compiled.computeIfAbsent(
                    list, l -> Pattern.compile(String.join("|", l), pattern.flags())));
    return byFirst;
  }

  /** Returns the scan for {@code pattern}: at boundaries when all its alternatives start at one. */
  static BoundaryScan of(Pattern pattern) {
    return new BoundaryScan(pattern, allStartAtBoundary(pattern.pattern()));
  }

  /** Returns whether a match may start only with some characters, tried before the pattern. */
  boolean knowsStarts() {
    return starts != null;
  }

  /** The first characters of a pattern's matches. */
  private static final class Starts {

    /** Whether each ASCII character may start a match. */
    private final boolean[] ascii;

    /** The other characters that may (Chinese). */
    private final String others;

    /** Whether an alternative matches only at the start of the text ("^…"). */
    private final boolean atStart;

    private Starts(boolean[] ascii, String others, boolean atStart) {
      this.ascii = ascii.clone();
      this.others = others;
      this.atStart = atStart;
    }

    boolean atStart() {
      return atStart;
    }

    /** Returns the first characters of {@code regex}'s matches, or null when any may be one. */
    static Starts of(String regex) {
      boolean[] ascii = new boolean[128];
      StringBuilder others = new StringBuilder();
      boolean[] atStart = {false};
      return add(regex, ascii, others, atStart)
          ? new Starts(ascii, others.toString(), atStart[0])
          : null;
    }

    boolean may(char c) {
      return c < 128 ? ascii[c] : others.indexOf(c) >= 0;
    }

    /** Adds the first characters of every alternative of {@code regex}; false when unknown. */
    private static boolean add(
        String regex, boolean[] ascii, StringBuilder others, boolean[] atStart) {
      List<String> alternatives = alternatives(regex);
      if (alternatives == null) {
        return false;
      }
      for (String alt : alternatives) {
        if (!addFirst(alt, ascii, others, atStart)) {
          return false;
        }
      }
      return true;
    }

    private static boolean addFirst(
        String alt, boolean[] ascii, StringBuilder others, boolean[] atStart) {
      if (alt.isEmpty()) {
        return false; // matches nothing: the next atom starts it
      }
      if (alt.startsWith("^")) {
        atStart[0] = true; // tried at the start of the text, whatever its first character
        return true;
      }
      if (alt.startsWith("\\b")) {
        return addFirst(alt.substring(2), ascii, others, atStart);
      }
      if (alt.startsWith("(?<!") || alt.startsWith("(?<=")) {
        int close = closing(alt, 0);
        return close > 0 && addFirst(alt.substring(close + 1), ascii, others, atStart);
      }
      if (alt.startsWith("(")) {
        int close = closing(alt, 0);
        if (close < 0 || alt.startsWith("(?=") || alt.startsWith("(?!")) {
          return false;
        }
        String inner = alt.substring(alt.startsWith("(?:") ? 3 : 1, close);
        if (inner.startsWith("?") || !add(inner, ascii, others, atStart)) {
          return false;
        }
        int after = close + 1;
        if (after < alt.length() && (alt.charAt(after) == '?' || alt.charAt(after) == '*')) {
          // a group that may match nothing ("(on )?what"): what follows it may start a match too
          after++;
          while (after < alt.length() && (alt.charAt(after) == '?' || alt.charAt(after) == '+')) {
            after++; // a lazy or possessive quantifier
          }
          return addFirst(alt.substring(after), ascii, others, atStart);
        }
        return !quantified(alt, after);
      }
      if (alt.startsWith("\\d") && !quantified(alt, 2)) {
        for (char c = '0'; c <= '9'; c++) {
          ascii[c] = true;
        }
        return true;
      }
      char c = alt.charAt(0);
      if ("\\[.$|)".indexOf(c) >= 0 || quantified(alt, 1)) {
        return false; // a class, an escape, any character, or an atom that may match nothing
      }
      if (c < 128) {
        ascii[Character.toLowerCase(c)] = true;
        ascii[Character.toUpperCase(c)] = true;
      } else {
        others.append(c);
      }
      return true;
    }
  }

  /** Returns whether the scan tries only boundaries (else every character, as find() does). */
  boolean atBoundaries() {
    return atBoundaries;
  }

  /** Returns whether the pattern occurs in {@code text}, as {@code matcher(text).find()} would. */
  boolean find(String text) {
    Matcher m = pattern.matcher(text);
    if (!atBoundaries) {
      return m.find();
    }
    m.useTransparentBounds(true).useAnchoringBounds(false);
    Matcher[] first = null; // by character, the matcher of the alternatives it may start
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      if (starts != null
          && !(i == 0 && starts.atStart())
          && (i == n || !starts.may(text.charAt(i)))) {
        continue; // no alternative starts with this character
      }
      if (i == 0
          || i == n
          || text.charAt(i) > 0x7F
          || text.charAt(i - 1) > 0x7F
          || isWord(text.charAt(i - 1)) != isWord(text.charAt(i))) {
        Matcher at = m;
        char c = i < n ? text.charAt(i) : 0;
        if (byFirst != null && i > 0 && c < 128 && byFirst[c] != null) {
          first = first == null ? new Matcher[128] : first;
          if (first[c] == null) {
            first[c] =
                byFirst[c].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
          }
          at = first[c];
        }
        at.region(i, n);
        if (at.lookingAt()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The word characters of {@code \b} in ASCII. */
  private static boolean isWord(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** Returns whether every top-level alternative of {@code regex} starts at a boundary. */
  static boolean allStartAtBoundary(String regex) {
    List<String> alternatives = alternatives(regex);
    if (alternatives == null) {
      return false;
    }
    for (String alternative : alternatives) {
      if (!startsAtBoundary(alternative)) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsAtBoundary(String alt) {
    if (alt.startsWith("^")) {
      return !quantified(alt, 1);
    }
    if (alt.startsWith("\\b")) {
      return !quantified(alt, 2) && !alt.startsWith("\\b{");
    }
    if (!alt.isEmpty() && alt.charAt(0) > 0x7F) {
      char c = alt.charAt(0); // a character with no case, which matches only itself (Chinese)
      return !Character.isUpperCase(c)
          && !Character.isLowerCase(c)
          && !Character.isTitleCase(c)
          && !Character.isSurrogate(c)
          && !quantified(alt, 1);
    }
    if (alt.startsWith("(?<!") || alt.startsWith("(?<=")) {
      int close = closing(alt, 0);
      return close > 0 && startsAtBoundary(alt.substring(close + 1));
    }
    if (alt.startsWith("(") && !alt.startsWith("(?=") && !alt.startsWith("(?!")) {
      int close = closing(alt, 0);
      if (close < 0) {
        return false;
      }
      String after = alt.substring(close + 1);
      if (after.startsWith("?") || after.startsWith("*") || after.startsWith("{0")) {
        return false; // the group may match nothing
      }
      String inner = alt.substring(alt.startsWith("(?:") ? 3 : 1, close);
      if (inner.startsWith("?")) {
        return false; // a flag group or another construct
      }
      return allStartAtBoundary(inner);
    }
    return false;
  }

  /**
   * Returns whether the atom ending before {@code at} may match nothing: "\\b?", "^*", "哪{0,1}".
   */
  private static boolean quantified(String alt, int at) {
    return at < alt.length() && "?*{".indexOf(alt.charAt(at)) >= 0;
  }

  /**
   * Returns the top-level alternatives of {@code regex} (split at its "|" outside groups and
   * classes), or null when its parentheses don't balance.
   */
  private static List<String> alternatives(String regex) {
    int[] depths = depths(regex);
    if (depths == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < regex.length(); i++) {
      if (regex.charAt(i) == '|' && depths[i] == 0) {
        parts.add(regex.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(regex.substring(start));
    return parts;
  }

  /** Returns the index of the parenthesis closing the one at {@code open}, or -1. */
  private static int closing(String regex, int open) {
    int[] depths = depths(regex);
    for (int i = open + 1; depths != null && i < regex.length(); i++) {
      if (regex.charAt(i) == ')' && depths[i] == depths[open]) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns the depth of parentheses at each character of {@code regex} (a group's "(" and ")" at
   * the depth outside it), -1 where a character is escaped or in a class; null when they don't
   * balance.
   */
  private static int[] depths(String regex) {
    int[] depths = new int[regex.length()];
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      depths[i] = -1;
      if (c == '\\') {
        if (i + 1 < regex.length()) {
          depths[++i] = -1;
        }
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else {
        depth -= c == ')' ? 1 : 0;
        depths[i] = depth;
        depth += c == '(' ? 1 : 0;
      }
    }
    return depth == 0 && !inClass ? depths : null;
  }
}

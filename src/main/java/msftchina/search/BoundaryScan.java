package msftchina.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a pattern in a question trying only the places where a match can start, when every
 * alternative of the pattern starts at a word boundary ({@code \b}), at the start of the text
 * ({@code ^}) or with a character outside ASCII (Chinese). {@link Matcher#find()} tries every
 * character, each time through every alternative; a question has about a third as many boundaries
 * as characters, so this finds the same matches in about a third of the time.
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
final class BoundaryScan {

  private final Pattern pattern;
  private final boolean atBoundaries;

  private BoundaryScan(Pattern pattern, boolean atBoundaries) {
    this.pattern = pattern;
    this.atBoundaries = atBoundaries;
  }

  /** Returns the scan for {@code pattern}: at boundaries when all its alternatives start at one. */
  static BoundaryScan of(Pattern pattern) {
    return new BoundaryScan(pattern, allStartAtBoundary(pattern.pattern()));
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
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      if (i == 0
          || i == n
          || text.charAt(i) > 0x7F
          || text.charAt(i - 1) > 0x7F
          || isWord(text.charAt(i - 1)) != isWord(text.charAt(i))) {
        m.region(i, n);
        if (m.lookingAt()) {
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

package msftchina.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds known phrases in text in one pass, case-insensitively, longest first and left to right. A
 * phrase matches whole words only, except next to Chinese characters, which have no spaces between
 * words.
 *
 * @param <V> what each phrase stands for
 */
final class PhraseTrie<V> {

  /** A phrase found in a text: the characters {@code [start, end)} and what it stands for. */
  record Hit<V>(int start, int end, V value) {}

  /** A place in the phrases: the characters that may come next, sorted, and where each leads. */
  private static final class Node<V> {
    char[] keys = new char[0];
    List<Node<V>> children = new ArrayList<>();
    V value;

    Node<V> next(char c) {
      int i = Arrays.binarySearch(keys, c);
      return i < 0 ? null : children.get(i);
    }

    Node<V> nextOrNew(char c) {
      int i = Arrays.binarySearch(keys, c);
      if (i >= 0) {
        return children.get(i);
      }
      int at = -i - 1;
      char[] more = new char[keys.length + 1];
      System.arraycopy(keys, 0, more, 0, at);
      more[at] = c;
      System.arraycopy(keys, at, more, at + 1, keys.length - at);
      keys = more;
      Node<V> child = new Node<>();
      children.add(at, child);
      return child;
    }
  }

  private final Node<V> root = new Node<>();

  /**
   * Adds {@code phrase}, standing for {@code value}; returns the value it stood for before, or
   * null.
   */
  V put(String phrase, V value) {
    Node<V> node = root;
    for (int i = 0; i < phrase.length(); i++) {
      node = node.nextOrNew(Character.toLowerCase(phrase.charAt(i)));
    }
    V previous = node.value;
    node.value = value;
    return previous;
  }

  /**
   * Returns the phrases in {@code text}, left to right, the longest at each place, never
   * overlapping.
   */
  List<Hit<V>> find(String text) {
    List<Hit<V>> hits = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      Hit<V> hit = startsWord(text, i) ? longestAt(text, i) : null;
      if (hit == null) {
        i++;
      } else {
        hits.add(hit);
        i = hit.end();
      }
    }
    return hits;
  }

  private Hit<V> longestAt(String text, int start) {
    Node<V> node = root;
    Hit<V> best = null;
    for (int j = start; j < text.length() && node != null; j++) {
      node = node.next(Character.toLowerCase(text.charAt(j)));
      if (node != null && node.value != null && endsAt(text, j + 1)) {
        best = new Hit<>(start, j + 1, node.value);
      }
    }
    return best;
  }

  private static boolean endsAt(String text, int end) {
    return end == text.length()
        || !Character.isLetterOrDigit(text.charAt(end))
        || isHan(text.charAt(end))
        || isHan(text.charAt(end - 1));
  }

  private static boolean startsWord(String text, int i) {
    return i == 0
        || !Character.isLetterOrDigit(text.charAt(i - 1))
        || isHan(text.charAt(i - 1))
        || isHan(text.charAt(i));
  }

  private static boolean isHan(char c) {
    // Below U+2E80 (the first CJK radical) no character is Han: the common case, without a lookup.
    return c >= '\u2E80' && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}

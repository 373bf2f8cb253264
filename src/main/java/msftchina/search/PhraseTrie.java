package msftchina.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  private static final class Node<V> {
    final Map<Character, Node<V>> next = new HashMap<>();
    V value;
  }

  private final Node<V> root = new Node<>();

  /**
   * Adds {@code phrase}, standing for {@code value}; returns the value it stood for before, or
   * null.
   */
  V put(String phrase, V value) {
    Node<V> node = root;
    for (int i = 0; i < phrase.length(); i++) {
      node = node.next.computeIfAbsent(Character.toLowerCase(phrase.charAt(i)), c -> new Node<>());
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
      node = node.next.get(Character.toLowerCase(text.charAt(j)));
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
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}

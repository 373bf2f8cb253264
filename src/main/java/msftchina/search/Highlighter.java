package msftchina.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Finds where a question's terms occur in a statement, for showing them in bold. */
final class Highlighter {

  private Highlighter() {}

  /** Returns the character ranges of a statement's {@code words} whose term is in {@code terms}. */
  static List<Match.Span> spans(List<Word> words, Set<String> terms) {
    List<Match.Span> spans = new ArrayList<>();
    for (Word word : words) {
      if (terms.contains(word.term())) {
        Match.Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
        if (last != null && word.start() < last.end()) {
          spans.set(
              spans.size() - 1, new Match.Span(last.start(), Math.max(last.end(), word.end())));
        } else {
          spans.add(new Match.Span(word.start(), word.end()));
        }
      }
    }
    return spans;
  }
}

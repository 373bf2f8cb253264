package msftchina.search;

import java.util.List;
import java.util.function.UnaryOperator;
import msftchina.facts.Fact;

/**
 * A fact that answers a question, with its score and where the question's words occur in it.
 *
 * @param fact the fact
 * @param score the search score; higher is better, comparable only within one answer
 * @param matched the character ranges of {@code fact.text()} that matched the question
 */
public record Match(Fact fact, float score, List<Span> matched) {

  /** A range of characters, {@code [start, end)}. */
  public record Span(int start, int end) {}

  public Match {
    matched = List.copyOf(matched);
  }

  /**
   * Returns the fact's text with every matched word put between {@code open} and {@code close}, and
   * every other piece of text passed through {@code escape}.
   */
  public String marked(String open, String close, UnaryOperator<String> escape) {
    String text = fact.text();
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Span span : matched) {
      out.append(escape.apply(text.substring(at, span.start())));
      out.append(open).append(escape.apply(text.substring(span.start(), span.end()))).append(close);
      at = span.end();
    }
    return out.append(escape.apply(text.substring(at))).toString();
  }
}

package msftchina.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Text split into the words the index knows, by the analyser the index was built with.
 *
 * <p>NOTE: safe for concurrent use; Lucene's analysers keep their state per thread.
 */
final class Analysis {

  private final Analyzer analyzer;

  Analysis(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** Returns the analyser the words are made by. */
  Analyzer analyzer() {
    return analyzer;
  }

  /** Returns the words of {@code text}, in order. */
  List<Word> words(String text) {
    List<Word> words = new ArrayList<>();
    int firstLetter = firstLetter(text);
    try (TokenStream stream = analyzer.tokenStream(FactFields.TEXT, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int start = offset.startOffset();
        int end = offset.endOffset();
        words.add(
            new Word(
                term.toString(), text.substring(start, end), start, end, start == firstLetter));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing text in memory failed", e);
    }
    return words;
  }

  /** Returns the distinct words of {@code text}, the first of each term, at most {@code max}. */
  List<Word> distinctWords(String text, int max) {
    Map<String, Word> distinct = new LinkedHashMap<>();
    for (Word word : words(text)) {
      if (distinct.size() == max) {
        break;
      }
      distinct.putIfAbsent(word.term(), word);
    }
    return List.copyOf(distinct.values());
  }

  /** Returns the terms of {@code text}. */
  Set<String> terms(String text) {
    return words(text).stream().map(Word::term).collect(Collectors.toUnmodifiableSet());
  }

  private static int firstLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}

package msftchina.facts;

import java.util.ArrayList;
import java.util.List;

/** Turns a report into its fact sentences. */
public final class Ingest {

  private Ingest() {}

  /**
   * Takes a report's facts one at a time.
   *
   * @param <E> what taking one may throw
   */
  @FunctionalInterface
  public interface Sink<E extends Exception> {

    /** Takes the next fact. */
    void accept(Fact fact) throws E;
  }

  /** Returns the facts of {@code report}, one a sentence, in reading order. */
  public static List<Fact> facts(Report report) {
    List<Fact> facts = new ArrayList<>();
    forEachFact(report, facts::add);
    return facts;
  }

  /**
   * Gives {@code each} the facts of {@code report}, one a sentence, in reading order, one
   * paragraph's at a time: a report of any size is split without holding its facts.
   */
  public static <E extends Exception> void forEachFact(Report report, Sink<E> each) throws E {
    for (int p = 0; p < report.paragraphs().size(); p++) {
      List<String> sentences = SentenceSplitter.split(report.paragraphs().get(p));
      for (int s = 0; s < sentences.size(); s++) {
        String sentence = sentences.get(s);
        String text = CitationMarkers.strip(sentence).replaceAll("\\s+", " ");
        if (text.isEmpty()) {
          continue;
        }
        String id = report.id() + ":" + (p + 1) + "." + (s + 1);
        each.accept(
            new Fact(id, report.title(), p + 1, s + 1, text, CitationMarkers.numbers(sentence)));
      }
    }
  }
}

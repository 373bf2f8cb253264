package msftchina.facts;

import java.util.ArrayList;
import java.util.List;

/** Turns a report into its fact sentences. */
public final class Ingest {

  private Ingest() {}

  /** Returns the facts of {@code report}, one a sentence, in reading order. */
  public static List<Fact> facts(Report report) {
    List<Fact> facts = new ArrayList<>();
    for (int p = 0; p < report.paragraphs().size(); p++) {
      List<String> sentences = SentenceSplitter.split(report.paragraphs().get(p));
      for (int s = 0; s < sentences.size(); s++) {
        String sentence = sentences.get(s);
        String text = CitationMarkers.strip(sentence).replaceAll("\\s+", " ");
        if (text.isEmpty()) {
          continue;
        }
        String id = report.id() + ":" + (p + 1) + "." + (s + 1);
        facts.add(
            new Fact(id, report.title(), p + 1, s + 1, text, CitationMarkers.numbers(sentence)));
      }
    }
    return facts;
  }
}

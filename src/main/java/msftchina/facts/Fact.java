package msftchina.facts;

import java.util.List;

/**
 * One sentence of a report, as shown to users: its text without citation markers and the citation
 * numbers those markers carried.
 *
 * @param id stable identifier, {@code <report id>:<paragraph>.<position>}
 * @param report the name of the report the sentence comes from
 * @param paragraph the 1-based paragraph number within the report
 * @param position the 1-based sentence number within the paragraph
 * @param text the sentence without its citation markers
 * @param citations the citation numbers, empty when the report gives none
 * @param gives what the sentence gives beyond its words, as {@code ingest} derived it
 */
public record Fact(
    String id,
    String report,
    int paragraph,
    int position,
    String text,
    List<Integer> citations,
    Gives gives) {

  public Fact {
    citations = List.copyOf(citations);
  }

  /** Creates a fact that gives nothing beyond its words, as a report's sentence before ingest. */
  public Fact(
      String id, String report, int paragraph, int position, String text, List<Integer> citations) {
    this(id, report, paragraph, position, text, citations, Gives.NOTHING);
  }

  /** Returns this fact with {@code gives}. */
  public Fact with(Gives gives) {
    return new Fact(id, report, paragraph, position, text, citations, gives);
  }

  /** Returns whether the report gives this sentence no citation. */
  public boolean uncited() {
    return citations.isEmpty();
  }

  /** Returns the citations as the report writes them, {@code [1, 2, 3, 4]}, or "uncited". */
  public String citationLabel() {
    return uncited() ? "uncited" : citations.toString();
  }
}

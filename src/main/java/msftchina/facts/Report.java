package msftchina.facts;

import java.util.List;

/**
 * A report as kept in {@code facts/}: its header and its paragraphs, verbatim with their citation
 * markers.
 *
 * @param id the report's short name, taken from its file name
 * @param title the report's title, the name every answer gives
 * @param date the report's date, or "unknown"
 * @param paragraphs the report's paragraphs in order
 */
public record Report(String id, String title, String date, List<String> paragraphs) {

  public Report {
    paragraphs = List.copyOf(paragraphs);
  }
}

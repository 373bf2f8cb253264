package msftchina.facts;

import java.io.IOException;
import java.nio.file.Path;

/** Turns one kind of document (text, Markdown, HTML, PDF) into a {@link Report}. */
public interface ReportReader {

  /**
   * Returns the report in {@code file} as report {@code id}, titled {@code title} when it is not
   * null, else with the title the document gives; throws {@link FactsFormatException} or an {@link
   * IOException} saying what makes it unreadable.
   */
  Report read(Path file, String id, String title) throws IOException;
}

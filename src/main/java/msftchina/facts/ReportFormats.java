package msftchina.facts;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The kinds of document {@code ingest} reads, told apart by the file's extension. */
public final class ReportFormats {

  /** The extensions read, as {@code --help} and errors name them. */
  public static final String EXTENSIONS = ".txt, .md, .markdown, .html, .htm, .pdf";

  private ReportFormats() {}

  /**
   * Returns the reader for {@code file}, text read in {@code charset}, or empty for another kind.
   */
  public static Optional<ReportReader> readerFor(Path file, Charset charset) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
    return Optional.ofNullable(
        switch (extension) {
          case ".txt", ".text" -> (f, id, title) -> ReportFile.read(f, charset, id, title);
          case ".md", ".markdown" -> new MarkdownReport(charset);
          case ".html", ".htm", ".xhtml" -> new HtmlReport();
          case ".pdf" -> new PdfReport();
          default -> null;
        });
  }
}

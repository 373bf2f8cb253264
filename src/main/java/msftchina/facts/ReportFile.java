package msftchina.facts;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a report kept as text: a header of {@code Title:} and {@code Date:} lines, a blank line,
 * then paragraphs separated by blank lines.
 */
public final class ReportFile {

  /** The name of a report's file in its folder of {@code facts/}. */
  public static final String FILE_NAME = "report.txt";

  private ReportFile() {}

  /** Returns the report in {@code file}, read as UTF-8; see {@link #read(Path, Charset)}. */
  public static Report read(Path file) throws IOException {
    return read(file, StandardCharsets.UTF_8);
  }

  /**
   * Returns the report in {@code file}, text in {@code charset}, or throws with {@code file:line:
   * what is wrong}.
   */
  public static Report read(Path file, Charset charset) throws IOException {
    return read(file, charset, idOf(file), null);
  }

  /**
   * Returns the report in {@code file} as report {@code id}. With a {@code title} (not null), the
   * report may have no header at all, and that title wins over its {@code Title:} line.
   */
  public static Report read(Path file, Charset charset, String id, String title)
      throws IOException {
    List<String> lines =
        TextFile.lines(
            file,
            charset,
            "save it as UTF-8, or name its encoding with --encoding (for example --encoding"
                + " windows-1252)");
    String date = "unknown";
    String given = title;
    int i = 0;
    boolean header = given == null || startsWithHeader(lines);
    for (; header && i < lines.size() && !lines.get(i).isBlank(); i++) {
      String line = lines.get(i);
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new FactsFormatException(
            file,
            i + 1,
            "header line must be 'Key: value', got: "
                + line
                + "; begin the report with a 'Title:' line, or give --title");
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "title" -> title = given != null ? given : value;
        case "date" -> date = value;
        default ->
            throw new FactsFormatException(
                file, i + 1, "unknown header '" + key + "' (expected Title or Date)");
      }
    }
    if (title == null || title.isEmpty()) {
      throw new FactsFormatException(file, 1, "the report needs a 'Title:' header line");
    }
    List<String> paragraphs = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    for (; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        addParagraph(paragraphs, paragraph);
      } else {
        paragraph.append(paragraph.length() > 0 ? " " : "").append(line);
      }
    }
    addParagraph(paragraphs, paragraph);
    if (paragraphs.isEmpty()) {
      throw new FactsFormatException(file, lines.size(), "the report has a header but no text");
    }
    return new Report(id, title, date, paragraphs);
  }

  /**
   * Writes {@code report} to {@code file} in this format, a paragraph a line, so that reading it
   * back gives the same report; the file is replaced whole, never seen half written.
   */
  public static void write(Path file, Report report) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      out.write("Title: " + oneLine(report.title()) + "\n");
      if (!report.date().equals("unknown")) {
        out.write("Date: " + oneLine(report.date()) + "\n");
      }
      for (String paragraph : report.paragraphs()) {
        out.write("\n" + oneLine(paragraph) + "\n");
      }
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** Returns whether the file begins with a {@code Title:} or {@code Date:} header line. */
  private static boolean startsWithHeader(List<String> lines) {
    return !lines.isEmpty() && lines.get(0).matches("(?i)\\s*(title|date)\\s*:.*");
  }

  /**
   * Returns the report id a report file gives: its folder's name, {@code acme} for {@code
   * facts/acme/report.txt}; for a file of another name, that name without its extension.
   */
  public static String idOf(Path file) {
    String name = file.getFileName().toString();
    Path folder = file.toAbsolutePath().getParent();
    return name.equals(FILE_NAME) && folder != null && folder.getFileName() != null
        ? folder.getFileName().toString()
        : name.replaceFirst("\\.[^.]*$", "");
  }

  private static void addParagraph(List<String> paragraphs, StringBuilder paragraph) {
    if (paragraph.length() > 0) {
      paragraphs.add(paragraph.toString());
      paragraph.setLength(0);
    }
  }
}

package msftchina.facts;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a report written in Markdown: the title from front matter's {@code title:} or the first
 * {@code #} heading, the date from front matter's {@code date:}, and each paragraph, list item and
 * quote as a paragraph of plain text. Headings, code, tables and footnote definitions are not
 * statements and are left out; footnote references {@code [^1]} and {@code <sup>1</sup>} become
 * citation markers {@code [1]}, and markers written {@code [1, 2]} stay as they are.
 */
final class MarkdownReport implements ReportReader {

  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)\\s*$");
  private static final Pattern ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+");
  private static final Pattern DEFINITION = Pattern.compile("^ {0,3}\\[\\^?[^\\]]+\\]:\\s");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
  private static final Pattern RULE = Pattern.compile("^ {0,3}([-*_])(\\s*\\1){2,}\\s*$");

  private final Charset charset;

  MarkdownReport(Charset charset) {
    this.charset = charset;
  }

  @Override
  public Report read(Path file, String id, String title) throws IOException {
    List<String> lines = TextFile.lines(file, charset, "save it as UTF-8, or name its encoding");
    String date = "unknown";
    String heading = null;
    int i = 0;
    if (!lines.isEmpty() && lines.get(0).strip().equals("---")) { // front matter
      for (i = 1; i < lines.size() && !lines.get(i).strip().equals("---"); i++) {
        String[] pair = lines.get(i).split(":", 2);
        String value = pair.length == 2 ? unquote(pair[1].strip()) : "";
        switch (pair[0].strip().toLowerCase(Locale.ROOT)) {
          case "title" -> heading = value.isEmpty() ? null : value;
          case "date" -> date = value.isEmpty() ? date : value;
          default -> {}
        }
      }
      i++;
    }
    List<String> paragraphs = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    boolean inCode = false;
    for (; i < lines.size(); i++) {
      String line = lines.get(i);
      if (FENCE.matcher(line).find()) {
        inCode = !inCode;
        flush(paragraphs, paragraph);
        continue;
      }
      Matcher h = HEADING.matcher(line);
      Matcher underline = UNDERLINE.matcher(line);
      if (inCode || line.isBlank() || (RULE.matcher(line).matches() && paragraph.length() == 0)) {
        flush(paragraphs, paragraph);
      } else if (h.matches() || (underline.matches() && isOneLine(paragraph))) {
        String text = h.matches() ? h.group(2) : paragraph.toString();
        if (heading == null && (h.matches() ? h.group(1).length() == 1 : line.contains("="))) {
          heading = inline(text).strip();
        }
        paragraph.setLength(0);
      } else if (line.stripLeading().startsWith("|") || DEFINITION.matcher(line).find()) {
        flush(paragraphs, paragraph);
        while (i + 1 < lines.size() && lines.get(i + 1).startsWith("    ")) {
          i++; // a footnote definition's further lines
        }
      } else if (!line.startsWith("    ")
          || paragraph.length() > 0
          || ITEM.matcher(line).find()) { // not indented code
        Matcher item = ITEM.matcher(line);
        if (item.find()) {
          flush(paragraphs, paragraph);
          line = line.substring(item.end());
        }
        line = line.replaceFirst("^\\s*(>\\s?)+", "").strip();
        paragraph.append(paragraph.length() > 0 ? " " : "").append(line);
      }
    }
    flush(paragraphs, paragraph);
    String name = title != null ? title : heading != null ? heading : id;
    if (paragraphs.isEmpty()) {
      throw new FactsFormatException(file, "no paragraphs of text (only headings, code or tables)");
    }
    return new Report(id, name, date, paragraphs);
  }

  private static boolean isOneLine(StringBuilder paragraph) {
    return paragraph.length() > 0 && paragraph.indexOf("\n") < 0;
  }

  private static void flush(List<String> paragraphs, StringBuilder paragraph) {
    String text = inline(paragraph.toString()).replaceAll("\\s+", " ").strip();
    if (text.codePoints().anyMatch(Character::isLetter)) {
      paragraphs.add(text);
    }
    paragraph.setLength(0);
  }

  /** Returns a line's inline Markdown as plain text, with citation markers as {@code [n]}. */
  static String inline(String text) {
    return text.replaceAll("!\\[[^\\]]*\\]\\([^)]*\\)", "") // images
        .replaceAll("\\[\\^(\\d{1,4})\\]", "[$1]") // footnote references
        .replaceAll("\\[(\\d{1,4}(?:\\s*[-\u2013,]\\s*\\d{1,4})*)\\]\\([^)]*\\)", "[$1]")
        .replaceAll("\\[([^\\]]+)\\]\\([^)]*\\)", "$1") // links: their text
        .replaceAll("\\[([^\\]]+)\\]\\[[^\\]]*\\]", "$1")
        .replaceAll(
            "(?i)<sup>\\s*\\[?(\\d{1,4}(?:\\s*[-\u2013,]\\s*\\d{1,4})*)\\]?\\s*</sup>", " [$1]")
        .replaceAll("<[^>]{1,200}>", "") // other inline HTML
        .replaceAll("`([^`]*)`", "$1")
        .replaceAll("(\\*\\*|__)(\\S(?:.*?\\S)?)\\1", "$2")
        .replaceAll("(?<![\\w*])[*_](\\S(?:.*?\\S)?)[*_](?![\\w*])", "$1")
        .replaceAll("\\\\([\\\\`*_{}\\[\\]()#+\\-.!])", "$1");
  }

  private static String unquote(String value) {
    return value.replaceAll("^([\"'])(.*)\\1$", "$2");
  }
}

package msftchina.facts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Reads a report saved as a web page: the title from {@code <title>} or the first {@code <h1>}, the
 * date from the page's publication meta tags, and each block of text ({@code <p>}, {@code <li>}, a
 * {@code <div>}'s own text) as a paragraph. A {@code <sup>} holding only citation numbers ({@code
 * <sup>1</sup>}, {@code <sup>[1, 2]</sup>}) becomes the marker {@code [1]}. Headings, navigation,
 * scripts, tables, figures and footnote or reference lists are left out.
 */
final class HtmlReport implements ReportReader {

  private static final Set<String> LEFT_OUT =
      Set.of(
          "head",
          "script",
          "style",
          "noscript",
          "template",
          "nav",
          "header",
          "footer",
          "aside",
          "form",
          "button",
          "select",
          "svg",
          "figure",
          "table",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "iframe",
          "object");

  private static final Set<String> CONTAINERS = Set.of("ol", "ul", "dl", "section", "div");

  /** Classes, ids and roles of the lists of sources a page ends with. */
  private static final Pattern SOURCES =
      Pattern.compile(
          "(?i).*\\b(footnotes?|references?|endnotes?|bibliography|citations?|doc-endnotes)\\b.*");

  private static final Pattern CITATION =
      Pattern.compile("\\[?\\s*(\\d{1,4}(?:\\s*[-\u2013,]\\s*\\d{1,4})*)\\s*\\]?");

  private static final String[] DATE_META = {
    "meta[name=date]",
    "meta[name=dc.date]",
    "meta[name=DC.date.issued]",
    "meta[name=citation_publication_date]",
    "meta[property=article:published_time]",
    "meta[itemprop=datePublished]"
  };

  @Override
  public Report read(Path file, String id, String title) throws IOException {
    Document page = Jsoup.parse(file.toFile(), null); // the charset its <meta> names, else UTF-8
    List<String> paragraphs = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    page.body()
        .filter(
            new NodeFilter() {
              @Override
              public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                  text.append(t.text());
                  return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) {
                  return FilterResult.SKIP_ENTIRELY;
                }
                if (e.isBlock() || e.normalName().equals("br")) {
                  flush(paragraphs, text);
                }
                if (e.normalName().equals("sup")) {
                  var marker = CITATION.matcher(e.text().strip());
                  if (marker.matches()) {
                    text.append(" [").append(marker.group(1)).append("]");
                    return FilterResult.SKIP_ENTIRELY;
                  }
                }
                if (LEFT_OUT.contains(e.normalName()) || isSources(e)) {
                  return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
              }

              @Override
              public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                  flush(paragraphs, text);
                }
                return FilterResult.CONTINUE;
              }
            });
    flush(paragraphs, text);
    if (paragraphs.isEmpty()) {
      throw new FactsFormatException(file, "no paragraphs of text in the page's body");
    }
    return new Report(id, title != null ? title : titleOf(page, id), dateOf(page), paragraphs);
  }

  /** Returns whether {@code e} is a list or section of sources, not of statements. */
  private static boolean isSources(Element e) {
    return CONTAINERS.contains(e.normalName())
        && SOURCES.matcher(e.className() + " " + e.id() + " " + e.attr("role")).matches();
  }

  private static String titleOf(Document page, String id) {
    String title = page.title().strip();
    if (title.isEmpty()) {
      Element h1 = page.selectFirst("h1");
      title = h1 == null ? "" : h1.text().strip();
    }
    return title.isEmpty() ? id : title;
  }

  private static String dateOf(Document page) {
    for (String query : DATE_META) {
      Element meta = page.selectFirst(query);
      if (meta != null && !meta.attr("content").isBlank()) {
        String date = meta.attr("content").strip();
        return date.matches("\\d{4}-\\d{2}-\\d{2}T.*") ? date.substring(0, 10) : date;
      }
    }
    Element time = page.selectFirst("time[datetime]");
    return time != null && !time.attr("datetime").isBlank()
        ? time.attr("datetime").strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2})T.*", "$1")
        : "unknown";
  }

  private static void flush(List<String> paragraphs, StringBuilder text) {
    String paragraph = text.toString().replaceAll("\\s+", " ").strip();
    if (paragraph.codePoints().anyMatch(Character::isLetter)) {
      paragraphs.add(paragraph);
    }
    text.setLength(0);
  }
}

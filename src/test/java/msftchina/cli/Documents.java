package msftchina.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Reports as people have them, made by the tests: PDFs written with PDFBox. */
final class Documents {

  private static final float LEFT = 72;
  private static final float TOP = 720;
  private static final float LINE = 16;
  private static final float PARAGRAPH = 40;

  private static final Pattern SUPERSCRIPT = Pattern.compile("\\^\\{([^}]*)\\}");

  private Documents() {}

  private static void show(
      PDPageContentStream text, PDType1Font font, float size, float rise, String s)
      throws IOException {
    if (!s.isEmpty()) {
      text.setFont(font, size);
      text.setTextRise(rise);
      text.showText(s);
    }
  }

  /**
   * Writes a one-page PDF to {@code file}: {@code title} in its metadata (none when null), created
   * 2025-09-30, {@code heading} in 20 pt bold (none when null), then {@code lines} in 12 pt, each
   * {@code ^{1}} in them set as a superscript (7 pt, raised 5 pt); an empty line ends a paragraph.
   */
  static void pdf(Path file, String title, String heading, List<String> lines) throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      PDType1Font body = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
        text.beginText();
        text.newLineAtOffset(LEFT, TOP);
        if (heading != null) {
          text.setFont(bold, 20);
          text.showText(heading);
          text.newLineAtOffset(0, -PARAGRAPH);
        }
        for (String line : lines) {
          if (line.isEmpty()) {
            text.newLineAtOffset(0, -(PARAGRAPH - LINE));
            continue;
          }
          Matcher superscript = SUPERSCRIPT.matcher(line);
          int at = 0;
          while (superscript.find()) {
            show(text, body, 12, 0, line.substring(at, superscript.start()));
            show(text, body, 7, 5, superscript.group(1));
            at = superscript.end();
          }
          show(text, body, 12, 0, line.substring(at));
          text.newLineAtOffset(0, -LINE);
        }
        text.endText();
      }
      PDDocumentInformation info = pdf.getDocumentInformation();
      if (title != null) {
        info.setTitle(title);
      }
      Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      created.clear();
      created.set(2025, Calendar.SEPTEMBER, 30, 12, 0);
      info.setCreationDate(created);
      pdf.save(file.toFile());
    }
  }
}

package msftchina.facts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Reads a report saved as a PDF: the title from the document's metadata, else its first heading (a
 * short block in a font larger than the body text), else its first line; the date from its creation
 * date; and its text blocks as paragraphs, with superscript citation numbers as markers ({@link
 * PdfText}). Headings and page numbers are left out, and a paragraph broken by a page or column end
 * (ending without a stop, the next beginning in lower case) is joined again.
 */
final class PdfReport implements ReportReader {

  @Override
  public Report read(Path file, String id, String title) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
      PdfText text = new PdfText();
      text.getText(pdf);
      List<PdfText.Block> blocks = text.blocks();
      float body = bodySize(blocks);
      String heading = null;
      List<String> paragraphs = new ArrayList<>();
      for (PdfText.Block block : blocks) {
        String joined = joined(block.lines());
        if (joined.matches("(?i)(page\\s*)?\\d{1,5}(\\s*(of|/)\\s*\\d{1,5})?")) {
          continue; // a page number
        }
        if (block.size() >= body * 1.15f && block.lines().size() <= 3) {
          heading = heading == null ? joined : heading;
          continue;
        }
        int last = paragraphs.size() - 1;
        if (last >= 0 && continues(paragraphs.get(last), joined)) {
          paragraphs.set(last, paragraphs.get(last) + " " + joined);
        } else {
          paragraphs.add(joined);
        }
      }
      PDDocumentInformation info = pdf.getDocumentInformation();
      String named = info.getTitle() == null ? "" : info.getTitle().strip();
      if (paragraphs.isEmpty()) {
        throw new FactsFormatException(
            file, "no text in the PDF (a scanned image? ingest reads a PDF's text, not pictures)");
      }
      if (heading == null && paragraphs.get(0).length() <= 150) {
        heading = paragraphs.get(0).matches(".*[.!?]$") ? null : paragraphs.remove(0);
      }
      String chosen =
          title != null ? title : !named.isEmpty() ? named : heading != null ? heading : id;
      return new Report(id, chosen, dateOf(info.getCreationDate()), paragraphs);
    } catch (InvalidPasswordException e) {
      throw new FactsFormatException(file, "the PDF is encrypted; save a copy without a password");
    }
  }

  /** Returns the font size most of the document's text is set in. */
  private static float bodySize(List<PdfText.Block> blocks) {
    Map<Float, Integer> chars = new TreeMap<>();
    for (PdfText.Block block : blocks) {
      chars.merge(block.size(), joined(block.lines()).length(), Integer::sum);
    }
    return chars.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(0f);
  }

  /** Returns a block's lines as one text, words hyphenated across a line end joined again. */
  private static String joined(List<String> lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      boolean hyphenated =
          text.length() > 1
              && text.charAt(text.length() - 1) == '-'
              && Character.isLetter(text.charAt(text.length() - 2))
              && Character.isLowerCase(line.codePointAt(0));
      if (hyphenated) {
        text.setLength(text.length() - 1);
      } else if (text.length() > 0) {
        text.append(' ');
      }
      text.append(line);
    }
    return text.toString().replaceAll("\\s+", " ").strip();
  }

  /** Returns whether {@code next} goes on with the sentence {@code paragraph} breaks off. */
  private static boolean continues(String paragraph, String next) {
    return !paragraph.matches("(?s).*[.!?:\"\u201D)\\]]$") && Character.isLowerCase(next.charAt(0));
  }

  private static String dateOf(Calendar created) {
    return created == null ? "unknown" : String.format(Locale.ROOT, "%tF", created);
  }
}

package msftchina.facts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF's text as blocks (PDFBox's paragraphs), each with its lines and the font size of its body
 * text. Citation numbers set as superscripts (a digit in a smaller font, its baseline raised above
 * the line's body text) are written as markers: {@code services.¹} is read {@code services. [1]}. A
 * number in a smaller font that is not raised (a footnote's own number) stays as it is.
 */
final class PdfText extends PDFTextStripper {

  /** A block of text: its lines and the font size most of its characters have. */
  record Block(List<String> lines, float size, int page) {}

  private final List<Block> blocks = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();
  private final StringBuilder line = new StringBuilder();
  private final Map<Float, Integer> sizes = new HashMap<>();
  private float pageBody;
  private float baseline = Float.NaN;
  private final StringBuilder superscript = new StringBuilder();

  /** Returns the blocks of the document's text, in reading order. */
  List<Block> blocks() {
    return blocks;
  }

  @Override
  protected void writePage() throws IOException {
    Map<Float, Integer> counts = new HashMap<>();
    for (List<TextPosition> article : getCharactersByArticle()) {
      for (TextPosition p : article) {
        counts.merge(rounded(p.getFontSizeInPt()), 1, Integer::sum);
      }
    }
    pageBody = mostCommon(counts);
    super.writePage();
    endBlock();
  }

  @Override
  protected void writeString(String text, List<TextPosition> positions) {
    for (TextPosition p : positions) {
      String c = p.getUnicode();
      float size = p.getFontSizeInPt();
      boolean small = size <= pageBody * 0.85f;
      boolean raised = !Float.isNaN(baseline) && baseline - p.getYDirAdj() >= pageBody * 0.15f;
      boolean marker = c.matches("\\d") || (superscript.length() > 0 && c.matches("[,\u2013-]"));
      if (small && raised && marker) {
        superscript.append(c);
        continue;
      }
      endSuperscript();
      line.append(c);
      if (!c.isBlank()) {
        sizes.merge(rounded(size), c.length(), Integer::sum);
        if (!small) {
          baseline = p.getYDirAdj();
        }
      }
    }
  }

  @Override
  protected void writeWordSeparator() {
    endSuperscript();
    line.append(' ');
  }

  @Override
  protected void writeLineSeparator() {
    endLine();
  }

  @Override
  protected void writeParagraphEnd() {
    endBlock();
  }

  @Override
  protected void writeParagraphStart() {
    endBlock();
  }

  @Override
  protected void writePageStart() {
    baseline = Float.NaN;
  }

  @Override
  protected void writePageEnd() {
    endBlock();
  }

  private void endSuperscript() {
    if (superscript.length() > 0) {
      String numbers = superscript.toString().replaceAll("[,\u2013-]+$", "");
      line.append(" [").append(numbers).append("]");
      superscript.setLength(0);
    }
  }

  private void endLine() {
    endSuperscript();
    String text = line.toString().strip();
    if (!text.isEmpty()) {
      lines.add(text);
    }
    line.setLength(0);
    baseline = Float.NaN;
  }

  private void endBlock() {
    endLine();
    if (!lines.isEmpty()) {
      float size = sizes.isEmpty() ? pageBody : mostCommon(sizes);
      blocks.add(new Block(List.copyOf(lines), size, getCurrentPageNo()));
    }
    lines.clear();
    sizes.clear();
  }

  private static float rounded(float size) {
    return Math.round(size * 2) / 2f;
  }

  private static float mostCommon(Map<Float, Integer> counts) {
    return counts.entrySet().stream()
        .max(Map.Entry.<Float, Integer>comparingByValue().thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .orElse(0f);
  }
}

package msftchina.facts;

import java.text.Normalizer;
import java.util.Locale;

/** Makes a report's folder name under {@code facts/} from a file's name. */
public final class ReportName {

  private ReportName() {}

  /**
   * Returns {@code name} as a report's name: lower case, runs of anything but letters and digits
   * made one hyphen, accents dropped; {@code "Q3 Results (final).pdf"} is {@code q3-results-final}.
   * A file named {@code report.txt} is named after its folder.
   */
  public static String of(java.nio.file.Path file) {
    String slug =
        Normalizer.normalize(ReportFile.idOf(file), Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]+", "-")
            .replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "report" : slug;
  }
}

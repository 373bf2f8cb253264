package msftchina.english;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import msftchina.facts.FactsDirectory;

/**
 * The lists the build writes from WordNet, one a report: for each folder of {@code facts/} holding
 * a report's file of senses or places, the list drawn from it, as {@code REPORT.txt}.
 */
final class ReportLists {

  /** Writes one report's list. */
  interface ReportList {
    /**
     * Writes to {@code out} the list of the report folder {@code report} of {@code facts}, drawn
     * from {@code wordNet}.
     */
    void write(Path report, Path facts, WordNetData wordNet, Path out) throws IOException;
  }

  private ReportLists() {}

  /**
   * Reads {@code args[0]} (the facts folder) and, for each of its folders holding {@code file},
   * writes its list with {@code list} under {@code args[1]}, as the folder's name with ".txt".
   */
  static void writeEach(String[] args, String file, ReportList list) throws IOException {
    Path facts = Path.of(args[0]);
    Path out = Path.of(args[1]);
    WordNetData wordNet = new WordNetData();
    Files.createDirectories(out);
    for (Path report : new FactsDirectory(facts).foldersWith(file)) {
      list.write(report, facts, wordNet, out.resolve(report.getFileName() + ".txt"));
    }
  }
}

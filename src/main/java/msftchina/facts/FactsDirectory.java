package msftchina.facts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code facts/} folder: one folder a report ({@code facts/NAME/}: the report, its facts and
 * what is known about its names), and beside them the word lists of the language, shared by every
 * report (stop words, general synonyms, kinds of figure).
 *
 * @param path the folder
 */
public record FactsDirectory(Path path) {

  /** Returns the reports' folders, sorted by name: the folders that hold a facts file. */
  public List<ReportFolder> reports() throws IOException {
    List<ReportFolder> reports =
        listing(Files::isDirectory).stream()
            .map(ReportFolder::new)
            .filter(r -> Files.isRegularFile(r.factsFile()))
            .toList();
    if (reports.isEmpty()) {
      throw new NoSuchFileException(
          path.toString(),
          null,
          "no report folder with a "
              + FactsFile.FILE_NAME
              + "; run 'msftchina ingest "
              + path.resolve("NAME").resolve(ReportFile.FILE_NAME)
              + "'");
    }
    return reports;
  }

  /** Returns every fact of every report, report by report. */
  public List<Fact> readFacts() throws IOException {
    List<Fact> facts = new ArrayList<>();
    for (ReportFolder report : reports()) {
      facts.addAll(report.readFacts());
    }
    return facts;
  }

  /** Returns a shared file of this folder by name. */
  public Path resolve(String name) {
    return path.resolve(name);
  }

  /**
   * Returns a SHA-256 over the names and contents of the shared files and of {@code report}'s
   * files, so an index built from other facts or other word lists can be told apart.
   */
  public String hash(ReportFolder report) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      FactsFile.checkSize(report.factsFile()); // before reading it whole to hash it
      List<Path> files = new ArrayList<>(listing(Files::isRegularFile));
      files.addAll(report.files());
      for (Path file : files) {
        digest.update(path.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(file));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private List<Path> listing(java.util.function.Predicate<Path> kind) throws IOException {
    if (!Files.isDirectory(path)) {
      throw new NoSuchFileException(path.toString(), null, "the facts folder is missing");
    }
    try (Stream<Path> files = Files.list(path)) {
      return files.filter(kind).sorted().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

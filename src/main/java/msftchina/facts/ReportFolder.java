package msftchina.facts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One report's folder of {@code facts/}: {@code report.txt} (the report verbatim), {@code
 * facts.jsonl} (its statements and what each gives, made by {@code ingest}), and the word lists
 * about this report alone ({@code aliases.txt}, {@code names.txt}, {@code synonyms.txt}, {@code
 * examples.txt}).
 *
 * @param path the folder
 */
public record ReportFolder(Path path) {

  /** Returns the report's id: its folder's name. */
  public String id() {
    return path.getFileName().toString();
  }

  /** Returns the report's facts file. */
  public Path factsFile() {
    return path.resolve(FactsFile.FILE_NAME);
  }

  /** Returns the report's statements. */
  public List<Fact> readFacts() throws IOException {
    return FactsFile.read(factsFile());
  }

  /**
   * Returns the report's date as the {@code Date:} line of its {@code report.txt} header gives it,
   * or "unknown"; reads the header only.
   */
  public String date() throws IOException {
    Path file = resolve(ReportFile.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return "unknown";
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null && !line.isBlank(); line = in.readLine()) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("date")) {
          String date = line.substring(colon + 1).strip();
          return date.isEmpty() ? "unknown" : date;
        }
      }
    } catch (CharacterCodingException e) {
      return "unknown"; // ingest names the encoding problem; the date is only shown
    }
    return "unknown";
  }

  /** Returns a file of this folder by name. */
  public Path resolve(String name) {
    return path.resolve(name);
  }

  /** Returns the folder's files, sorted by name. */
  List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(path)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

package msftchina.facts;

import java.io.IOException;
import java.io.UncheckedIOException;
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

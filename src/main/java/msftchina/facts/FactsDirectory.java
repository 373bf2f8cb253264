package msftchina.facts;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The {@code facts/} folder: the reports, their facts files, and the word lists search uses.
 *
 * @param path the folder
 */
public record FactsDirectory(Path path) {

  /** Returns the facts files in this folder, sorted by name. */
  public List<Path> factsFiles() throws IOException {
    List<Path> files =
        listing().stream()
            .filter(f -> f.getFileName().toString().endsWith(FactsFile.SUFFIX))
            .toList();
    if (files.isEmpty()) {
      throw new NoSuchFileException(
          path.toString(),
          null,
          "no *" + FactsFile.SUFFIX + " file; run 'msftchina ingest <report file>'");
    }
    return files;
  }

  /** Returns every fact of every facts file in this folder. */
  public List<Fact> readFacts() throws IOException {
    List<Fact> facts = new ArrayList<>();
    for (Path file : factsFiles()) {
      facts.addAll(FactsFile.read(file));
    }
    return facts;
  }

  /** Returns a file of this folder by name. */
  public Path resolve(String name) {
    return path.resolve(name);
  }

  /**
   * Returns a SHA-256 over the names and contents of every file in this folder, so an index built
   * from other facts or other word lists can be told apart.
   */
  public String hash() throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path file : listing()) {
        digest.update(
            file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(file));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private List<Path> listing() throws IOException {
    if (!Files.isDirectory(path)) {
      throw new NoSuchFileException(path.toString(), null, "the facts folder is missing");
    }
    try (Stream<Path> files = Files.list(path)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

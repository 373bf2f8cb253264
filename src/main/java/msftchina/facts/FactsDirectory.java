package msftchina.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    return hasher().hash(report);
  }

  /**
   * Returns a hasher of reports as {@link #hash(ReportFolder)} hashes them, the shared files read
   * once for all of them.
   */
  public Hasher hasher() throws IOException {
    MessageDigest shared = sha256();
    List<Path> files = listing(Files::isRegularFile);
    for (Path file : files) {
      update(shared, file);
    }
    return new Hasher(shared, stamp(files));
  }

  /** Hashes reports beside the shared files it has read. */
  public final class Hasher {

    private final MessageDigest shared;
    private final String sharedStamp;

    private Hasher(MessageDigest shared, String sharedStamp) {
      this.shared = shared;
      this.sharedStamp = sharedStamp;
    }

    /**
     * Returns the names, sizes, modification times and file keys of the shared files: while they
     * and a report's {@link #stamp(ReportFolder)} are the same, so is its hash (a file written anew
     * has a new time).
     */
    public String sharedStamp() {
      return sharedStamp;
    }

    /** Returns the names, sizes, modification times and file keys of {@code report}'s files. */
    public String stamp(ReportFolder report) throws IOException {
      return FactsDirectory.stamp(report.files());
    }

    /** Returns the hash of {@code report}, as {@link FactsDirectory#hash(ReportFolder)}. */
    public String hash(ReportFolder report) throws IOException {
      MessageDigest digest;
      try {
        digest = (MessageDigest) shared.clone();
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
      }
      for (Path file : report.files()) {
        update(digest, file);
      }
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  private static String stamp(List<Path> files) throws IOException {
    StringBuilder stamp = new StringBuilder();
    for (Path file : files) {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      stamp
          .append(file.getFileName())
          .append('\0')
          .append(attributes.size())
          .append('\0')
          .append(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS))
          .append('\0')
          .append(attributes.fileKey()) // a file moved over another is another file
          .append('\n');
    }
    return stamp.toString();
  }

  private void update(MessageDigest digest, Path file) throws IOException {
    digest.update(path.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16]; // a file of any size, a buffer at a time
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    digest.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
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

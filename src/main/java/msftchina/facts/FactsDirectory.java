package msftchina.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
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

  /**
   * Returns the folders, sorted by name, that hold a file named {@code file} (a report's {@code
   * senses.txt}), whether or not they hold facts yet: what the build reads to write the jar's word
   * lists.
   */
  public List<Path> foldersWith(String file) throws IOException {
    try (Stream<Path> list = Files.list(path)) {
      return list.filter(dir -> Files.exists(dir.resolve(file))).sorted().toList();
    }
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
    Stamp stamp = stamp(files); // before reading: a write meanwhile gives a stamp not seen yet
    long hashedAt = now();
    for (Path file : files) {
      update(shared, file);
    }
    return new Hasher(shared, stamp, stamp.settledBefore(hashedAt));
  }

  /** Returns the time now as a file time in nanoseconds, to compare with {@link Stamp#newest}. */
  public static long now() {
    return FileTime.from(Instant.now()).to(TimeUnit.NANOSECONDS);
  }

  /**
   * What the attributes of some files say of them: {@code text} (their names, sizes, modification
   * and change times, file keys) is the same while they are, and {@code newest} is the latest
   * modification time, in nanoseconds.
   *
   * @param text the names and attributes, a line a file
   * @param newest the latest modification time of the files
   */
  public record Stamp(String text, long newest) {

    /**
     * How close to its hashing a file's modification time makes its stamp untrustworthy: a file
     * written again within one tick of the file system's clock (2 s on the coarsest, FAT) at the
     * same size keeps its stamp; git's "racy clean" rule.
     */
    static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * Returns whether every file was last written well before {@code hashedAt} (from {@link
     * #now()}, taken before the files were read): only then does an unchanged stamp show unchanged
     * contents.
     */
    public boolean settledBefore(long hashedAt) {
      return newest < hashedAt - RACY_NANOS;
    }
  }

  /** Hashes reports beside the shared files it has read. */
  public final class Hasher {

    private final MessageDigest shared;
    private final Stamp sharedStamp;
    private final boolean sharedSettled;

    private Hasher(MessageDigest shared, Stamp sharedStamp, boolean sharedSettled) {
      this.shared = shared;
      this.sharedStamp = sharedStamp;
      this.sharedSettled = sharedSettled;
    }

    /**
     * Returns the stamp of the shared files, read before they were: while it and a report's {@link
     * #stamp(ReportFolder)} are the same and both {@link Stamp#settledBefore settled} when hashed,
     * so is its hash (a file written anew has a new time).
     */
    public Stamp sharedStamp() {
      return sharedStamp;
    }

    /** Returns whether the shared files were written well before they were read here. */
    public boolean sharedSettled() {
      return sharedSettled;
    }

    /** Returns the stamp of {@code report}'s files; read it before {@link #hash} reads them. */
    public Stamp stamp(ReportFolder report) throws IOException {
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

  private static Stamp stamp(List<Path> files) throws IOException {
    StringBuilder stamp = new StringBuilder();
    long newest = Long.MIN_VALUE;
    for (Path file : files) {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
      newest = Math.max(newest, modified);
      stamp
          .append(file.getFileName())
          .append('\0')
          .append(attributes.size())
          .append('\0')
          .append(modified)
          .append('\0')
          .append(changed(file)) // a modification time set back leaves this one new
          .append('\0')
          .append(attributes.fileKey()) // a file moved over another is another file
          .append('\n');
    }
    return new Stamp(stamp.toString(), newest);
  }

  /** Returns {@code file}'s status change time where the file system keeps one, or "". */
  private static String changed(Path file) throws IOException {
    try {
      return Files.getAttribute(file, "unix:ctime").toString();
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return ""; // no "unix" view here (Windows): the other attributes and the racy rule remain
    }
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

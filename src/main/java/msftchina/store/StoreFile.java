package msftchina.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SQLite database file as serve opened it, and what became of it since: deleted, replaced by
 * another file, or truncated. SQLite keeps writing to the file it opened even once it is deleted
 * (the data goes with the last connection), so nothing fails; only comparing the file at the path
 * with the one opened (its file key: device and inode) shows it. A check costs one {@code stat} and
 * a read of the first 100 bytes.
 *
 * <p>Beside the file, a marker ({@code NAME.created}) says that msftchina keeps a database there,
 * and since when. A start that finds the marker but not the database says that the store it used
 * before is gone, rather than starting an empty one in silence. A marker was chosen over anything
 * inside the database because what is lost is the database itself; over a record elsewhere (the
 * home folder) because it goes where the database goes when the folder is moved or backed up. When
 * the whole folder is deleted, the marker goes too, and nothing can be said.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class StoreFile {

  private static final Logger log = LoggerFactory.getLogger("msftchina.store");

  static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final Object key;
  private final boolean hadHeader;
  private String problem;

  private StoreFile(Path file, Object key, boolean hadHeader) {
    this.file = file;
    this.key = key;
    this.hadHeader = hadHeader;
  }

  /** Returns the marker kept beside {@code file}. */
  static Path marker(Path file) {
    return file.resolveSibling(file.getFileName() + ".created");
  }

  /**
   * Called before {@code file} is opened: when it is missing and its marker says msftchina kept a
   * database there, logs that the store used before is gone, and what to do.
   */
  static void checkNotLost(Path file) {
    Path marker = marker(file);
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(marker)) {
      return;
    }
    String since = "";
    try {
      since =
          Files.readAllLines(marker, StandardCharsets.UTF_8).stream()
              .filter(l -> l.startsWith("created="))
              .map(l -> " (created " + l.substring("created=".length()).strip() + ")")
              .findFirst()
              .orElse("");
    } catch (IOException e) {
      // the marker's presence is what counts
    }
    log.warn(
        "the database file {} that msftchina used before{} is missing: it was deleted or moved"
            + " while serve was stopped, or while it ran. Starting with a new, empty one; the"
            + " questions, votes and pending replies it held are not here. To get them back, stop"
            + " serve, restore {} from a backup and start again",
        file,
        since,
        file);
  }

  /** Writes the marker beside {@code file} when it is missing or the file was just made. */
  static void mark(Path file, boolean created) {
    Path marker = marker(file);
    if (!created && Files.isRegularFile(marker)) {
      return;
    }
    String text =
        "# msftchina keeps its database in "
            + file.getFileName()
            + " beside this file. When this file is here and that one is not, serve says at\n"
            + "# start that the database it used before is missing. Delete both to start afresh.\n"
            + "created="
            + Instant.now()
            + (created ? "" : " (or before: first seen then)")
            + "\n";
    try {
      Path temp = marker.resolveSibling(marker.getFileName() + ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      log.warn(
          "cannot write {} ({}): a later start can't tell if {} went missing",
          marker,
          e.getClass().getSimpleName(),
          file);
    }
  }

  /** Returns the file at {@code file} as it is now, to be watched; null when it can't be read. */
  static StoreFile opened(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new StoreFile(file, a.fileKey(), a.size() >= 100 && hasHeader(file));
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Looks at the file again; returns what is wrong with it (also when found before), or null. The
   * first time something is found it is logged, with what to do. Once lost, the file stays lost:
   * the connections still write to the one opened.
   */
  synchronized String check() {
    if (problem != null) {
      return problem;
    }
    String found = look();
    if (found != null) {
      problem = found;
      boolean unlinked = found.contains(" deleted ") || found.contains(" replaced ");
      log.warn(
          "{}: {}; questions are still answered. Stop serve, then restore {} from a backup and"
              + " start serve again, or {}start serve again to begin a new, empty database",
          found,
          unlinked
              ? "questions, votes and pending replies go from now on to the deleted file serve"
                  + " still has open, and are lost when it stops"
              : "what it held is gone, and questions, votes and pending replies may no longer be"
                  + " kept",
          file,
          unlinked ? "" : "move it away and ");
    }
    return found;
  }

  /** Returns what was found wrong with the file, or null. */
  synchronized String problem() {
    return problem;
  }

  private String look() {
    BasicFileAttributes now;
    try {
      now = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return "the database file " + file + " was deleted while serving";
    } catch (IOException e) {
      return null; // unreadable for a moment (permissions, a network file system): not lost
    }
    if (key != null && !Objects.equals(key, now.fileKey())) {
      // Deleted, then made anew by a connection opening it, or replaced by a restore: either way
      // the file at the path is not the one serve writes to.
      return "the database file "
          + file
          + " was deleted or replaced while serving (the file now at that path is not the one"
          + " serve opened)";
    }
    if (!hadHeader) {
      return null;
    }
    if (now.size() < 100) {
      return "the database file "
          + file
          + " was truncated while serving ("
          + now.size()
          + " bytes)";
    }
    try {
      if (!hasHeader(file)) {
        return "the database file " + file + " was overwritten while serving: no longer SQLite";
      }
    } catch (IOException e) {
      return null; // gone or unreadable since the stat: the next look says which
    }
    return null;
  }

  private static boolean hasHeader(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
    }
  }
}

package msftchina.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the bundled {@code facts/} tree, for tests that change it. */
public final class FactsCopy {

  private FactsCopy() {}

  /** Copies {@code from}, folders and all, to {@code to}, and returns {@code to}. */
  public static Path of(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }
}

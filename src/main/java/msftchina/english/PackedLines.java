package msftchina.english;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The lines of a sorted word list packed into one array, for binary search without a String per
 * line: {@code bytes} holds each kept line followed by a newline, {@code starts} where each begins,
 * with one more entry at the end.
 *
 * <p>NOTE: not copied, so not to be changed once made.
 */
final class PackedLines {

  /** The kept lines, each ending in a newline. */
  final byte[] bytes;

  /** The offset of each line in {@link #bytes}, then {@code bytes.length}. */
  final int[] starts;

  private PackedLines(byte[] bytes, int[] starts) {
    this.bytes = bytes;
    this.starts = starts;
  }

  /** Returns the lines of the list the build put at {@code resource} on the class path. */
  static PackedLines resource(String resource) {
    try (InputStream in = PackedLines.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is missing from the class path: build with mvn package");
      }
      return of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the lines of {@code list}, blank lines and {@code #} lines left out. */
  static PackedLines of(byte[] list) {
    int lines = 0;
    for (byte b : list) {
      if (b == '\n') {
        lines++;
      }
    }
    byte[] bytes = new byte[list.length + 1];
    int[] starts = new int[lines + 2];
    int n = 0;
    int length = 0;
    int lineStart = 0;
    for (int i = 0; i <= list.length; i++) {
      if (i == list.length || list[i] == '\n') {
        if (i > lineStart && list[lineStart] != '#') {
          starts[n++] = length;
          System.arraycopy(list, lineStart, bytes, length, i - lineStart);
          length += i - lineStart;
          bytes[length++] = '\n';
        }
        lineStart = i + 1;
      }
    }
    starts[n] = length;
    return new PackedLines(Arrays.copyOf(bytes, length), Arrays.copyOf(starts, n + 1));
  }
}

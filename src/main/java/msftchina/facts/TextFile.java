package msftchina.facts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a text file strictly in one encoding: bytes that are not text in it are an error naming the
 * file, the line, the byte offset and what to do, never a bare {@code MalformedInputException}.
 */
public final class TextFile {

  private TextFile() {}

  /** Returns the lines of {@code file}, which we write ourselves in UTF-8. */
  public static List<String> lines(Path file) throws IOException {
    return lines(file, StandardCharsets.UTF_8, "save it as UTF-8");
  }

  /**
   * Returns the lines of {@code file} in {@code charset}; a byte that is not text in it throws
   * {@link FactsFormatException} ending with {@code advice}. A UTF-8 byte-order mark is skipped.
   */
  public static List<String> lines(Path file, Charset charset, String advice) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (charset.equals(StandardCharsets.UTF_8) && startsWithByteOrderMark(bytes)) {
      in.position(3);
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * decoder.maxCharsPerByte()));
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      throw new FactsFormatException(
          file,
          lineAt(bytes, offset),
          String.format(
              Locale.ROOT,
              "not %s text: byte %d (0x%02X) is not a character in %s; %s",
              charset.name(),
              offset,
              bytes[offset] & 0xff,
              charset.name(),
              advice));
    }
    out.flip();
    return out.toString().lines().toList();
  }

  private static boolean startsWithByteOrderMark(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF;
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}

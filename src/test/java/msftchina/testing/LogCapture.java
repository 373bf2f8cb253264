package msftchina.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the bot logs (slf4j-simple writes to {@code System.err}) while a test runs, kept off the
 * console: a test captures the log when it provokes warnings or errors on purpose and asserts on
 * them itself, so that a passing build's log shows only what no test asked for (.ci/check-log).
 * Tests in one JVM run one at a time, so one capture at a time sees only its test.
 */
public final class LogCapture implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  public LogCapture() {
    this(false);
  }

  /** Returns a capture that also shows what is logged on the console, for a test being debugged. */
  public static LogCapture echoing() {
    return new LogCapture(true);
  }

  private LogCapture(boolean echo) {
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (bytes) {
              bytes.write(b);
            }
            if (echo) {
              original.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) {
            synchronized (bytes) {
              bytes.write(b, off, len);
            }
            if (echo) {
              original.write(b, off, len);
            }
          }
        };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  /** Returns the lines logged so far. */
  public List<String> lines() {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Override
  public void close() {
    System.err.flush();
    System.setErr(original);
  }
}

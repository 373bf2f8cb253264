package msftchina.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Shows how far a long run has come on standard error: on a terminal, a bar redrawn in place at
 * most ten times a second; otherwise (a log, a pipe) a plain "N of M" line every few seconds. Lines
 * printed through it while the bar shows are printed above the bar, never into it.
 */
final class Progress implements AutoCloseable {

  private static final long REDRAW_NANOS = 100_000_000L;
  private static final long LINE_NANOS = 5_000_000_000L;
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final PrintStream err;
  private final int total;
  private final String what;
  private final boolean terminal;
  private final LongSupplier nanos;
  private final long started;
  private long shown;
  private int done;
  private boolean drawn;
  private boolean redraw;

  /**
   * Creates a progress of {@code total} {@code what} (a plural noun), drawn as a bar when {@code
   * terminal}, with {@code nanos} as the clock.
   */
  Progress(
      PrintStream out,
      PrintStream err,
      int total,
      String what,
      boolean terminal,
      LongSupplier nanos) {
    this.out = out;
    this.err = err;
    this.total = total;
    this.what = what;
    this.terminal = terminal;
    this.nanos = nanos;
    this.started = nanos.getAsLong();
    this.shown = started;
  }

  /**
   * Returns whether this process's standard error is a terminal a bar can be drawn on: on Linux,
   * file descriptor 2 is a terminal device and {@code TERM} is not {@code dumb}; false elsewhere.
   */
  static boolean stderrIsTerminal(Map<String, String> env) {
    if ("dumb".equals(env.getOrDefault("TERM", "dumb"))) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** Counts one more done, and shows it when it is time to. */
  void step() {
    done++;
    long now = nanos.getAsLong();
    if (terminal && total > 1 && (redraw || now - shown >= REDRAW_NANOS)) {
      draw(now);
    } else if (!terminal && done < total && now - shown >= LINE_NANOS) {
      err.printf(Locale.ROOT, "%d of %d %s, %.0f s%n", done, total, what, seconds(now));
      shown = now;
    }
  }

  /** Prints {@code line} on standard output. */
  void out(String line) {
    clear();
    out.println(line);
  }

  /** Prints {@code line} on standard error. */
  void err(String line) {
    clear();
    err.println(line);
  }

  /** Removes the bar. */
  @Override
  public void close() {
    clear();
  }

  private void draw(long now) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    err.printf(
        Locale.ROOT,
        "\r[%s%s] %d of %d %s, %.0f s",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        done,
        total,
        what,
        seconds(now));
    err.flush();
    drawn = true;
    redraw = false;
    shown = now;
  }

  private void clear() {
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
      drawn = false;
      redraw = true;
    }
  }

  private double seconds(long now) {
    return (now - started) / 1e9;
  }
}

package msftchina.server;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the process when it does little but collect garbage: a heap so full that each collection
 * frees just enough to go on never throws {@link OutOfMemoryError} (so {@code
 * -XX:+ExitOnOutOfMemoryError} never fires), yet answers nothing, /healthz included. When the
 * collector takes more than {@link #MAX_GC_SHARE} of the time over {@link #WINDOW_MILLIS}, it logs
 * one line and halts with {@link #EXIT_CODE}, so that a supervisor starts the bot again; replies
 * acknowledged and not yet sent are in the store, and the next start sends them.
 */
public final class GcWatchdog {

  private static final Logger log = LoggerFactory.getLogger(GcWatchdog.class);

  /**
   * The share of time spent collecting that means a death spiral: 90%, as HotSpot's own overhead
   * limit of the parallel collector (98%) but sooner; a healthy bot under a flood spends under 20%.
   */
  static final double MAX_GC_SHARE = 0.9;

  /** The window the share is measured over: long enough that one full collection doesn't count. */
  static final long WINDOW_MILLIS = 10_000;

  /** How often the share is measured. */
  private static final long TICK_MILLIS = 1_000;

  /**
   * The exit code of a halt: as the JVM's own for an OutOfMemoryError with ExitOnOutOfMemoryError.
   */
  static final int EXIT_CODE = 3;

  private GcWatchdog() {}

  /** Starts watching, on a daemon thread of its own. */
  public static void start() {
    List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    Thread thread = new Thread(() -> watch(collectors), "gc-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  private static void watch(List<GarbageCollectorMXBean> collectors) {
    int slots = (int) (WINDOW_MILLIS / TICK_MILLIS);
    long[] gc = new long[slots + 1];
    long[] wall = new long[slots + 1];
    int n = 0;
    try {
      while (true) {
        gc[n % gc.length] =
            collectors.stream().mapToLong(c -> Math.max(0, c.getCollectionTime())).sum();
        wall[n % wall.length] = System.nanoTime() / 1_000_000;
        if (n >= slots) {
          int oldest = (n - slots) % gc.length;
          long spent = gc[n % gc.length] - gc[oldest];
          long elapsed = wall[n % wall.length] - wall[oldest];
          if (elapsed > 0 && spent > MAX_GC_SHARE * elapsed) {
            halt(spent, elapsed);
          }
        }
        n++;
        Thread.sleep(TICK_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void halt(long spent, long elapsed) {
    try {
      log.error(
          "the heap is full: collecting garbage took {} ms of the last {} ms; stopping so that a"
              + " supervisor starts the bot again (replies not yet sent are in the store, and the"
              + " next start sends them); if this recurs, give serve a larger heap (JAVA_OPTS=-Xmx…)",
          spent,
          elapsed);
    } finally {
      Runtime.getRuntime().halt(EXIT_CODE);
    }
  }
}

package msftchina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap {@code bin/msftchina serve} gives the JVM: sized for the bounds and the library it
 * starts with (the arithmetic in the script and README's "Memory"), so a large library gets more
 * without a flag, {@code JAVA_OPTS} still overrides it, and an OutOfMemoryError still ends the
 * process. The JVM is asked for its flags and stops ({@code -XX:+PrintFlagsFinal -version}).
 */
class LauncherHeapIT {

  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Pattern MAX_HEAP = Pattern.compile("\\bMaxHeapSize\\s+= (\\d+)");

  @Test
  void theBundledReportGetsTheHeapItsBoundsNeed() throws Exception {
    String flags = serveFlags(PROJECT.resolve("facts"), "");

    assertEquals(160, maxHeapMiB(flags), "2 x (18 + 1.3 x 45.5 + 64 KiB / 8) = 154 -> 160");
    assertTrue(flags.matches("(?s).*\\bExitOnOutOfMemoryError\\s+= true.*"), flags);
  }

  @Test
  void aLargerLibraryGetsALargerHeap(@TempDir Path facts) throws Exception {
    writeMiB(facts.resolve("big").resolve("facts.jsonl"), 80);

    assertEquals(176, maxHeapMiB(serveFlags(facts, "")), "2 x (77.2 + 80 / 8) = 174 -> 176");
  }

  @Test
  void javaOptsStillOverrideIt(@TempDir Path facts) throws Exception {
    writeMiB(facts.resolve("big").resolve("facts.jsonl"), 80);

    assertEquals(64, maxHeapMiB(serveFlags(facts, "-Xmx64m")));
  }

  /** Returns the flags of the JVM {@code bin/msftchina serve} starts with {@code facts}. */
  private static String serveFlags(Path facts, String javaOpts) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("sh", PROJECT.resolve("bin/msftchina").toString(), "serve")
            .directory(PROJECT.toFile())
            .redirectErrorStream(true);
    builder.environment().put("MSFTCHINA_FACTS", facts.toString());
    builder.environment().put("JAVA_OPTS", javaOpts + " -XX:+PrintFlagsFinal -version");
    Process jvm = builder.start();
    String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(jvm.waitFor(30, TimeUnit.SECONDS), out);
    assertEquals(0, jvm.exitValue(), out);
    return out;
  }

  private static long maxHeapMiB(String flags) {
    Matcher m = MAX_HEAP.matcher(flags);
    assertTrue(m.find(), flags);
    return Long.parseLong(m.group(1)) >> 20;
  }

  /** Writes {@code mib} MiB to {@code file}, not sparse: {@code du} counts what is written. */
  private static void writeMiB(Path file, int mib) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] block = new byte[1 << 20];
    Arrays.fill(block, (byte) '{');
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < mib; i++) {
        out.write(block);
      }
    }
  }
}

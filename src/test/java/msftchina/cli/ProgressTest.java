package msftchina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a long ingest shows on standard error as it goes, on a terminal and in a log. */
class ProgressTest {

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of(
            "a log: a line at most every 5 s, none at the end",
            false,
            "1 of 4 files, 6 s\n2 of 4 files, 12 s\n3 of 4 files, 18 s\nwritten\n"),
        Arguments.of(
            "a terminal: the bar redrawn in place, cleared for a line and at the end",
            true,
            "\r[#######                       ] 1 of 4 files, 6 s"
                + "\r[###############               ] 2 of 4 files, 12 s"
                + "\r[######################        ] 3 of 4 files, 18 s"
                + "\r\033[Kwritten\n"
                + "\r[##############################] 4 of 4 files, 24 s"
                + "\r\033[K"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void progressOfFourFilesTakingSixSecondsEach(String where, boolean terminal, String shown) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    AtomicLong now = new AtomicLong(1_000_000_000L);
    try (Progress progress = new Progress(stream, stream, 4, "files", terminal, now::get)) {
      for (int i = 0; i < 4; i++) {
        now.addAndGet(6_000_000_000L);
        if (i == 3) {
          progress.out("written");
        }
        progress.step();
      }
    }
    assertEquals(shown, err.toString(StandardCharsets.UTF_8));
  }
}

package msftchina.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import msftchina.app.Outcome;
import msftchina.app.QuestionAsked;
import msftchina.app.Surface;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder's queue at its byte bound: a flood of 4,000-character questions faster than the
 * database takes them never holds more than {@link StoreSettings#recordQueueBytes}; what doesn't
 * fit is dropped and counted.
 */
class RecorderBoundTest {

  /** A bound of its own, below the default 2 MiB: the configured one is the one kept. */
  private static final long BOUND = 256L << 10;

  @TempDir Path temp;

  @Test
  void aFloodOfLongQuestionsStaysWithinTheQueuesBytes() throws Exception {
    StoreSettings settings =
        StoreSettings.from(Map.of("MSFTCHINA_DB", "jdbc:sqlite:" + temp.resolve("flood.db")))
            .withRecordQueueBytes(BOUND);
    Database db = Database.open(settings);
    String question = "who is the biggest AI customer in China? " + "x".repeat(3_960);
    long perRecord = RecordQueue.RECORD_OVERHEAD + 2L * question.length();
    try (Recorder recorder = new Recorder(db)) {
      // Faster than the writer takes them: it gathers for 100 ms after the first of a batch.
      int n = (int) (3 * BOUND / perRecord);
      for (int i = 0; i < n; i++) {
        recorder.asked(mention(System.currentTimeMillis(), question));
        assertTrue(
            recorder.queue().bytes() <= BOUND,
            "within its bytes after " + i + ": " + recorder.queue().bytes());
      }
      assertTrue(recorder.queue().droppedSinceStart() > 0, "what didn't fit is counted as dropped");
      assertTrue(RecordQueue.bytes(Queued.of(mention(0, question))) == perRecord);
    }
  }

  /** A mention of {@code question} asked at {@code at}, not yet answered. */
  private static QuestionAsked mention(long at, String question) {
    return new QuestionAsked(
        at, Surface.MENTION, "T", "C", "U", question, Outcome.UNKNOWN, 1, null, null);
  }
}

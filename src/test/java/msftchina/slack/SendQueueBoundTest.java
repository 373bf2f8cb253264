package msftchina.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import msftchina.metrics.Metrics;
import msftchina.testing.LogCapture;
import org.junit.jupiter.api.Test;

/**
 * The outbox at its byte bound: a reply that doesn't fit is replaced by its busy note while the
 * notes fit, and beyond that given up at once with a log line naming it; none is lost, and the
 * bytes come back as replies are delivered.
 */
class SendQueueBoundTest {

  private static final long REPLY = 10_000;

  @Test
  void atItsBoundTheOutboxSendsBusyNotesThenNamesWhatItGivesUp() throws Exception {
    CountDownLatch slack = new CountDownLatch(1); // Slack takes nothing until released
    Set<String> posted = ConcurrentHashMap.newKeySet();
    Set<String> failed = ConcurrentHashMap.newKeySet();
    Delivery policy = new Delivery(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 2);
    long maxBytes = 10 * REPLY;
    long maxBusy = 3 * ReplyBudget.BUSY_NOTE_BYTES;
    int queued = 0;
    int refused = 0;
    try (LogCapture log = new LogCapture();
        Metrics metrics = Metrics.withJvm()) {
      SendQueue outbox =
          new SendQueue(policy, metrics, maxBytes, maxBusy, SendQueue.IN_FLIGHT_GRACE);
      for (int i = 0; i < 20; i++) {
        String id = "Ev" + i;
        boolean sent =
            outbox.send(
                "C" + (i % 3),
                "chat.postMessage",
                "event " + id,
                REPLY,
                () -> post(slack, posted, id),
                () -> post(slack, posted, "busy " + id),
                error -> failed.add(id + ": " + error));
        if (sent) {
          queued++;
        } else {
          refused++;
        }
        assertTrue(outbox.bytes() <= maxBytes + maxBusy, "within its bound: " + outbox.bytes());
      }
      assertEquals(10, queued, "as many replies as fit in its bytes");
      assertEquals(10, refused);
      assertEquals(7, failed.size(), "three busy notes fit; seven are given up");
      assertTrue(
          failed.stream().allMatch(f -> f.endsWith(": " + SendQueue.BUSY)), failed.toString());
      List<String> lines = log.lines();
      for (int i = 13; i < 20; i++) {
        String name = "event Ev" + i + " not answered, nor told: the bot is busy";
        assertTrue(lines.stream().anyMatch(l -> l.contains(name)), name + " in " + lines);
      }
      for (int i = 10; i < 13; i++) {
        String name = "event Ev" + i + " not answered: the bot is busy";
        assertTrue(lines.stream().anyMatch(l -> l.contains(name)), name + " in " + lines);
      }

      slack.countDown();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (posted.size() < 13 && System.nanoTime() < end) {
        Thread.sleep(10);
      }
      for (int i = 0; i < 10; i++) {
        assertTrue(posted.contains("Ev" + i), "reply Ev" + i + " posted");
      }
      for (int i = 10; i < 13; i++) {
        assertTrue(posted.contains("busy Ev" + i), "busy note for Ev" + i + " posted");
        assertFalse(posted.contains("Ev" + i));
      }
      while (outbox.bytes() > 0 && System.nanoTime() < end) {
        Thread.sleep(10);
      }
      assertEquals(0, outbox.bytes(), "every byte given back once delivered");
      assertTrue(
          outbox.send("C0", "chat.postMessage", "event again", REPLY, () -> ok(), null, null),
          "room again once delivered");
      outbox.close(Duration.ofSeconds(5));
    }
  }

  @Test
  void aWorkerKilledByAnErrorIsReportedForHealthz() throws Exception {
    Delivery policy = new Delivery(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 2);
    try (Metrics metrics = Metrics.withJvm();
        LogCapture log = new LogCapture()) {
      SendQueue outbox = new SendQueue(policy, metrics);
      assertEquals(null, outbox.deadWorkers());
      outbox.send(
          "C",
          "chat.postMessage",
          "event EvDies",
          REPLY,
          () -> {
            throw new StackOverflowError("provoked");
          },
          null,
          null);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (outbox.deadWorkers() == null && System.nanoTime() < end) {
        Thread.sleep(10);
      }
      assertEquals(
          "1 of 2 outbox workers died: replies are sent slowly or not at all",
          outbox.deadWorkers());
      outbox.close(Duration.ofSeconds(1));
      assertEquals(null, outbox.deadWorkers(), "a closed outbox's workers are not missed");
    }
  }

  @Test
  void aReplyCountsItsCharactersTwiceAndItsOverhead() {
    assertEquals(2 * 4_000 + ReplyBudget.REPLY_OVERHEAD, SendQueue.replyBytes(4_000));
  }

  private static Delivery.Verdict post(CountDownLatch slack, Set<String> posted, String what)
      throws java.io.IOException {
    try {
      slack.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException();
    }
    posted.add(what);
    return Delivery.Verdict.ok();
  }

  private static Delivery.Verdict ok() {
    return Delivery.Verdict.ok();
  }
}

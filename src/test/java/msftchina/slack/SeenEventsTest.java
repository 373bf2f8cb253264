package msftchina.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The memory of answered events: a repeat is recognised, and the memory stays bounded. */
class SeenEventsTest {

  private static final class Ticking extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void anEventIdIsNewOnceAndARepeatAfterwards() {
    SeenEvents seen =
        new SeenEvents(Duration.ofHours(1), SlackMemory.DEFAULTS.seenEventsBytes(), new Ticking());
    assertTrue(seen.firstTime("Ev1"));
    assertFalse(seen.firstTime("Ev1"));
    assertTrue(seen.firstTime("Ev2"));
  }

  @Test
  void memoryIsBoundedInBytesForgettingTheOldest() {
    long perId = SeenEvents.ENTRY_OVERHEAD + 2L * "Ev1".length();
    SeenEvents seen = new SeenEvents(Duration.ofHours(1), 3 * perId, new Ticking());
    for (String id : new String[] {"Ev1", "Ev2", "Ev3", "Ev4"}) {
      seen.firstTime(id);
    }
    assertEquals(3, seen.size());
    assertEquals(3 * perId, seen.bytes());
    assertTrue(seen.firstTime("Ev1"), "the oldest was forgotten");
    assertFalse(seen.firstTime("Ev4"));
  }

  @Test
  void longIdsCountForTheirLengthSoAFloodOfThemStaysWithinTheBound() {
    long bound = 64 << 10;
    SeenEvents seen = new SeenEvents(Duration.ofHours(1), bound, new Ticking());
    String response = "https://hooks.slack.com/actions/T0/1/" + "x".repeat(4_000);
    for (int i = 0; i < 1_000; i++) {
      seen.firstTime(response + i);
      assertTrue(seen.bytes() <= bound, "within its bytes after " + i + " ids");
    }
    long perId = SeenEvents.ENTRY_OVERHEAD + 2L * (response.length() + 3);
    assertEquals(bound / perId, seen.size(), "as many as fit, not a fixed count");
    assertFalse(seen.firstTime(response + 999), "the newest is remembered");
  }

  @Test
  void memoryIsBoundedByAge() {
    Ticking clock = new Ticking();
    SeenEvents seen =
        new SeenEvents(Duration.ofMinutes(30), SlackMemory.DEFAULTS.seenEventsBytes(), clock);
    seen.firstTime("Ev1");
    clock.now = clock.now.plus(Duration.ofMinutes(31));
    assertEquals(0, seen.size());
    assertTrue(seen.firstTime("Ev1"));
  }

  @Test
  void eventsWithoutAnIdAreNeverTakenForRepeats() {
    SeenEvents seen =
        new SeenEvents(Duration.ofHours(1), SlackMemory.DEFAULTS.seenEventsBytes(), new Ticking());
    assertTrue(seen.firstTime(null));
    assertTrue(seen.firstTime(null));
  }
}

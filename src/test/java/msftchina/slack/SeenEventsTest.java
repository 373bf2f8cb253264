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
    SeenEvents seen = new SeenEvents(10, Duration.ofHours(1), new Ticking());
    assertTrue(seen.firstTime("Ev1"));
    assertFalse(seen.firstTime("Ev1"));
    assertTrue(seen.firstTime("Ev2"));
  }

  @Test
  void memoryIsBoundedByCountForgettingTheOldest() {
    SeenEvents seen = new SeenEvents(3, Duration.ofHours(1), new Ticking());
    for (String id : new String[] {"Ev1", "Ev2", "Ev3", "Ev4"}) {
      seen.firstTime(id);
    }
    assertEquals(3, seen.size());
    assertTrue(seen.firstTime("Ev1"), "the oldest was forgotten");
    assertFalse(seen.firstTime("Ev4"));
  }

  @Test
  void memoryIsBoundedByAge() {
    Ticking clock = new Ticking();
    SeenEvents seen = new SeenEvents(100, Duration.ofMinutes(30), clock);
    seen.firstTime("Ev1");
    clock.now = clock.now.plus(Duration.ofMinutes(31));
    assertEquals(0, seen.size());
    assertTrue(seen.firstTime("Ev1"));
  }

  @Test
  void eventsWithoutAnIdAreNeverTakenForRepeats() {
    SeenEvents seen = new SeenEvents(10, Duration.ofHours(1), new Ticking());
    assertTrue(seen.firstTime(null));
    assertTrue(seen.firstTime(null));
  }
}

package msftchina.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import msftchina.app.Earlier;
import msftchina.app.FollowUp;
import msftchina.facts.Fact;
import msftchina.facts.Gives;
import msftchina.search.Answer;
import msftchina.search.Match;
import msftchina.search.Question;
import msftchina.search.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The memory of answers per thread stays bounded in bytes and by age, and a follow-up is read with
 * the thread's earlier question only when it refers back.
 */
class ThreadMemoryTest {

  private static final class Ticking extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final Earlier BYTEDANCE =
      new Earlier(
          "who is Microsoft's biggest AI customer in China?",
          new Answer(
              "who is Microsoft's biggest AI customer in China?",
              List.of(
                  new Match(
                      new Fact(
                          "r:1.2",
                          "Report",
                          1,
                          2,
                          "ByteDance leads as Microsoft's biggest AI customer in China.",
                          List.of(1),
                          new Gives(
                              List.of("Microsoft", "ByteDance", "China"),
                              List.of(),
                              List.of(),
                              List.of())),
                      1f,
                      List.of())),
              null,
              Answer.Strength.STRONG,
              1));

  @Test
  void recallsTheLastAnswerOfAThreadInItsChannelOnly() {
    ThreadMemory memory =
        new ThreadMemory(Duration.ofHours(1), SlackMemory.DEFAULTS.threadBytes(), new Ticking());
    memory.remember("C1", "1.1", BYTEDANCE);
    assertRecalls(BYTEDANCE, memory.recall("C1", "1.1"));
    assertNull(memory.recall("C2", "1.1"));
    assertNull(memory.recall("C1", "1.2"));
    assertNull(memory.recall("C1", null));
  }

  @Test
  void forgetsTheLeastRecentlyAnsweredThreadBeyondItsCapacity() {
    ThreadMemory memory =
        new ThreadMemory(Duration.ofHours(1), 2 * cost("C/1", BYTEDANCE), new Ticking());
    memory.remember("C", "1", BYTEDANCE);
    memory.remember("C", "2", BYTEDANCE);
    memory.remember("C", "1", BYTEDANCE); // answered again: now the most recent
    memory.remember("C", "3", BYTEDANCE);
    assertEquals(2, memory.size());
    assertNull(memory.recall("C", "2"));
    assertRecalls(BYTEDANCE, memory.recall("C", "1"));
    assertRecalls(BYTEDANCE, memory.recall("C", "3"));
  }

  @Test
  void aFloodOfLongQuestionsKeepsWithinItsBytesAndKeepsWhatAFollowUpNeeds() {
    long bound = 256 << 10;
    ThreadMemory memory = new ThreadMemory(Duration.ofHours(1), bound, new Ticking());
    String longQuestion = "who is Microsoft's biggest AI customer in China? " + "x".repeat(3_950);
    Earlier asked = new Earlier(longQuestion, BYTEDANCE.answer().to(longQuestion));
    for (int i = 0; i < 2_000; i++) {
      memory.remember("C", Integer.toString(i), asked);
    }
    long perThread = cost("C/1999", asked); // the question cut to what is searched
    assertTrue(perThread < 2 * 4_000, "a 4,000-character question is kept cut: " + perThread);
    assertTrue(memory.bytes() <= bound, memory.bytes() + " bytes within " + bound);
    assertTrue(
        memory.size() >= bound / perThread && memory.size() <= bound / (perThread - 6),
        memory.size() + " threads: as many as fit, not a fixed count");
    Earlier kept = memory.recall("C", "1999");
    assertEquals(Question.MAX_CHARS, kept.question().length());
    assertEquals("how much does ByteDance spend?", FollowUp.read("how much does it spend?", kept));
  }

  @Test
  void forgetsThreadsAnsweredLongerAgoThanItsWindow() {
    Ticking clock = new Ticking();
    ThreadMemory memory =
        new ThreadMemory(Duration.ofMinutes(30), SlackMemory.DEFAULTS.threadBytes(), clock);
    memory.remember("C", "1", BYTEDANCE);
    clock.now = clock.now.plus(Duration.ofMinutes(29));
    assertRecalls(BYTEDANCE, memory.recall("C", "1"));
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    assertNull(memory.recall("C", "1"));
    assertEquals(0, memory.size());
  }

  /** What an entry of {@code asked} under {@code key} costs, by the class's documented estimate. */
  private static long cost(String key, Earlier asked) {
    int question = Math.min(asked.question().length(), Question.MAX_CHARS);
    return ThreadMemory.ENTRY_OVERHEAD + 2L * (key.length() + question);
  }

  private static void assertRecalls(Earlier expected, Earlier recalled) {
    assertEquals(expected.question(), recalled.question());
    assertEquals(expected.answer().matches(), recalled.answer().matches());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "how much does it spend?            | how much does ByteDance spend?",
        "What is its spending?              | What is ByteDance's spending?",
        "how much do they spend on Azure?   | how much do ByteDance spend on Azure?",
        "它每年花多少钱？                      | ByteDance每年花多少钱？",
        "How fast is Azure's AI revenue growing in China? | -",
        "what about Tencent?                | -",
        "itemised spending?                 | -"
      })
  void aFollowUpIsReadWithTheEarlierQuestionOnlyWhenItRefersBack(String followUp, String expected) {
    assertEquals(expected, FollowUp.read(followUp, BYTEDANCE));
  }

  @Test
  void withNothingEarlierOrNothingToReferToTheFollowUpStandsOrIsJoined() {
    assertNull(FollowUp.read("how much does it spend?", null));
    Earlier refused =
        new Earlier(
            "what is Nvidia's revenue?",
            Answer.refused(
                "what is Nvidia's revenue?",
                new Refusal(Refusal.Reason.NAME_NOT_IN_REPORT, List.of("Nvidia"))));
    assertEquals(
        "what is Nvidia's revenue? and its growth?", FollowUp.read("and its growth?", refused));
  }
}

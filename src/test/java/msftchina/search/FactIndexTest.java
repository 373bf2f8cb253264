package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import msftchina.facts.FactsDirectory;
import msftchina.testing.FactsCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index is built when missing, reused when current, rebuilt when stale or corrupt: on the small
 * fixture report ({@link FixtureReport}), copied where a test changes it.
 */
class FactIndexTest {

  private static final FactsDirectory FACTS = new FactsDirectory(FixtureReport.dir());

  /** The library index's folder in the index directory. */
  private static final String REPORT = "library";

  private static final String SAMPLE = "Who is Lumenbay's biggest customer?";

  @TempDir Path tmp;

  private final List<String> log = new ArrayList<>();

  /**
   * Opens the index (through the knowledge base, as the bot does) in {@code indexDir}, logging to
   * {@link #log}, and returns the answer to {@code question}.
   */
  private Answer openAndAsk(Path indexDir, FactsDirectory facts, String question)
      throws IOException {
    try (KnowledgeBase kb = KnowledgeBase.open(facts.path(), indexDir, log::add)) {
      assertEquals(13, kb.factCount());
      return kb.ask(question);
    }
  }

  private static void assertSampleAnswered(Answer answer) {
    assertTrue(answer.answered(), "no answer to the sample question");
    assertEquals("lumenbay:1.2", answer.matches().get(0).fact().id());
  }

  @Test
  void buildsThenReopensWithoutRebuilding() throws IOException {
    Path indexDir = tmp.resolve("index");
    assertSampleAnswered(openAndAsk(indexDir, FACTS, SAMPLE));
    assertEquals(1, log.size(), "the first open builds the index: " + log);

    log.clear();
    assertSampleAnswered(openAndAsk(indexDir, FACTS, SAMPLE));
    assertEquals(List.of(), log, "a current index is reused without a rebuild");
  }

  @Test
  void missingFolderIsBuilt() throws IOException {
    Path indexDir = tmp.resolve("not").resolve("there").resolve("index");
    assertFalse(Files.exists(indexDir));
    assertSampleAnswered(openAndAsk(indexDir, FACTS, SAMPLE));
    assertEquals(1, log.size(), log.toString());
    assertTrue(log.get(0).contains("missing"), log.get(0));
    assertTrue(Files.isDirectory(indexDir));
    try (Stream<Path> files = Files.list(indexDir.resolve(REPORT))) {
      assertTrue(
          files.anyMatch(f -> f.getFileName().toString().startsWith("segments_")),
          "the index is on disk");
    }
  }

  @Test
  void staleIndexIsRebuiltOnceAndFindsTheNewText() throws IOException {
    Path factsDir = tmp.resolve("facts");
    FactsCopy.of(FACTS.path(), factsDir);
    FactsDirectory copy = new FactsDirectory(factsDir);
    Path indexDir = tmp.resolve("index");
    assertFalse(
        openAndAsk(indexDir, copy, "quokka husbandry").answered(),
        "the word is not in the facts yet");

    Path factsFile = factsDir.resolve(FixtureReport.REPORT).resolve("facts.jsonl");
    String before = Files.readString(factsFile, StandardCharsets.UTF_8);
    String after =
        before.replace(
            "from Pellucid Semiconductor.\"",
            "from Pellucid Semiconductor and quokka husbandry.\"");
    assertFalse(before.equals(after), "the fact text was changed");
    Files.writeString(factsFile, after, StandardCharsets.UTF_8);

    log.clear();
    Answer answer = openAndAsk(indexDir, copy, "quokka husbandry");
    assertEquals(1, log.size(), "exactly one rebuild line: " + log);
    assertTrue(log.get(0).contains("older than the facts"), log.get(0));
    assertTrue(answer.answered(), "the rebuilt index finds the new text");
    assertEquals("lumenbay:3.1", answer.matches().get(0).fact().id());
    assertTrue(answer.matches().get(0).fact().text().contains("quokka husbandry"));

    log.clear();
    assertTrue(openAndAsk(indexDir, copy, "quokka husbandry").answered());
    assertEquals(List.of(), log, "the rebuilt index is current");
  }

  @Test
  void indexWithEveryFileOverwrittenByGarbageIsRebuilt() throws IOException {
    Path indexDir = tmp.resolve("index");
    openAndAsk(indexDir, FACTS, SAMPLE);
    Random random = new Random(42);
    try (Stream<Path> files = Files.list(indexDir.resolve(REPORT))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] garbage = new byte[(int) Math.max(64, Files.size(file))];
        random.nextBytes(garbage);
        Files.write(file, garbage);
      }
    }

    log.clear();
    assertSampleAnswered(openAndAsk(indexDir, FACTS, SAMPLE));
    assertEquals(1, log.size(), "exactly one rebuild line: " + log);
    assertTrue(log.get(0).contains("corrupt"), log.get(0));

    log.clear();
    assertSampleAnswered(openAndAsk(indexDir, FACTS, SAMPLE));
    assertEquals(List.of(), log, "the rebuilt index is sound");
  }

  @Test
  void indexWithTruncatedSegmentsFileIsRebuilt() throws IOException {
    Path indexDir = tmp.resolve("index");
    openAndAsk(indexDir, FACTS, SAMPLE);
    Path segments;
    try (Stream<Path> files = Files.list(indexDir.resolve(REPORT))) {
      segments =
          files
              .filter(f -> f.getFileName().toString().startsWith("segments_"))
              .findFirst()
              .orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(segments);
    Files.write(segments, Arrays.copyOf(bytes, bytes.length / 2));

    log.clear();
    assertSampleAnswered(openAndAsk(indexDir, FACTS, SAMPLE));
    assertEquals(1, log.size(), "exactly one rebuild line: " + log);
    assertTrue(log.get(0).contains("corrupt"), log.get(0));
  }

  @Test
  void indexWithEmptySegmentsFileIsRebuilt() throws IOException {
    Path indexDir = tmp.resolve("index");
    openAndAsk(indexDir, FACTS, SAMPLE);
    try (Stream<Path> files = Files.list(indexDir.resolve(REPORT))) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(f, new byte[0]);
      }
    }

    log.clear();
    assertSampleAnswered(openAndAsk(indexDir, FACTS, SAMPLE));
    assertEquals(1, log.size(), "exactly one rebuild line: " + log);
  }

  /** Overwrites the files of {@code indexDir} whose names pass {@code which} with random bytes. */
  private static void garble(Path indexDir, java.util.function.Predicate<String> which)
      throws IOException {
    Random random = new Random(7);
    try (Stream<Path> files = Files.list(indexDir.resolve(REPORT))) {
      for (Path file :
          files
              .filter(Files::isRegularFile)
              .filter(f -> which.test(f.getFileName().toString()))
              .toList()) {
        byte[] garbage = new byte[(int) Math.max(64, Files.size(file))];
        random.nextBytes(garbage);
        Files.write(file, garbage);
      }
    }
  }

  @Test
  void indexWithEveryFileButTheLockOverwrittenByGarbageIsRebuilt() throws IOException {
    Path indexDir = tmp.resolve("index");
    openAndAsk(indexDir, FACTS, SAMPLE);
    garble(indexDir, name -> !name.equals("write.lock"));

    log.clear();
    assertSampleAnswered(openAndAsk(indexDir, FACTS, SAMPLE));
    assertEquals(1, log.size(), "exactly one rebuild line: " + log);
    assertTrue(log.get(0).contains("corrupt"), log.get(0));
  }

  @Test
  void staleIndexWithAGarbledLockFileIsRebuilt() throws IOException {
    Path factsDir = tmp.resolve("facts");
    FactsCopy.of(FACTS.path(), factsDir);
    FactsDirectory copy = new FactsDirectory(factsDir);
    Path indexDir = tmp.resolve("index");
    openAndAsk(indexDir, copy, SAMPLE);
    garble(indexDir, name -> name.equals("write.lock"));
    Files.writeString(
        factsDir.resolve(FixtureReport.REPORT).resolve("examples.txt"),
        "\nWho buys Lumenbay's robots?\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);

    log.clear();
    assertSampleAnswered(openAndAsk(indexDir, copy, SAMPLE));
    assertEquals(1, log.size(), "exactly one rebuild line: " + log);
  }

  @Test
  void indexWithDataGarbledBetweenHeaderAndFooterIsRebuilt() throws IOException {
    Path indexDir = tmp.resolve("index");
    openAndAsk(indexDir, FACTS, SAMPLE);
    Random random = new Random(11);
    try (Stream<Path> files = Files.list(indexDir.resolve(REPORT))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        if (name.equals("write.lock") || name.startsWith("segments_") || bytes.length <= 128) {
          continue;
        }
        for (int i = 64; i < bytes.length - 16; i++) {
          bytes[i] = (byte) random.nextInt(256);
        }
        Files.write(file, bytes);
      }
    }

    log.clear();
    assertSampleAnswered(openAndAsk(indexDir, FACTS, SAMPLE));
    assertEquals(1, log.size(), "exactly one rebuild line: " + log);
  }

  @Test
  void indexWithoutItsSegmentsFileIsRebuilt() throws IOException {
    Path indexDir = tmp.resolve("index");
    openAndAsk(indexDir, FACTS, SAMPLE);
    try (Stream<Path> files = Files.list(indexDir.resolve(REPORT))) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.delete(f);
      }
    }

    log.clear();
    assertSampleAnswered(openAndAsk(indexDir, FACTS, SAMPLE));
    assertEquals(1, log.size(), "exactly one rebuild line: " + log);
    assertTrue(log.get(0).contains("missing"), log.get(0));
  }
}

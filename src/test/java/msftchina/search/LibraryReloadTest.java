package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import msftchina.facts.Fact;
import msftchina.facts.FactsFile;
import msftchina.testing.FactsCopy;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A library brought up to date while it runs (a report rewritten, removed or added) answers every
 * question exactly as a library opened afresh on the same facts: the same statements, with the same
 * scores, since a reload counts only the changed report's words into the word statistics it keeps.
 */
class LibraryReloadTest {

  private static final int REPORTS = 30;
  private static final int STATEMENTS = 20;

  private static final List<String> QUESTIONS =
      List.of(
          "How did freight revenue change in Lisbon?",
          "Why did the harbour margin fall?",
          "What did the ferries earn in 2021?",
          "Where are warehouses being built?",
          "Who is Microsoft's biggest AI customer in China?",
          "How fast is Azure's AI revenue growing in China?",
          "tell me about cranes and tugboats",
          "revenue");

  @TempDir Path tmp;

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of("a report rewritten", (Change) facts -> write(facts, "port-07", 99)),
        Arguments.of(
            "a report removed",
            (Change)
                facts -> {
                  Files.delete(facts.resolve("port-11").resolve(FactsFile.FILE_NAME));
                  Files.delete(facts.resolve("port-11"));
                }),
        Arguments.of("a report added", (Change) facts -> write(facts, "port-99", 7)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void answersAfterAReloadAreThoseOfALibraryOpenedAfresh(String name, Change change)
      throws IOException {
    Path facts = FactsCopy.of(Path.of("facts"), tmp.resolve("facts"));
    for (int r = 0; r < REPORTS; r++) {
      write(facts, String.format("port-%02d", r), r);
    }
    try (KnowledgeBase running = KnowledgeBase.open(facts, tmp.resolve("running"), line -> {})) {
      running.ask(QUESTIONS.get(0)); // in use before the change
      change.apply(facts);
      assertTrue(running.reload(), "the change is picked up");
      // The change is small enough for the word counts to be brought up to date, not recounted.
      assertTrue(
          2 * STATEMENTS < WordCounts.RECOUNT_SHARE * running.factCount(),
          "the fixture changes few enough statements");
      assertTrue(running.with(Library::countsUpdated), "the word counts brought up to date");
      try (KnowledgeBase fresh = KnowledgeBase.open(facts, tmp.resolve("fresh"), line -> {})) {
        assertEquals(fresh.catalog(), running.catalog());
        for (String question : QUESTIONS) {
          assertEquals(fresh.ask(question), running.ask(question), question);
        }
      }
    }
  }

  static Stream<Arguments> reloads() {
    return Stream.of(
        Arguments.of("a change seen", (Reload) KnowledgeBase::reload),
        Arguments.of("SIGHUP", (Reload) KnowledgeBase::reloadAll));
  }

  /**
   * A facts file rewritten at the same size and given back its old modification time (a tool that
   * restores times, or a write within one tick of a coarse clock) is still read again.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("reloads")
  void aRewriteThatKeepsSizeAndModificationTimeIsPickedUp(String name, Reload reload)
      throws IOException {
    Path facts = FactsCopy.of(Path.of("facts"), tmp.resolve("facts"));
    for (int r = 0; r < REPORTS; r++) {
      write(facts, String.format("port-%02d", r), r);
    }
    FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    try (Stream<Path> files = Files.walk(facts)) {
      for (Path each : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(each, old); // long settled: their hashes are kept by stamp
      }
    }
    Path file = facts.resolve("port-07").resolve(FactsFile.FILE_NAME);
    try (KnowledgeBase running = KnowledgeBase.open(facts, tmp.resolve("running"), line -> {})) {
      assertFalse(running.reload(), "nothing changed yet"); // hashed, and the hash kept
      String before = Files.readString(file);
      String after = before.replace("Lisbon", "L1sb0n").replace("Gdansk", "Lisbon");
      assertNotEquals(before, after, "the fixture names both ports");
      Files.writeString(file, after.replace("L1sb0n", "Gdansk"));
      Files.setLastModifiedTime(file, old);
      assertEquals(Files.size(file), before.length(), "the same size");

      assertTrue(reload.apply(running), "the rewrite is picked up");
      assertTrue(running.with(Library::countsUpdated), "the word counts brought up to date");
      try (KnowledgeBase fresh = KnowledgeBase.open(facts, tmp.resolve("fresh"), line -> {})) {
        assertEquals(fresh.catalog(), running.catalog());
        for (String question : QUESTIONS) {
          assertEquals(fresh.ask(question), running.ask(question), question);
        }
      }
    }
  }

  /** A way of reloading. */
  interface Reload {
    boolean apply(KnowledgeBase knowledge);
  }

  /** A change to the facts folder. */
  interface Change {
    void apply(Path facts) throws IOException;
  }

  /** Writes report {@code id}: harbour news drawn from a word pool by {@code seed}. */
  private static void write(Path facts, String id, int seed) throws IOException {
    String[] what = {"freight revenue", "harbour margin", "ferry earnings", "warehouse space"};
    String[] where = {"Lisbon", "Porto", "Rotterdam", "Gdansk", "Valencia", "Hamburg"};
    String[] how = {"rose", "fell", "doubled", "slipped", "recovered"};
    String[] extra = {"cranes", "tugboats", "container berths", "dry docks", "pilots"};
    Random random = new Random(seed);
    List<Fact> statements = new ArrayList<>();
    for (int i = 1; i <= STATEMENTS; i++) {
      String text =
          "In "
              + (2015 + random.nextInt(10))
              + " the "
              + what[random.nextInt(what.length)]
              + " in "
              + where[random.nextInt(where.length)]
              + " "
              + how[random.nextInt(how.length)]
              + " as "
              + extra[random.nextInt(extra.length)]
              + (random.nextBoolean() ? " were added." : " were built for new warehouses.");
      statements.add(new Fact(id + ":" + i + ".1", "Port review " + id, i, 1, text, List.of(i)));
    }
    Path folder = Files.createDirectories(facts.resolve(id));
    FactsFile.write(folder.resolve(FactsFile.FILE_NAME), statements);
  }
}

package msftchina.facts;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import msftchina.search.FactAnnotator;
import org.junit.jupiter.api.Test;

/** Ingesting the bundled report gives exactly the committed facts. */
class IngestTest {

  private static final Path REPORT = Path.of("facts", "msft-china-ai", "report.txt");
  private static final Path FACTS = Path.of("facts", "msft-china-ai", "facts.jsonl");

  /** Returns the report's facts as {@code ingest} makes them: split, then annotated. */
  private static List<Fact> ingested() throws IOException {
    return FactAnnotator.of(
            new FactsDirectory(Path.of("facts")), new ReportFolder(REPORT.getParent()))
        .annotate(Ingest.facts(ReportFile.read(REPORT)));
  }

  private static Fact fact(List<Fact> facts, String id) {
    return facts.stream()
        .filter(f -> f.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no fact " + id));
  }

  @Test
  void reingestingTheReportGivesTheCommittedFactsFileTextExactly() throws IOException {
    assertEquals(
        Files.readString(FACTS, StandardCharsets.UTF_8), FactsFile.toJsonLines(ingested()));
  }

  @Test
  void writtenFactsReadBackUnchanged(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("msft-china-ai.facts.jsonl");
    FactsFile.write(file, ingested());
    assertEquals(ingested(), FactsFile.read(file));
  }

  @Test
  void aStatementNamesAnEntityByAnyOfItsNames() throws IOException {
    // "the western coast of the United States": the US, as aliases.txt names it
    assertTrue(fact(ingested(), "msft-china-ai:4.2").gives().entities().contains("US"));
  }

  @Test
  void theJudsonAlthoffQuoteIsOneFactEndingWithTheQuote() throws IOException {
    List<Fact> facts = ingested();
    List<Fact> althoff = facts.stream().filter(f -> f.text().contains("Judson Althoff")).toList();
    assertEquals(1, althoff.size(), "one fact names Judson Althoff");
    Fact quote = althoff.get(0);
    assertAll(
        () -> assertEquals("msft-china-ai:4.2", quote.id()),
        () ->
            assertTrue(
                quote.text().startsWith("At an internal Microsoft meeting in July 2025"),
                quote.text()),
        () ->
            assertTrue(
                quote.text().contains("\"The world\u2019s most elite AI solutions are being built"),
                quote.text()),
        () ->
            assertTrue(
                quote
                    .text()
                    .contains("The one company bringing those two places together is Microsoft."),
                quote.text()),
        () -> assertTrue(quote.text().endsWith("It\u2019s pretty awesome\"."), quote.text()),
        () -> assertEquals(List.of(1, 2, 3, 4), quote.citations()));
    assertTrue(
        facts.stream()
            .noneMatch(
                f ->
                    !f.id().equals(quote.id())
                        && (f.text().contains("pretty awesome")
                            || f.text().startsWith("The one company"))),
        "no part of the quote is a fact of its own");
  }

  @Test
  void theLastTwoSentencesAreUncitedAndDoNotBorrowANeighboursCitations() throws IOException {
    List<Fact> facts = ingested();
    Fact last = facts.get(facts.size() - 1);
    assertTrue(fact(facts, "msft-china-ai:6.1").uncited());
    assertAll(
        () -> assertEquals("msft-china-ai:6.2", last.id()),
        () ->
            assertEquals(
                "The company’s next reporting on China AI business performance will come with its fiscal results beyond June 2025.",
                last.text()),
        () -> assertEquals(List.of(), last.citations()),
        () -> assertTrue(last.uncited()),
        () -> assertEquals("uncited", last.citationLabel()));
    assertEquals(
        List.of(1, 2, 3, 4),
        fact(facts, "msft-china-ai:5.1").citations(),
        "the sentence before keeps its own citations");
  }

  @Test
  void factTextsCarryNoCitationMarkers() throws IOException {
    for (Fact fact : ingested()) {
      assertEquals(List.of(), CitationMarkers.numbers(fact.text()), fact.id());
      assertTrue(!fact.text().contains("  ") && fact.text().equals(fact.text().strip()), fact.id());
    }
  }

  @Test
  void everyFactIdIsUniqueAndReadsReportParagraphPosition() throws IOException {
    List<Fact> facts = ingested();
    Set<String> ids = new HashSet<>();
    for (Fact fact : facts) {
      assertTrue(ids.add(fact.id()), "duplicate id " + fact.id());
      assertEquals("msft-china-ai:" + fact.paragraph() + "." + fact.position(), fact.id());
      assertTrue(fact.paragraph() >= 1 && fact.position() >= 1, fact.id());
    }
    assertEquals(12, facts.size());
    assertEquals(
        List.of(
            "msft-china-ai:1.1",
            "msft-china-ai:1.2",
            "msft-china-ai:1.3",
            "msft-china-ai:2.1",
            "msft-china-ai:2.2",
            "msft-china-ai:3.1",
            "msft-china-ai:3.2",
            "msft-china-ai:4.1",
            "msft-china-ai:4.2",
            "msft-china-ai:5.1",
            "msft-china-ai:6.1",
            "msft-china-ai:6.2"),
        facts.stream().map(Fact::id).toList());
  }

  @Test
  void everyFactNamesTheReportTitle() throws IOException {
    Report report = ReportFile.read(REPORT);
    assertEquals("Microsoft's AI business with Chinese companies", report.title());
    assertEquals("msft-china-ai", report.id());
    assertTrue(Ingest.facts(report).stream().allMatch(f -> f.report().equals(report.title())));
  }
}

package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import msftchina.app.Wording;
import msftchina.facts.FactsDirectory;
import msftchina.facts.FactsFile;
import msftchina.facts.Ingest;
import msftchina.facts.ReportFile;
import msftchina.facts.ReportFolder;
import msftchina.testing.FactsCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a report answers questions about it and changes no answer about another report: the
 * fixture report ({@link FixtureReport}) asked its example questions and each of its statements.
 */
class SecondReportTest {

  @TempDir Path tmp;

  @Test
  void aSecondReportLeavesEveryAnswerAboutTheFirstAsItWas() throws IOException {
    Path facts = FactsCopy.of(FixtureReport.dir(), tmp.resolve("facts"));
    Path other = Files.createDirectories(facts.resolve("quokka-farming"));
    Files.writeString(
        other.resolve(ReportFile.FILE_NAME),
        """
        Title: Quokka farming in Western Australia
        Date: 2026

        Quokka farms on Rottnest Island doubled their visitor revenue in 2025 [1]. Most farms \
        sell tours to tourists from Perth [2].
        """,
        StandardCharsets.UTF_8);
    ReportFolder folder = new ReportFolder(other);
    FactsFile.write(
        folder.factsFile(),
        FactAnnotator.of(new FactsDirectory(facts), folder)
            .annotate(Ingest.facts(ReportFile.read(other.resolve(ReportFile.FILE_NAME)))));

    try (KnowledgeBase one = KnowledgeBase.open(FixtureReport.dir(), tmp.resolve("i1"), l -> {});
        KnowledgeBase two = KnowledgeBase.open(facts, tmp.resolve("i2"), l -> {})) {
      assertEquals(2, two.reports().size());
      List<String> questions = new ArrayList<>(one.examples());
      new ReportFolder(FixtureReport.dir().resolve(FixtureReport.REPORT))
          .readFacts()
          .forEach(statement -> questions.add(statement.text()));
      for (String q : questions) {
        assertEquals(ids(one.ask(q)), ids(two.ask(q)), q);
      }
      Answer quokka = two.ask("what about the quokka farms on Rottnest Island?");
      assertTrue(quokka.answered(), Wording.ENGLISH.refusal(quokka));
      assertEquals("quokka-farming:1.1", quokka.matches().get(0).fact().id());
    }
  }

  private static List<String> ids(Answer answer) {
    return answer.matches().stream().map(m -> m.fact().id()).toList();
  }
}

package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import msftchina.app.Wording;
import msftchina.testing.BundledReport;
import msftchina.testing.TwoReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request for the gist of the report ("summarize the report", "tl;dr?") is answered with its
 * opening statements; a summary of something in it is a question about that thing, and a summary of
 * anything else is refused.
 */
class GistTest {

  @RegisterExtension static final BundledReport kb = new BundledReport();

  @ParameterizedTest(name = "\"{0}\" gets the report's opening statements")
  @ValueSource(
      strings = {
        "summarize the report",
        "Can you summarise this report for me please?",
        "what is this report about?",
        "what does the report say?",
        "tl;dr?",
        "TLDR pls",
        "give me the gist",
        "key takeaways?",
        "what's the bottom line?",
        "<@U0BOT> hi team, quick overview of the report?",
        "the single headline takeaway from this report, for one bullet on a slide?",
        "这份报告讲了什么？",
        "总结一下这份报告",
      })
  void aRequestForTheGistIsAnsweredWithTheOpeningStatements(String question) {
    Answer answer = kb.ask(question);
    assertTrue(
        answer.answered(), () -> question + " was refused: " + Wording.ENGLISH.refusal(answer));
    assertEquals(
        List.of("msft-china-ai:1.1", "msft-china-ai:2.1", "msft-china-ai:3.1"), ids(answer));
  }

  @ParameterizedTest(name = "\"{0}\" is a question about what it names: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          summarize what the report says about ByteDance      | msft-china-ai:1.2
          key takeaways on Azure AI revenue growth in China?  | msft-china-ai:4.1
          """)
  void aSummaryOfSomethingInTheReportIsSearched(String question, String first) {
    Answer answer = kb.ask(question);
    assertTrue(
        answer.answered(), () -> question + " was refused: " + Wording.ENGLISH.refusal(answer));
    assertEquals(first, ids(answer).get(0));
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(
      strings = {
        "can someone summarize yesterday's meeting notes?",
        "what's the headline on the lunch menu?",
        "any takeaways from the offsite in Lisbon?",
      })
  void aSummaryOfAnythingElseIsRefused(String question) {
    Answer answer = kb.ask(question);
    assertFalse(answer.answered(), () -> question + " got " + ids(answer));
  }

  @Test
  void inALibraryTheGistIsOfTheReportAskedOrEachReportsFirstStatement(@TempDir Path tmp)
      throws IOException {
    Path facts = TwoReports.copy(tmp.resolve("facts"));
    try (KnowledgeBase two = KnowledgeBase.open(facts, tmp.resolve("index"), l -> {})) {
      assertEquals(
          List.of(TwoReports.QUARRYSTONE + ":1.1", TwoReports.QUARRYSTONE + ":2.1"),
          ids(two.ask("summarize the report", Optional.of(TwoReports.QUARRYSTONE))));
      assertEquals(
          TwoReports.LUMENBAY + ":1.1",
          ids(two.ask("summarize the report", Optional.of(TwoReports.LUMENBAY))).get(0));
      assertEquals(
          List.of(TwoReports.LUMENBAY + ":1.1", TwoReports.QUARRYSTONE + ":1.1"),
          ids(two.ask("summarize the report")).stream().sorted().toList());
    }
  }

  private static List<String> ids(Answer answer) {
    return answer.matches().stream().map(m -> m.fact().id()).toList();
  }
}

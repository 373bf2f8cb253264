package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import msftchina.facts.Fact;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lookups over the fixture report: words → the statements matching, in report order. */
class LookupTest {

  private static KnowledgeBase kb;
  private static Lookup lookup;

  @BeforeAll
  static void open() throws Exception {
    kb =
        KnowledgeBase.open(FixtureReport.dir(), Files.createTempDirectory("lookup-index"), l -> {});
    lookup = new Lookup(kb);
  }

  @AfterAll
  static void close() throws Exception {
    kb.close();
  }

  static Stream<Arguments> lookups() {
    return Stream.of(
        Arguments.of("pellucid", "3.1"),
        Arguments.of("Pellucid", "3.1"),
        Arguments.of("\"biggest customer\"", "1.2"),
        Arguments.of("\"customer biggest\"", ""),
        Arguments.of("60%", "2.2"),
        Arguments.of("pellucid | norvik", "3.1 3.3"),
        Arguments.of("harrow -chips", "1.2"),
        Arguments.of("custom*", "1.2 1.3"),
        Arguments.of("Customers*", "1.2 1.3"),
        Arguments.of("vision chips", "3.1 3.2"),
        Arguments.of("2025", "2.1 2.2 3.2"),
        Arguments.of("nvidia", ""),
        Arguments.of("the", ""));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("lookups")
  void findsEveryMatchingStatementInReportOrder(String words, String expected) {
    List<String> ids =
        lookup.find(words).statements().stream()
            .map(Fact::id)
            .map(id -> id.substring(id.indexOf(':') + 1))
            .toList();
    assertEquals(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")), ids);
  }

  @Test
  void statementsKeepTheirCitationsAndReport() {
    Fact fact = lookup.find("pellucid").statements().get(0);
    assertEquals(List.of(5), fact.citations());
    assertEquals("Lumenbay's warehouse robot business", fact.report());
    assertEquals(3, fact.paragraph());
    assertEquals(1, fact.position());
  }

  @Test
  void allListsEveryStatementInReportOrder() {
    List<Fact> all = lookup.all();
    assertEquals(kb.factCount(), all.size());
    assertEquals("lumenbay:1.1", all.get(0).id());
    assertEquals("lumenbay:4.4", all.get(all.size() - 1).id());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "\"unclosed",
        "-",
        "|",
        "||| ---",
        "((",
        "))",
        "~~",
        "pellucid~1",
        "\\",
        "*",
        "**",
        "\"\"",
        "-*",
        "a*b*c",
        "的",
        "微软 字节跳动",
        "<!channel>",
        "",
        "   "
      })
  void neverThrowsOnUserSyntax(String words) {
    assertDoesNotThrow(() -> lookup.find(words));
  }

  @Test
  void aVeryLongLookupIsCutNotRefused() {
    assertDoesNotThrow(() -> lookup.find("pellucid ".repeat(5_000)));
    assertEquals(1, lookup.find("pellucid ".repeat(5_000)).statements().size());
  }
}

package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
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

/** Lookups over the bundled report: words → the statements matching, in report order. */
class LookupTest {

  private static KnowledgeBase kb;
  private static Lookup lookup;

  @BeforeAll
  static void open() throws Exception {
    kb = KnowledgeBase.open(Path.of("facts"), Files.createTempDirectory("lookup-index"), l -> {});
    lookup = new Lookup(kb);
  }

  @AfterAll
  static void close() throws Exception {
    kb.close();
  }

  static Stream<Arguments> lookups() {
    return Stream.of(
        Arguments.of("tencent", "1.3"),
        Arguments.of("Tencent", "1.3"),
        Arguments.of("\"biggest AI customer\"", "1.2"),
        Arguments.of("\"customer biggest\"", ""),
        Arguments.of("400%", "4.1"),
        Arguments.of("tencent | bytedance", "1.2 1.3"),
        Arguments.of("microsoft -china", "1.3 3.2"),
        Arguments.of("custom*", "1.2 3.1"),
        Arguments.of("Customers*", "1.2 3.1"),
        Arguments.of("openai gpt", "3.2"),
        Arguments.of("2025", "4.1 4.2 6.2"),
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
    Fact fact = lookup.find("tencent").statements().get(0);
    assertEquals(List.of(1, 2, 3, 4), fact.citations());
    assertEquals("Microsoft's AI business with Chinese companies", fact.report());
    assertEquals(1, fact.paragraph());
    assertEquals(3, fact.position());
  }

  @Test
  void allListsEveryStatementInReportOrder() {
    List<Fact> all = lookup.all();
    assertEquals(kb.factCount(), all.size());
    assertEquals("msft-china-ai:1.1", all.get(0).id());
    assertEquals("msft-china-ai:6.2", all.get(all.size() - 1).id());
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
        "tencent~1",
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
    assertDoesNotThrow(() -> lookup.find("tencent ".repeat(5_000)));
    assertEquals(1, lookup.find("tencent ".repeat(5_000)).statements().size());
  }
}

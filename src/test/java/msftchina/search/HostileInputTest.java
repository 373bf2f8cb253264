package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import msftchina.app.Wording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever a user types, the bot answers with at most three facts, shown whole with their matched
 * words marked, or refuses in one sentence saying what the report lacks.
 */
class HostileInputTest {

  /** Marks around matched words that no statement or hostile input holds. */
  private static final String OPEN = "\u27E6";

  private static final String CLOSE = "\u27E7";

  private static final KnowledgeBase kb = FixtureReport.knowledgeBase();

  static Stream<Arguments> hostileInputs() {
    return Stream.of(
        Arguments.of("straight quotes", "\"Lumenbay\" \"customer"),
        Arguments.of("curly quotes", "\u201CLumenbay\u201D \u2018spending\u2019"),
        Arguments.of("boolean operators", "AND OR NOT"),
        Arguments.of("boolean operators around words", "Lumenbay AND Harrow OR NOT Norvik"),
        Arguments.of("prefix operators", "+Lumenbay -Norvik !Pellucid && || !"),
        Arguments.of("lone wildcard", "*"),
        Arguments.of("wildcards", "Lumen* Lumen?ay *"),
        Arguments.of("lone colon", ":"),
        Arguments.of("field syntax", "text:Lumenbay id:lumenbay:1.2"),
        Arguments.of("lone tilde", "~"),
        Arguments.of("fuzzy syntax", "Lumenbay~2 revenue~"),
        Arguments.of("brackets", "[1 TO 4] {a TO b} (((Lumenbay ]]"),
        Arguments.of("backslashes", "\\ \\\\ C:\\Users\\lumenbay\\ \\u0041 \\"),
        Arguments.of(
            "emoji", "\uD83E\uDD16\uD83D\uDE80 Lumenbay \uD83D\uDCB0\uD83D\uDC4D\uD83C\uDFFD"),
        Arguments.of("only emoji", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"),
        Arguments.of(
            "Chinese characters",
            "\u5FAE\u8F6F\u5728\u4E2D\u56FD\u6700\u5927\u7684AI\u5BA2\u6237\u662F\u8C01\uFF1F"),
        Arguments.of("Chinese without aliases", "\u5929\u6C14\u600E\u4E48\u6837"),
        Arguments.of("10,000 letters", "a".repeat(10_000)),
        Arguments.of(
            "10,000 characters of words",
            "Lumenbay revenue Rotterdam ".repeat(500).substring(0, 10_000)),
        Arguments.of("10,000 characters of emoji", "\uD83D\uDE00".repeat(5_000)),
        Arguments.of("10,000 distinct-ish words", wordSoup(10_000)),
        Arguments.of("empty string", ""),
        Arguments.of("whitespace only", " \t\n\r\u00A0\u2003  "),
        Arguments.of("null", null),
        Arguments.of(
            "control characters", "\u0000\u0007Lumenbay\u001B[31m revenue\u0008\u007F\u0085"),
        Arguments.of("only control characters", "\u0000\u0001\u0002\u001F"),
        Arguments.of("zero-width characters", "Lumen\u200Bbay\u200C \u200Drevenue\uFEFF"),
        Arguments.of(
            "right-to-left marks",
            "\u200FLumenbay\u200E \u202Erevenue\u202C \u2067Rotterdam\u2069"),
        Arguments.of("unpaired high surrogate", "Lumenbay \uD800 revenue"),
        Arguments.of("unpaired low surrogate", "\uDC00Lumenbay"),
        Arguments.of("surrogate at the end", "revenue \uD83D"),
        Arguments.of("replacement and private-use characters", "\uFFFD\uE000 Lumenbay"),
        Arguments.of("Lucene syntax", "title:foo AND bar~2 OR \"x\"^3 [a TO b] /re.*/"),
        Arguments.of("regular expression", "/.*/ /[a-z]+/ ^$"),
        Arguments.of("boost and grouping", "(Lumenbay)^10 AND (robots OR \"Pellucid\")^0.1"),
        Arguments.of(
            "Slack markup",
            "<@U123ABC> <#C123|general> <!here> <https://example.com|link> &lt;b&gt;"),
        Arguments.of("HTML", "<script>alert('x')</script>"),
        Arguments.of("SQL", "'; DROP TABLE facts; --"),
        Arguments.of("punctuation only", "?!.,;:'\"()[]{}<>/\\|@#$%^&*-_=+`~"),
        Arguments.of("numbers only", "1 2 3 4 1.5% 400% 2025"),
        Arguments.of("format string", "%s %n %d %1$s {0} ${jndi:ldap://x}"),
        Arguments.of("shouting", "WHO IS LUMENBAY'S BIGGEST CUSTOMER???"),
        Arguments.of("fullwidth letters", "\uFF22\uFF59\uFF54\uFF45\uFF24\uFF41\uFF4E\uFF43\uFF45"),
        Arguments.of("combining marks", "Lumen\u0301\u0301\u0301bay re\u0300venue"),
        Arguments.of(
            "letters longer lower-cased, before an embedded question",
            "\u0130\u0130\u0130\u0130\u0130\u0130\u0130\u0130 the board wants a line on"
                + " WHETHER Lumenbay sells robots. \u0130\u0130\u0130 can you pull it?"));
  }

  private static String wordSoup(int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; s.length() < length; i++) {
      s.append("w").append(Integer.toString(i, 36)).append(' ');
    }
    return s.substring(0, length);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileInputs")
  void answersWithAtMostThreeFactsOrOneClearSentence(String description, String input) {
    Answer answer = kb.ask(input);

    assertTrue(answer.matches().size() <= 3, "at most 3 matches, got " + answer.matches().size());
    if (answer.answered()) {
      for (Match match : answer.matches()) {
        // The statement is shown whole, its matched words marked and nothing else changed.
        String marked = match.marked(OPEN, CLOSE, t -> t);
        assertEquals(match.fact().text(), marked.replace(OPEN, "").replace(CLOSE, ""));
        assertEquals(
            match.matched().size(),
            marked.chars().filter(c -> c == OPEN.charAt(0)).count(),
            marked);
      }
    } else {
      String sentence = Wording.ENGLISH.refusal(answer);
      assertTrue(
          sentence.startsWith("The report doesn't say ")
              || sentence.startsWith("There is nothing in that to search the report for"),
          sentence);
      assertFalse(sentence.contains("\n") || sentence.contains("Exception"), sentence);
    }
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "hi",
        "hello there",
        "thanks!",
        "asdfgh",
        "what's the weather like in Paris tomorrow?"
      })
  void smallTalkAndOffTopicQuestionsGetNoFacts(String question) {
    Answer answer = kb.ask(question);
    assertFalse(answer.answered(), () -> "expected no facts, got " + answer.matches());
    assertEquals(List.of(), answer.matches());
  }

  @Test
  void aPlainQuestionGetsItsStatementFirstWithItsCitations() {
    Answer answer = kb.ask("Who is Lumenbay's biggest customer?");
    assertTrue(answer.answered());
    assertTrue(answer.matches().size() <= 3);
    Match first = answer.matches().get(0);
    assertEquals("lumenbay:1.2", first.fact().id());
    assertEquals(List.of(1, 2), first.fact().citations());
    assertEquals("[1, 2]", first.fact().citationLabel());
  }
}

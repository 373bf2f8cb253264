package msftchina.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A malformed facts or report file is refused with "file:line: what is wrong". */
class FactsFileTest {

  @TempDir Path dir;

  private static final String GOOD_1 =
      "{\"id\":\"r:1.1\",\"report\":\"R\",\"paragraph\":1,\"position\":1,\"text\":\"First.\",\"citations\":[1]}";
  private static final String GOOD_2 =
      "{\"id\":\"r:1.2\",\"report\":\"R\",\"paragraph\":1,\"position\":2,\"text\":\"Second.\",\"citations\":[]}";

  private static String fact(String id, String paragraph, String citations) {
    return "{\"id\":"
        + id
        + ",\"report\":\"R\",\"paragraph\":"
        + paragraph
        + ",\"position\":1,\"text\":\"Text.\",\"citations\":"
        + citations
        + "}";
  }

  static Stream<Arguments> malformedFactsFiles() {
    return Stream.of(
        Arguments.of("not JSON", List.of(GOOD_1, "this is not JSON {"), 2, "not valid JSON"),
        Arguments.of(
            "truncated JSON",
            List.of(GOOD_1, GOOD_2, "{\"id\":\"r:2.1\",\"report\":"),
            3,
            "not valid JSON"),
        Arguments.of(
            "JSON but not an object", List.of("[1, 2, 3]"), 1, "expected one JSON object a line"),
        Arguments.of(
            "missing id",
            List.of(
                GOOD_1,
                "{\"report\":\"R\",\"paragraph\":1,\"position\":2,\"text\":\"Text.\",\"citations\":[]}"),
            2,
            "'id' must be a non-empty string"),
        Arguments.of(
            "empty id", List.of(fact("\"\"", "1", "[]")), 1, "'id' must be a non-empty string"),
        Arguments.of(
            "citations not a list",
            List.of(GOOD_1, GOOD_2, fact("\"r:2.1\"", "2", "\"1, 2\"")),
            3,
            "'citations' must be a list"),
        Arguments.of(
            "citations missing",
            List.of(
                GOOD_1,
                "{\"id\":\"r:2.1\",\"report\":\"R\",\"paragraph\":2,\"position\":1,\"text\":\"T.\"}"),
            2,
            "'citations' must be a list"),
        Arguments.of(
            "citations holding text",
            List.of(fact("\"r:2.1\"", "2", "[1, \"2\"]")),
            1,
            "'citations' must hold whole numbers"),
        Arguments.of(
            "duplicate id", List.of(GOOD_1, GOOD_2, GOOD_1), 3, "duplicate fact id 'r:1.1'"),
        Arguments.of(
            "paragraph 0",
            List.of(GOOD_1, fact("\"r:0.1\"", "0", "[]")),
            2,
            "'paragraph' must be a whole number from 1"),
        Arguments.of(
            "paragraph 1.5",
            List.of(fact("\"r:1.1\"", "1.5", "[]")),
            1,
            "'paragraph' must be a whole number from 1"),
        Arguments.of(
            "paragraph beyond the int range",
            List.of(fact("\"r:1.1\"", "4294967297", "[]")),
            1,
            "'paragraph' must be a whole number from 1"),
        Arguments.of(
            "blank lines still count", List.of(GOOD_1, "", "  ", "{oops"), 4, "not valid JSON"));
  }

  @ParameterizedTest(name = "{0} -> line {2}: {3}")
  @MethodSource("malformedFactsFiles")
  void malformedFactsFileNamesFileAndLine(
      String description, List<String> lines, int line, String problem) throws IOException {
    Path file = dir.resolve("bad.facts.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    FactsFormatException e = assertThrows(FactsFormatException.class, () -> FactsFile.read(file));
    String prefix = file + ":" + line + ": ";
    assertTrue(
        e.getMessage().startsWith(prefix), "expected '" + prefix + "...', got: " + e.getMessage());
    assertTrue(
        e.getMessage().contains(problem), "expected '" + problem + "' in: " + e.getMessage());
  }

  @Test
  void wellFormedFactsFileReads() throws IOException {
    Path file = dir.resolve("good.facts.jsonl");
    Files.write(file, List.of(GOOD_1, "", GOOD_2), StandardCharsets.UTF_8);
    assertEquals(
        List.of(
            new Fact("r:1.1", "R", 1, 1, "First.", List.of(1)),
            new Fact("r:1.2", "R", 1, 2, "Second.", List.of())),
        FactsFile.read(file));
  }

  static Stream<Arguments> reportsWithoutTitle() {
    return Stream.of(
        Arguments.of(
            "no Title among the headers",
            "Date: 2025\n\nMicrosoft sells AI [1].\n",
            "the report needs a 'Title:' header line"),
        Arguments.of(
            "empty Title",
            "Title:\nDate: 2025\n\nMicrosoft sells AI [1].\n",
            "the report needs a 'Title:' header line"),
        Arguments.of(
            "no header at all",
            "Microsoft sells AI models to Chinese firms [1].\n\nMore text.\n",
            "header line must be 'Key: value'"),
        Arguments.of(
            "text with a colon where the header should be",
            "Note: Microsoft sells AI [1].\n\nMore.\n",
            "unknown header 'note'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reportsWithoutTitle")
  void reportWithoutTitleHeaderNamesLine1(String description, String content, String problem)
      throws IOException {
    Path file = dir.resolve("bad.report.txt");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    FactsFormatException e = assertThrows(FactsFormatException.class, () -> ReportFile.read(file));
    assertTrue(e.getMessage().startsWith(file + ":1: "), "expected line 1 in: " + e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void reportWithHeaderButNoTextIsRefused() throws IOException {
    Path file = dir.resolve("empty.report.txt");
    Files.writeString(file, "Title: T\nDate: 2025\n\n\n", StandardCharsets.UTF_8);
    FactsFormatException e = assertThrows(FactsFormatException.class, () -> ReportFile.read(file));
    assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
    assertTrue(e.getMessage().contains("no text"), e.getMessage());
  }
}

package msftchina.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import msftchina.facts.FactsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code msftchina ingest FILE_OR_DIR... --into FACTS_DIR}: reports as people have them (text,
 * Markdown, a web page, a PDF), each made here, become a folder of facts with their citations.
 */
class IngestDocumentsTest {

  private static final String SOLD =
      "Acme Robotics sold 1,200 welding robots to Chinese carmakers in 2025.";
  private static final String GREW = "Its revenue in China grew 18% to US$240 million.";
  private static final String SLOW = "Analysts expect the growth to slow next year.";

  /** What every version of the report below says, with its citations. */
  private static final List<String> STATEMENTS =
      List.of(SOLD + " [1]", GREW + " [2, 3]", SLOW + " uncited");

  @TempDir Path tmp;

  /** A document of the report: its file name and how to write it. */
  private interface Writer {
    void write(Path file) throws IOException;
  }

  private static Writer text(String s) {
    return file -> Files.writeString(file, s, StandardCharsets.UTF_8);
  }

  private static final Writer TEXT =
      text(
          "Title: Acme in China\nDate: 2025-09-30\n\n"
              + SOLD
              + " [1] "
              + GREW
              + " [2, 3]\n\n"
              + SLOW
              + "\n");

  private static final Writer MARKDOWN =
      text(
          "---\ndate: 2025-09-30\n---\n# Acme in China\n\n## Sales\n\n"
              + SOLD.replace("Acme Robotics", "**Acme Robotics**")
              + "[^1] "
              + GREW.replace("China", "[China](https://example.com/china)")
              + "<sup>2,3</sup>\n\n- "
              + SLOW
              + "\n\n```\nnot = a(statement);\n```\n\n[^1]: Company filing, 2025.\n");

  private static final Writer HTML =
      text(
          "<!DOCTYPE html><html><head><title>Acme in China</title>"
              + "<meta name=\"date\" content=\"2025-09-30T08:00:00Z\"></head><body>"
              + "<nav><a href=\"/\">Home</a> <a href=\"/about\">About us.</a></nav>"
              + "<h1>Acme in China</h1><p>"
              + SOLD
              + "<sup><a href=\"#fn1\">1</a></sup> "
              + GREW
              + "<sup>[2, 3]</sup></p><ul><li>"
              + SLOW
              + "</li></ul><ol class=\"footnotes\"><li id=\"fn1\">Company filing, 2025.</li></ol>"
              + "<script>var note = \"Not a statement.\";</script></body></html>");

  private static final List<String> PDF_LINES =
      List.of(
          SOLD + "^{1} Its revenue",
          GREW.replace("Its revenue ", "") + "^{2,3}",
          "",
          SLOW,
          "",
          "2");

  private static final Writer PDF =
      file -> Documents.pdf(file, "Acme in China", "Acme Robotics in China", PDF_LINES);

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of("acme.txt", TEXT, "acme"),
        Arguments.of("Acme Notes.md", MARKDOWN, "acme-notes"),
        Arguments.of("acme.html", HTML, "acme"),
        Arguments.of("ACME Q3 (final).pdf", PDF, "acme-q3-final"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void eachKindOfDocumentBecomesAReportFolderWithItsTitleDateAndCitedStatements(
      String name, Writer document, String folder) throws Exception {
    Path file = tmp.resolve(name);
    document.write(file);
    CommandRun r = ingest(file.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    Path written = tmp.resolve("facts").resolve(folder);
    assertEquals(STATEMENTS, statements(written), Files.readString(written.resolve("report.txt")));
    assertTrue(
        Files.readString(written.resolve("report.txt"))
            .startsWith("Title: Acme in China\nDate: 2025-09-30\n\n"),
        Files.readString(written.resolve("report.txt")));
    assertTrue(r.out().contains("wrote 3 facts (1 uncited) of \"Acme in China\""), r.out());
  }

  static Stream<Arguments> titlesFromTheDocument() {
    return Stream.of(
        Arguments.of("first # heading", "a.md", text("## Intro\n\n# The Heading\n\n" + SOLD)),
        Arguments.of("no heading: the name", "no-heading.md", text(SOLD)),
        Arguments.of(
            "<h1> when no <title>", "a.html", text("<h1>The Heading</h1><p>" + SOLD + "</p>")),
        Arguments.of(
            "the PDF's first heading when no metadata title",
            "a.pdf",
            (Writer) f -> Documents.pdf(f, null, "The Heading", List.of(SOLD))),
        Arguments.of(
            "the PDF's first line when no heading",
            "a.pdf",
            (Writer) f -> Documents.pdf(f, null, null, List.of("The Heading", "", SOLD))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("titlesFromTheDocument")
  void theTitleComesFromTheDocument(String why, String name, Writer document) throws Exception {
    Path file = tmp.resolve(name);
    document.write(file);
    CommandRun r = ingest(file.toString());
    assertEquals(0, r.status(), r.err());
    String expected = why.startsWith("no heading") ? "no-heading" : "The Heading";
    assertTrue(r.out().contains(" of \"" + expected + "\""), r.out());
    assertTrue(r.out().contains("wrote 1 facts"), "the title is no statement: " + r.out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void titleOverridesTheDocumentsOwn(String name, Writer document, String folder) throws Exception {
    Path file = tmp.resolve(name);
    document.write(file);
    CommandRun r = ingest(file.toString(), "--title", "Acme's year");
    assertEquals(0, r.status(), r.err());
    assertTrue(
        Files.readString(tmp.resolve("facts").resolve(folder).resolve("report.txt"))
            .startsWith("Title: Acme's year\n"));
    assertTrue(r.out().contains("of \"Acme's year\""), r.out());
  }

  @Test
  void aTextFileWithoutATitleLineIsReadWithTitle() throws Exception {
    Path file = tmp.resolve("plain.txt");
    Files.writeString(file, SOLD + " [1]\n\n" + SLOW + "\n");
    assertEquals(1, ingest(file.toString()).status());
    CommandRun r = ingest(file.toString(), "--title", "Plain");
    assertEquals(0, r.status(), r.err());
    assertEquals(List.of(SOLD + " [1]", SLOW + " uncited"), statements(tmp.resolve("facts/plain")));
  }

  @Test
  void aFolderIsIngestedInOneRunAndEachBadFileIsOneLineSayingWhy() throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in.resolve("deeper"));
    TEXT.write(in.resolve("a.txt"));
    MARKDOWN.write(in.resolve("b.md"));
    HTML.write(in.resolve("c.html"));
    PDF.write(in.resolve("d.pdf"));
    MARKDOWN.write(in.resolve("deeper/e.md"));
    Files.writeString(in.resolve(".hidden.md"), "# Not read\n\nNot a report.");
    Map<String, String> bad =
        Map.of(
            "corrupt.pdf", "can't be read",
            "not-a.pdf", "not a PDF",
            "empty.txt", "the file is empty",
            "binary.txt", "a binary file, not text",
            "untitled.txt", "begin the report with a 'Title:' line, or give --title",
            "slides.pptx", "not a kind of file ingest reads");
    Files.writeString(in.resolve("corrupt.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF");
    Files.writeString(in.resolve("not-a.pdf"), "Title: a text file named .pdf\n\nHello.");
    Files.writeString(in.resolve("empty.txt"), "");
    Files.write(in.resolve("binary.txt"), new byte[] {'T', 0, 1, 2, (byte) 0xFF, 'x'});
    Files.writeString(in.resolve("untitled.txt"), SOLD);
    Files.writeString(in.resolve("slides.pptx"), "PK");

    CommandRun r = ingest(in.toString());

    assertEquals(1, r.status());
    List<String> lines = r.err().lines().toList();
    assertEquals(bad.size(), lines.size(), r.err());
    List<Runnable> checks = new ArrayList<>();
    bad.forEach(
        (file, why) ->
            checks.add(
                () ->
                    assertEquals(
                        1,
                        lines.stream()
                            .filter(l -> l.startsWith("msftchina ingest: " + in.resolve(file)))
                            .filter(l -> l.contains(why))
                            .count(),
                        file + " → " + why + " in\n" + r.err())));
    assertAll(checks.stream().map(c -> c::run));
    for (String folder : List.of("a", "b", "c", "d", "e")) {
      assertEquals(STATEMENTS, statements(tmp.resolve("facts").resolve(folder)), folder);
    }
    assertFalse(Files.exists(tmp.resolve("facts/hidden")));
    assertTrue(r.out().contains("ingested 5 of 11 files into "), r.out());
  }

  @Test
  void theFactsFolderItselfIsReingestedReportByReportWithItsTextsLeftAsTheyAre() throws Exception {
    Path facts = Files.createDirectories(tmp.resolve("facts/acme"));
    Files.copy(Path.of("facts/stopwords.txt"), tmp.resolve("facts/stopwords.txt"));
    Files.writeString(facts.resolve("aliases.txt"), "# Acme's names\nAcme Robotics = Acme\n");
    String text = "Title: Acme in China\n\n" + SOLD + " [1]\n" + GREW + " [2, 3]\n";
    Files.writeString(facts.resolve("report.txt"), text);
    CommandRun r = ingest(tmp.resolve("facts").toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("ingested 1 of 1 files"), r.out());
    assertEquals(text, Files.readString(facts.resolve("report.txt")));
    assertEquals(STATEMENTS.subList(0, 2), statements(facts));
  }

  @Test
  void twoFilesOfOneNameAreNotWrittenOverEachOther() throws Exception {
    TEXT.write(tmp.resolve("acme.txt"));
    HTML.write(tmp.resolve("acme.html"));
    CommandRun r = ingest(tmp.resolve("acme.html").toString(), tmp.resolve("acme.txt").toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("acme.txt: its name acme is "), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void aQuestionAskedAfterwardsIsAnsweredWithThePdfsSentenceAndItsCitation() throws Exception {
    Path facts = Files.createDirectories(tmp.resolve("facts"));
    try (Stream<Path> shared = Files.list(Path.of("facts"))) {
      for (Path file : shared.filter(Files::isRegularFile).toList()) {
        Files.copy(file, facts.resolve(file.getFileName()));
      }
    }
    Path pdf = tmp.resolve("acme.pdf");
    PDF.write(pdf);
    assertEquals(0, ingest(pdf.toString()).status());

    CommandRun r =
        CommandRun.of(
            Map.of(),
            "ask",
            "--facts",
            facts.toString(),
            "--index",
            tmp.resolve("index").toString(),
            "How many welding robots did Acme sell to Chinese carmakers?");

    assertEquals(0, r.status(), r.err());
    String first = r.outLines().get(0);
    assertTrue(first.startsWith("1. ") && first.endsWith("[1]"), r.out());
    assertTrue(first.replace("*", "").contains(SOLD), r.out());
    assertTrue(r.outLines().get(1).contains("Acme in China (acme:1.1"), r.out());
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(List.of("in", "--title", "T"), "--title names one report"),
        Arguments.of(List.of("a.pdf", "--out", "x.jsonl"), "--out names the facts file"));
  }

  @ParameterizedTest
  @MethodSource("usageErrors")
  void aCommandLineThatCannotRunIsAUsageError(List<String> args, String message) throws Exception {
    Files.createDirectories(tmp.resolve("in"));
    PDF.write(tmp.resolve("a.pdf"));
    List<String> line = new ArrayList<>(List.of("ingest"));
    args.forEach(
        a -> line.add(a.equals("in") || a.endsWith(".pdf") ? tmp.resolve(a).toString() : a));
    CommandRun r = CommandRun.of(Map.of(), "", line);
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains(message), r.err());
  }

  private CommandRun ingest(String... args) {
    List<String> line =
        new ArrayList<>(List.of("ingest", "--into", tmp.resolve("facts").toString()));
    line.addAll(List.of(args));
    return CommandRun.of(Map.of(), "", line);
  }

  /** Returns a report folder's statements as "text [citations]" or "text uncited". */
  private static List<String> statements(Path folder) throws IOException {
    return FactsFile.read(folder.resolve("facts.jsonl")).stream()
        .map(f -> f.text() + " " + f.citationLabel())
        .toList();
  }
}

package msftchina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code msftchina ingest} on reports as people save them, in encodings other than UTF-8. */
class IngestCommandTest {

  private static final String REPORT =
      "Title: Café chains in China\n\nAcme's café revenue grew 12% in 2025 [1].\n";

  @TempDir Path tmp;

  private Path report(Charset charset) throws Exception {
    Path file = tmp.resolve("acme/report.txt");
    Files.createDirectories(file.getParent());
    Files.write(file, REPORT.getBytes(charset));
    return file;
  }

  @Test
  void aReportNotInUtf8IsOneLineNamingTheFileTheByteAndWhatToDo() throws Exception {
    Path file = report(Charset.forName("windows-1252"));
    CommandRun r = CommandRun.of(Map.of(), "ingest", file.toString());
    assertEquals(1, r.status());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains(file + ":1: not UTF-8 text: byte 10 (0xE9)"), r.err());
    assertTrue(r.err().contains("save it as UTF-8, or name its encoding with --encoding"), r.err());
    assertFalse(r.err().contains("MalformedInputException"), r.err());
    assertFalse(Files.exists(file.resolveSibling("facts.jsonl")));
  }

  @Test
  void encodingNamesTheReportsCharset() throws Exception {
    Path file = report(Charset.forName("windows-1252"));
    CommandRun r = CommandRun.of(Map.of(), "ingest", "--encoding", "windows-1252", file.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("\"Café chains in China\""), r.out());
    String facts = Files.readString(file.resolveSibling("facts.jsonl"), StandardCharsets.UTF_8);
    assertTrue(facts.contains("Acme's café revenue grew 12% in 2025."), facts);
  }

  @Test
  void aUtf8ReportWithAByteOrderMarkIsRead() throws Exception {
    Path file = report(StandardCharsets.UTF_8);
    byte[] text = Files.readAllBytes(file);
    byte[] marked = new byte[text.length + 3];
    marked[0] = (byte) 0xEF;
    marked[1] = (byte) 0xBB;
    marked[2] = (byte) 0xBF;
    System.arraycopy(text, 0, marked, 3, text.length);
    Files.write(file, marked);
    CommandRun r = CommandRun.of(Map.of(), "ingest", file.toString());
    assertEquals(0, r.status(), r.err());
  }

  @Test
  void anUnknownEncodingIsAUsageError() throws Exception {
    Path file = report(StandardCharsets.UTF_8);
    CommandRun r = CommandRun.of(Map.of(), "ingest", "--encoding", "klingon-8", file.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("klingon-8"), r.err());
  }
}

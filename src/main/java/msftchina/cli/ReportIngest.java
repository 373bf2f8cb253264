package msftchina.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import msftchina.facts.FactsDirectory;
import msftchina.facts.FactsFormatException;
import msftchina.facts.FactsWriter;
import msftchina.facts.Ingest;
import msftchina.facts.Report;
import msftchina.facts.ReportFile;
import msftchina.facts.ReportFolder;
import msftchina.facts.ReportFormats;
import msftchina.facts.ReportName;
import msftchina.facts.ReportReader;
import msftchina.search.FactAnnotator;

/**
 * Ingests documents into a facts folder, one at a time: reads each (text, Markdown, HTML, PDF),
 * writes it as {@code FACTS_DIR/NAME/report.txt} and its statements, a line each as they are made,
 * to {@code facts.jsonl} beside it. A document that can't be read is an {@link Unreadable} saying
 * why in one line, and leaves nothing written.
 */
final class ReportIngest {

  /** What one document gave. */
  record Written(Report report, Path factsFile, int facts, int uncited) {}

  /** A document that can't be ingested, and why, in words for one line. */
  static final class Unreadable extends Exception {
    Unreadable(Path file, String why) {
      this(file + ": " + why);
    }

    Unreadable(String line) {
      super(line, null, false, false);
    }
  }

  private final FactsDirectory into;
  private final Charset charset;
  private final String title;
  private final Map<String, Path> named = new HashMap<>();

  /** Creates an ingest into {@code into}, text read in {@code charset}, titled {@code title}. */
  ReportIngest(FactsDirectory into, Charset charset, String title) {
    this.into = into;
    this.charset = charset;
    this.title = title;
  }

  /** Ingests {@code file} as the report named after it. */
  Written ingest(Path file) throws Unreadable {
    ReportReader reader =
        ReportFormats.readerFor(file, charset)
            .orElseThrow(
                () ->
                    new Unreadable(
                        file,
                        "not a kind of file ingest reads (" + ReportFormats.EXTENSIONS + ")"));
    String name = ReportName.of(file);
    Path earlier = named.get(name);
    if (earlier != null) {
      throw new Unreadable(file, "its name " + name + " is " + earlier + "'s too; rename one");
    }
    try {
      check(file);
      Report report = reader.read(file, name, title);
      ReportFolder folder = new ReportFolder(into.path().resolve(name));
      Files.createDirectories(folder.path());
      Path text = folder.resolve(ReportFile.FILE_NAME);
      if (!Files.exists(text) || !Files.isSameFile(text, file)) {
        ReportFile.write(text, report);
      }
      Written written = writeFacts(report, folder, folder.factsFile());
      named.put(name, file);
      return written;
    } catch (FactsFormatException e) {
      throw e.getMessage().startsWith(file.toString())
          ? new Unreadable(e.getMessage())
          : new Unreadable(file, e.getMessage());
    } catch (NoSuchFileException e) {
      throw new Unreadable(file, "no such file");
    } catch (AccessDeniedException e) {
      throw new Unreadable(file, "permission denied");
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new Unreadable(file, "can't be read: " + why.replace(file.toString(), "").strip());
    }
  }

  /** Writes the statements of {@code report} to {@code factsFile}, each with what it gives. */
  Written writeFacts(Report report, ReportFolder folder, Path factsFile) throws IOException {
    FactAnnotator annotator = FactAnnotator.of(into, folder);
    try (FactsWriter facts = new FactsWriter(factsFile)) {
      Ingest.forEachFact(report, fact -> facts.write(fact.with(annotator.gives(fact))));
      facts.commit();
      return new Written(report, factsFile, facts.facts(), facts.uncited());
    }
  }

  /** Throws when {@code file} is empty, or holds bytes of another kind than its name says. */
  private void check(Path file) throws IOException, Unreadable {
    if (Files.size(file) == 0) {
      throw new Unreadable(file, "the file is empty");
    }
    byte[] start;
    try (InputStream in = Files.newInputStream(file)) {
      start = in.readNBytes(8192);
    }
    boolean pdf = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
    String head = new String(start, 0, Math.min(start.length, 1024), StandardCharsets.ISO_8859_1);
    if (pdf && !head.contains("%PDF-")) {
      throw new Unreadable(file, "not a PDF (it does not begin with %PDF-)");
    }
    boolean wide = charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32");
    if (!pdf && !wide && new String(start, StandardCharsets.ISO_8859_1).indexOf('\0') >= 0) {
      throw new Unreadable(file, "a binary file, not text");
    }
  }
}

package msftchina.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import msftchina.facts.FactsDirectory;
import msftchina.facts.FactsFile;
import msftchina.facts.Report;
import msftchina.facts.ReportFile;
import msftchina.facts.ReportFolder;
import msftchina.facts.ReportFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code msftchina ingest}: makes reports' facts files from the reports as people have them. */
@Command(
    name = "ingest",
    header = "split reports into their statements and what each gives (writes facts.jsonl)",
    description = {
      "Reads reports and writes their sentences, one JSON object a line, to "
          + FactsFile.FILE_NAME
          + ". Each sentence carries its citation numbers and what it gives beyond its words: the"
          + " entities of the report's aliases.txt it names, the kinds of figure of"
          + " facts/figures.txt it gives, the years it speaks of and the measures it names. Read"
          + " them, and correct them by hand where they are wrong.",
      "%nmsftchina ingest facts/NAME/"
          + ReportFile.FILE_NAME
          + ": the report kept in facts/ (a 'Title:' line, optionally a 'Date:' line, a blank"
          + " line, then paragraphs with citation markers such as [1, 2] or [1-4]); writes "
          + FactsFile.FILE_NAME
          + " beside it (or to --out).",
      "%nmsftchina ingest FILE_OR_DIR... [--into FACTS_DIR]: documents as people have them, and"
          + " every one in a folder and its subfolders, in one run: text (.txt, with a 'Title:'"
          + " line unless --title is given), Markdown (.md: title from front matter or the first"
          + " '#' heading), web pages (.html: title from <title> or the first <h1>, date from its"
          + " meta tags, <sup>1</sup> read as the marker [1]) and PDF (.pdf: title from its"
          + " metadata or first heading, date from its creation date, superscript numbers in a"
          + " smaller raised font read as markers). Each is written as FACTS_DIR/NAME/"
          + ReportFile.FILE_NAME
          + " (its text, as the first form reads it) and FACTS_DIR/NAME/"
          + FactsFile.FILE_NAME
          + ", NAME being the file's name without its extension, in lower case, with hyphens for"
          + " spaces and punctuation ('Q3 Results.pdf' is q3-results; facts/NAME/report.txt is"
          + " NAME). In a folder that holds a report.txt only that file is read. A file that"
          + " can't be read is one line on standard error saying why, the others are still"
          + " ingested, and the exit status is 1.",
      "%nRun 'msftchina index' or any question afterwards: the index is rebuilt from the new facts."
    })
final class IngestCommand extends Subcommand {

  @Parameters(
      paramLabel = "FILE_OR_DIR",
      arity = "1..*",
      description = "reports (" + ReportFormats.EXTENSIONS + "), or folders of them")
  private List<Path> inputs;

  @Option(
      names = "--into",
      paramLabel = "FACTS_DIR",
      description =
          "where reports go, a folder each (default: facts, or $MSFTCHINA_FACTS); its word lists"
              + " (stopwords.txt, figures.txt, ...) are used to annotate them")
  private Path into;

  @Option(
      names = "--title",
      paramLabel = "TITLE",
      description = "the report's title, instead of the one the document gives (one file only)")
  private String title;

  @Option(
      names = "--out",
      paramLabel = "FACTS_FILE",
      description = "where to write the facts of facts/NAME/report.txt (default: beside it)")
  private Path out;

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      defaultValue = "UTF-8",
      description = "text and Markdown files' encoding: UTF-8 (the default), windows-1252, GB18030")
  private Charset encoding;

  @Override
  public Integer call() throws Exception {
    Path single = inputs.size() == 1 ? inputs.get(0) : null;
    boolean kept =
        single != null
            && into == null
            && Files.isRegularFile(single)
            && (single.getFileName().toString().equals(ReportFile.FILE_NAME)
                || (out != null && single.getFileName().toString().endsWith(".txt")));
    if (kept) {
      return ingestKept(single.toAbsolutePath());
    }
    if (out != null) {
      throw usageError("--out names the facts file of one facts/NAME/report.txt; use --into");
    }
    if (title != null && (single == null || Files.isDirectory(single))) {
      throw usageError("--title names one report: give one file");
    }
    Path facts =
        into != null ? into : Path.of(console().env().getOrDefault("MSFTCHINA_FACTS", "facts"));
    return new IngestRun(console(), new ReportIngest(new FactsDirectory(facts), encoding, title))
        .run(inputs, facts);
  }

  /** {@code ingest facts/NAME/report.txt}: the facts beside the report, as always. */
  private int ingestKept(Path file) throws IOException {
    ReportFolder folder = new ReportFolder(file.getParent());
    Report report = ReportFile.read(file, encoding, ReportFile.idOf(file), title);
    FactsDirectory facts = new FactsDirectory(folder.path().getParent());
    ReportIngest.Written written =
        new ReportIngest(facts, encoding, title)
            .writeFacts(report, folder, out != null ? out : folder.factsFile());
    console()
        .out()
        .printf(
            "wrote %d facts (%d uncited) of \"%s\" to %s%n",
            written.facts(), written.uncited(), report.title(), written.factsFile());
    return 0;
  }
}

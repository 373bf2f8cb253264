package msftchina.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import msftchina.facts.Fact;
import msftchina.facts.FactsDirectory;
import msftchina.facts.FactsFile;
import msftchina.facts.Ingest;
import msftchina.facts.Report;
import msftchina.facts.ReportFile;
import msftchina.facts.ReportFolder;
import msftchina.search.FactAnnotator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code msftchina ingest}: derives a report's facts file from the report. */
@Command(
    name = "ingest",
    header = "split a report into its statements and what each gives (writes facts.jsonl)",
    description = {
      "Reads a report (facts/NAME/"
          + ReportFile.FILE_NAME
          + ": a 'Title:' line, optionally a 'Date:' line, a blank line, then paragraphs with"
          + " citation markers such as [1, 2] or [1-4]) and writes its sentences, one JSON object"
          + " a line, to "
          + FactsFile.FILE_NAME
          + " beside it (or to --out). Each sentence carries what it gives beyond its words: the"
          + " entities of the report's aliases.txt it names, the kinds of figure of"
          + " facts/figures.txt it gives, the years it speaks of and the measures it names. Read"
          + " them, and correct them by hand where they are wrong.",
      "%nRun 'msftchina index' or any question afterwards: the index is rebuilt from the new facts."
    })
final class IngestCommand extends Subcommand {

  @Parameters(paramLabel = "REPORT", description = "the report: facts/NAME/report.txt")
  private Path reportFile;

  @Option(
      names = "--out",
      paramLabel = "FACTS_FILE",
      description = "where to write the facts (default: facts.jsonl beside the report)")
  private Path out;

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      defaultValue = "UTF-8",
      description = "the report's text encoding: UTF-8 (the default), windows-1252, GB18030, ...")
  private Charset encoding;

  IngestCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() throws Exception {
    Report report = ReportFile.read(reportFile.toAbsolutePath(), encoding);
    ReportFolder folder = new ReportFolder(reportFile.toAbsolutePath().getParent());
    FactsDirectory facts = new FactsDirectory(folder.path().getParent());
    List<Fact> statements = FactAnnotator.of(facts, folder).annotate(Ingest.facts(report));
    Path written = out != null ? out : folder.factsFile();
    FactsFile.write(written, statements);
    long uncited = statements.stream().filter(Fact::uncited).count();
    console
        .out()
        .printf(
            "wrote %d facts (%d uncited) of \"%s\" to %s%n",
            statements.size(), uncited, report.title(), written);
    return 0;
  }
}

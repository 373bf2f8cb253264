package msftchina.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import msftchina.facts.Fact;
import msftchina.facts.FactsDirectory;
import msftchina.facts.FactsFile;
import msftchina.facts.Ingest;
import msftchina.facts.Report;
import msftchina.facts.ReportFile;
import msftchina.facts.ReportFolder;
import msftchina.search.FactAnnotator;

/** {@code msftchina ingest}: derives a report's facts file from the report. */
final class IngestCommand implements Command {

  private static final String USAGE = "msftchina ingest facts/NAME/report.txt [--out FACTS_FILE]";

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public String summary() {
    return "split a report into its statements and what each gives (writes facts.jsonl)";
  }

  @Override
  public String help() {
    return "usage: "
        + USAGE
        + "\n\n"
        + "Reads a report (facts/NAME/"
        + ReportFile.FILE_NAME
        + ": a 'Title:' line, optionally a 'Date:' line, a blank\n"
        + "line, then paragraphs with citation markers such as [1, 2] or [1-4]) and writes its\n"
        + "sentences, one JSON object a line, to "
        + FactsFile.FILE_NAME
        + " beside it (or to --out). Each sentence\n"
        + "carries what it gives beyond its words: the entities of the report's aliases.txt it\n"
        + "names, the kinds of figure of facts/figures.txt it gives, the years it speaks of and\n"
        + "the measures it names. Read them, and correct them by hand where they are wrong.\n"
        + "Run 'msftchina index' or any question afterwards: the index is rebuilt from the new facts.\n";
  }

  @Override
  public int run(List<String> args, Console console) throws Exception {
    List<String> rest = new ArrayList<>(args);
    String outFile = Options.take(rest, "--out", USAGE);
    if (rest.size() != 1 || rest.get(0).startsWith("--")) {
      throw new UsageException("give one report file; usage: " + USAGE);
    }
    Path reportFile = Path.of(rest.get(0)).toAbsolutePath();
    Report report = ReportFile.read(reportFile);
    ReportFolder folder = new ReportFolder(reportFile.getParent());
    FactsDirectory facts = new FactsDirectory(folder.path().getParent());
    List<Fact> statements = FactAnnotator.of(facts, folder).annotate(Ingest.facts(report));
    Path out = outFile != null ? Path.of(outFile) : folder.factsFile();
    FactsFile.write(out, statements);
    long uncited = statements.stream().filter(Fact::uncited).count();
    console
        .out()
        .printf(
            "wrote %d facts (%d uncited) of \"%s\" to %s%n",
            statements.size(), uncited, report.title(), out);
    return 0;
  }
}

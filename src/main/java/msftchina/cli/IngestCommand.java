package msftchina.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import msftchina.facts.Fact;
import msftchina.facts.FactsFile;
import msftchina.facts.Ingest;
import msftchina.facts.Report;
import msftchina.facts.ReportFile;

/** {@code msftchina ingest}: derives a report's facts file from the report. */
final class IngestCommand implements Command {

  private static final String USAGE = "msftchina ingest REPORT_FILE [--out FACTS_FILE]";

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public String summary() {
    return "split a report into its fact sentences (writes NAME.facts.jsonl)";
  }

  @Override
  public String help() {
    return "usage: "
        + USAGE
        + "\n\n"
        + "Reads a report (NAME"
        + ReportFile.SUFFIX
        + ": 'Title:', 'Date:' and 'Source:' lines, a blank\n"
        + "line, then paragraphs with citation markers such as [1, 2] or [1-4]) and writes its\n"
        + "sentences, one JSON object a line, to NAME"
        + FactsFile.SUFFIX
        + " beside it (or to --out).\n"
        + "Run 'msftchina index' or any question afterwards: the index is rebuilt from the new facts.\n";
  }

  @Override
  public int run(List<String> args, Console console) throws Exception {
    List<String> rest = new ArrayList<>(args);
    String outFile = Options.take(rest, "--out", USAGE);
    if (rest.size() != 1 || rest.get(0).startsWith("--")) {
      throw new UsageException("give one report file; usage: " + USAGE);
    }
    Path reportFile = Path.of(rest.get(0));
    Report report = ReportFile.read(reportFile);
    List<Fact> facts = Ingest.facts(report);
    Path out =
        outFile != null
            ? Path.of(outFile)
            : reportFile.resolveSibling(report.id() + FactsFile.SUFFIX);
    FactsFile.write(out, facts);
    long uncited = facts.stream().filter(Fact::uncited).count();
    console
        .out()
        .printf(
            "wrote %d facts (%d uncited) of \"%s\" to %s%n",
            facts.size(), uncited, report.title(), out);
    return 0;
  }
}

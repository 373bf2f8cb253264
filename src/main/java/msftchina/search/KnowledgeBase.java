package msftchina.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import msftchina.facts.Fact;
import msftchina.facts.FactsDirectory;
import msftchina.facts.ReportFile;
import msftchina.facts.ReportFolder;
import msftchina.facts.WordList;

/**
 * The reports in {@code facts/} made ready to answer questions: each report's index opened (and
 * rebuilt when needed) with what is known about its words, and the example questions to suggest.
 * Each report is searched on its own, so adding a report never changes answers about another; a
 * question gets the answer of the report that covers it best.
 */
public final class KnowledgeBase implements Closeable {

  /** The example questions' file name in a report's folder. */
  public static final String EXAMPLES_FILE = "examples.txt";

  /** The length of a report's version: the first characters of its facts' hash. */
  static final int VERSION_CHARS = 12;

  /** One report, ready to search. */
  private record Indexed(ReportInfo info, FactIndex index, FactSearcher searcher) {
    String title() {
      return info.title();
    }
  }

  private final List<Indexed> reports;
  private final List<ReportInfo> catalog;
  private final List<String> examples;
  private final DecisionModel model;

  private KnowledgeBase(List<Indexed> reports, List<String> examples, DecisionModel model) {
    this.reports = List.copyOf(reports);
    this.catalog = reports.stream().map(Indexed::info).toList();
    this.examples = List.copyOf(examples);
    this.model = model;
  }

  /**
   * Opens the facts in {@code factsDir} with their indexes in {@code indexDir}; {@code log} hears
   * of rebuilds.
   */
  public static KnowledgeBase open(Path factsDir, Path indexDir, Consumer<String> log)
      throws IOException {
    FactsDirectory facts = new FactsDirectory(factsDir);
    Analysis analysis = new Analysis(FactFields.analyzer(facts.resolve(FactFields.STOPWORDS_FILE)));
    List<Indexed> reports = new ArrayList<>();
    List<String> examples = new ArrayList<>();
    try {
      for (ReportFolder folder : facts.reports()) {
        List<Fact> statements = folder.readFacts();
        Knowledge knowledge = Knowledge.read(facts, folder, analysis);
        FactIndex index = FactIndex.open(indexDir.resolve(folder.id()), facts, folder, log);
        try {
          String title = statements.isEmpty() ? folder.id() : statements.get(0).report();
          ReportInfo info =
              new ReportInfo(
                  folder.id(),
                  title,
                  dateOf(folder),
                  statements.size(),
                  facts.hash(folder).substring(0, VERSION_CHARS));
          reports.add(new Indexed(info, index, new FactSearcher(index, statements, knowledge)));
        } catch (IOException | RuntimeException e) {
          index.close();
          throw e;
        }
        examples.addAll(WordList.texts(folder.resolve(EXAMPLES_FILE)));
      }
    } catch (IOException | RuntimeException e) {
      for (Indexed report : reports) {
        report.index().close();
      }
      throw e;
    }
    return new KnowledgeBase(reports, examples, DecisionModel.read(factsDir));
  }

  /** Returns the date on the {@code Date:} line of the folder's report, or "unknown". */
  private static String dateOf(ReportFolder folder) {
    Path file = folder.resolve(ReportFile.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return "unknown";
    }
    try {
      return ReportFile.read(file).date();
    } catch (IOException | RuntimeException e) {
      return "unknown"; // the statements are what is answered from; the date is only shown
    }
  }

  /**
   * Returns the answer to {@code question} of the report that covers it best: an answer before a
   * refusal, a strong match before a partial one, then the one covering more of the question, then
   * the report named first.
   */
  public Answer ask(String question) {
    return ask(question, model);
  }

  /**
   * Returns the answer to {@code question} as {@link #ask(String)} does, deciding with {@code
   * model}.
   */
  public Answer ask(String question, DecisionModel model) {
    return best(reports, question, model);
  }

  /**
   * Returns the answer to {@code question} from the report with id {@code report}, or from every
   * report when empty (as {@link #ask(String)}); an id no report has is answered from none, as a
   * refusal: callers check ids against {@link #catalog()} first.
   */
  public Answer ask(String question, Optional<String> report) {
    if (report.isEmpty()) {
      return ask(question, model);
    }
    List<Indexed> one = reports.stream().filter(r -> r.info().id().equals(report.get())).toList();
    if (one.isEmpty()) {
      return Answer.refused(question, new Refusal(Refusal.Reason.WORDS_NOT_IN_REPORT, List.of()));
    }
    return best(one, question, model);
  }

  private static Answer best(List<Indexed> reports, String question, DecisionModel model) {
    return reports.stream()
        .map(r -> r.searcher().search(question, model))
        .min(
            Comparator.comparing(Answer::strength)
                .thenComparing(Answer::coverage, Comparator.reverseOrder()))
        .orElseThrow();
  }

  /** Returns the parameters of the decision to answer or refuse, as fitted. */
  public DecisionModel model() {
    return model;
  }

  /** Returns example questions the reports answer, to suggest to users. */
  public List<String> examples() {
    return examples;
  }

  /** Returns the reports, in the order they are named (by id). */
  public List<ReportInfo> catalog() {
    return catalog;
  }

  /** Returns the titles of the reports. */
  public List<String> reports() {
    return reports.stream().map(Indexed::title).toList();
  }

  /** Returns each report's index, in the order the reports are named. */
  public List<FactIndex> indexes() {
    return reports.stream().map(Indexed::index).toList();
  }

  /** Returns how many facts the reports hold. */
  public int factCount() {
    return reports.stream().mapToInt(r -> r.index().factCount()).sum();
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (Indexed report : reports) {
      try {
        report.index().close();
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}

package msftchina.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import msftchina.facts.FactsDirectory;
import msftchina.facts.ReportFolder;
import msftchina.facts.WordList;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;

/**
 * The reports in {@code facts/} made ready to answer questions: one index of every report's
 * statements (built or brought up to date when opened), searched once a question for each group of
 * reports read with the same word lists, with the example questions to suggest. When the facts
 * change, {@link #reload()} brings the index up to date beside the one in use and swaps it in at
 * once: a question is answered wholly from the library before or wholly from the one after.
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class KnowledgeBase implements Closeable {

  /** The example questions' file name in a report's folder. */
  public static final String EXAMPLES_FILE = "examples.txt";

  private final FactIndex index;
  private final DecisionModel model;
  private final Consumer<String> log;
  private final AtomicReference<Library> current;
  private volatile List<String> examples;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private LibraryWatcher watcher;

  private KnowledgeBase(FactIndex index, Library library, DecisionModel model, Consumer<String> log)
      throws IOException {
    this.index = index;
    this.model = model;
    this.log = log;
    this.current = new AtomicReference<>(library);
    this.examples = examples(index.facts(), library.catalog());
  }

  /**
   * Opens the facts in {@code factsDir} with their index in {@code indexDir}; {@code log} hears of
   * rebuilds and reloads.
   */
  public static KnowledgeBase open(Path factsDir, Path indexDir, Consumer<String> log)
      throws IOException {
    FactIndex index = FactIndex.open(indexDir, new FactsDirectory(factsDir), log);
    try {
      Library library =
          Library.open(index.openReader(), index.catalog(), index.facts(), index.analysis());
      return new KnowledgeBase(index, library, DecisionModel.read(factsDir), log);
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
  }

  /**
   * Returns the answer to {@code question} of the reports that cover it best: an answer before a
   * refusal, a strong match before a partial one, then the one covering more of the question.
   */
  public Answer ask(String question) {
    return ask(question, model);
  }

  /**
   * Returns the answer to {@code question} as {@link #ask(String)} does, deciding with {@code
   * model}.
   */
  public Answer ask(String question, DecisionModel model) {
    return with(library -> library.ask(question, model, Optional.empty()));
  }

  /**
   * Returns the answer to {@code question} from {@code report} (an id of {@link #catalog()}), or
   * from every report when it is empty; an id no report has (one removed since the caller looked)
   * is answered from none, as a refusal.
   */
  public Answer ask(String question, Optional<String> report) {
    return with(library -> library.ask(question, model, report));
  }

  /** Returns the reports, sorted by id. */
  public List<ReportInfo> catalog() {
    return current.get().catalog();
  }

  /**
   * Returns the library's version in this process: 0 as opened, one more at each reload that
   * changed it, so what was derived from an answer can be told stale.
   */
  public long generation() {
    return generation.get();
  }

  /** Returns whether a report holds the statement whose id is {@code id}. */
  public boolean hasStatement(String id) {
    return with(
        library -> {
          try {
            return library.searcher().count(new TermQuery(new Term(FactFields.ID, id))) > 0;
          } catch (IOException e) {
            throw new UncheckedIOException("reading the open index failed", e);
          }
        });
  }

  /** Returns the parameters of the decision to answer or refuse, as fitted. */
  public DecisionModel model() {
    return model;
  }

  /** Returns example questions the reports answer, to suggest to users. */
  public List<String> examples() {
    return examples;
  }

  /** Returns the titles of the reports. */
  public List<String> reports() {
    return catalog().stream().map(ReportInfo::title).toList();
  }

  /** Returns how many facts the reports hold. */
  public int factCount() {
    return catalog().stream().mapToInt(ReportInfo::statements).sum();
  }

  /**
   * Brings the index up to date with {@code facts/} and, when a report changed, answers from the
   * new library from then on; questions being answered finish on the old one. Logs one line for
   * each report indexed again; a failure (a corrupt facts file) logs one line and keeps the library
   * in use. Returns whether the library changed.
   */
  public synchronized boolean reload() {
    try {
      List<ReportInfo> catalog = index.sync(log);
      if (catalog.equals(current.get().catalog())) {
        return false;
      }
      List<String> nextExamples = examples(index.facts(), catalog);
      Library before = current.get();
      Library next =
          Library.open(
              index.openReader(before.reader()), catalog, index.facts(), index.analysis(), before);
      try {
        next.warm(before.catalog(), nextExamples, model);
      } catch (RuntimeException e) {
        next.reader().decRef();
        throw e;
      }
      examples = nextExamples;
      current.getAndSet(next).reader().decRef();
      generation.incrementAndGet();
      return true;
    } catch (IOException | RuntimeException e) {
      log.accept(
          "reload: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + "; still answering from the reports as they were");
      return false;
    }
  }

  /**
   * Reloads as {@link #reload()} does, reading every report's files again instead of trusting the
   * hashes kept for files that look unchanged: an operator's explicit reload (SIGHUP).
   */
  public synchronized boolean reloadAll() {
    index.forgetHashes();
    return reload();
  }

  /**
   * Reloads on every change under {@code facts/} (once the changes settle), and reading every file
   * again on SIGHUP, until closed.
   */
  public synchronized void watch() throws IOException {
    if (watcher == null) {
      watcher = LibraryWatcher.start(index.facts().path(), this, log);
    }
  }

  /** Returns the analyser of the index's text. */
  Analyzer analyzer() {
    return index.analyzer();
  }

  /** Returns what {@code read} makes of the library in use, which stays open meanwhile. */
  <T> T with(Function<Library, T> read) {
    Library library = current.get();
    while (!library.reader().tryIncRef()) {
      Library now = current.get();
      if (now == library) { // closed and not swapped: the knowledge base itself is closed
        throw new IllegalStateException("the reports are closed");
      }
      library = now; // swapped and closed meanwhile: the new one is in place
    }
    try {
      return read.apply(library);
    } finally {
      try {
        library.reader().decRef();
      } catch (IOException e) {
        log.accept("index: closing a replaced reader failed (" + e.getMessage() + ")");
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (closed.getAndSet(true)) {
      return; // closing again has no effect
    }
    synchronized (this) {
      if (watcher != null) {
        watcher.close();
      }
    }
    try {
      current.get().reader().decRef();
    } finally {
      index.close();
    }
  }

  private static List<String> examples(FactsDirectory facts, List<ReportInfo> catalog)
      throws IOException {
    List<String> examples = new ArrayList<>();
    for (ReportInfo report : catalog) {
      examples.addAll(
          WordList.texts(
              new ReportFolder(facts.path().resolve(report.id())).resolve(EXAMPLES_FILE)));
    }
    return List.copyOf(examples);
  }
}

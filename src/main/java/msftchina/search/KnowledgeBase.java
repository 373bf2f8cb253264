package msftchina.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import msftchina.facts.FactsDirectory;
import msftchina.facts.WordList;

/**
 * The reports in {@code facts/} made ready to answer questions: the index opened (and rebuilt when
 * needed), the thesaurus read, and the example questions to suggest.
 */
public final class KnowledgeBase implements Closeable {

  /** The example questions' file name in {@code facts/}. */
  public static final String EXAMPLES_FILE = "examples.txt";

  private final FactIndex index;
  private final FactSearcher searcher;
  private final List<String> examples;

  private KnowledgeBase(FactIndex index, FactSearcher searcher, List<String> examples) {
    this.index = index;
    this.searcher = searcher;
    this.examples = examples;
  }

  /**
   * Opens the facts in {@code factsDir} with their index in {@code indexDir}; {@code log} hears of
   * rebuilds.
   */
  public static KnowledgeBase open(Path factsDir, Path indexDir, Consumer<String> log)
      throws IOException {
    FactsDirectory facts = new FactsDirectory(factsDir);
    Thesaurus thesaurus = Thesaurus.read(factsDir);
    FactIndex index = FactIndex.open(indexDir, facts, log);
    try {
      return new KnowledgeBase(
          index,
          new FactSearcher(index, thesaurus, Names.read(factsDir), Figures.read(factsDir)),
          WordList.texts(factsDir.resolve(EXAMPLES_FILE)));
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
  }

  /** Returns the report's answer to {@code question}. */
  public Answer ask(String question) {
    return searcher.search(question);
  }

  /** Returns example questions the reports answer, to suggest to users. */
  public List<String> examples() {
    return examples;
  }

  /** Returns the names of the reports. */
  public List<String> reports() {
    return index.reports();
  }

  /** Returns how many facts the reports hold. */
  public int factCount() {
    return index.factCount();
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}

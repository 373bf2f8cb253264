package msftchina.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import msftchina.facts.Fact;
import msftchina.facts.FactsDirectory;
import msftchina.facts.ReportFolder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index over one report's statements, kept in {@code index/REPORT/}. Opening it checks
 * that it was built from the facts as they are now (a hash of the report's folder and of the shared
 * word lists is kept in the index's commit data) and rebuilds it when it is missing, stale or
 * corrupt.
 *
 * <p>NOTE: the reader is opened once and shared; it is safe for concurrent searches.
 */
public final class FactIndex implements Closeable {

  static final String FACTS_HASH = "facts-sha256";
  static final String FORMAT = "format";

  private final Directory directory;
  private final DirectoryReader reader;
  private final Analyzer analyzer;
  private final int factCount;
  private final List<String> reports;

  private FactIndex(
      Directory directory, DirectoryReader reader, Analyzer analyzer, List<String> reports) {
    this.directory = directory;
    this.reader = reader;
    this.analyzer = analyzer;
    this.factCount = reader.numDocs();
    this.reports = reports;
  }

  /**
   * Opens the index in {@code indexDir}, first building it from {@code facts} when it is missing,
   * stale or corrupt; {@code log} gets one line when that happens. Where {@code indexDir} cannot be
   * written, the index is built in memory.
   */
  public static FactIndex open(
      Path indexDir, FactsDirectory facts, ReportFolder report, Consumer<String> log)
      throws IOException {
    String hash = facts.hash(report);
    Analyzer analyzer = FactFields.analyzer(facts.resolve(FactFields.STOPWORDS_FILE));
    Directory directory;
    try {
      Files.createDirectories(indexDir);
      directory = FSDirectory.open(indexDir);
    } catch (IOException e) {
      log.accept(
          "index: cannot use " + indexDir + " (" + e.getMessage() + "); building it in memory");
      return inMemory(report.readFacts(), hash, analyzer);
    }
    String problem = problem(directory, hash);
    if (problem == null) {
      try {
        return opened(directory, analyzer);
      } catch (IOException e) {
        problem = "corrupt (" + e.getClass().getSimpleName() + ")";
      }
    }
    List<Fact> all = report.readFacts();
    log.accept(
        "index: "
            + indexDir
            + " is "
            + problem
            + "; rebuilding it from "
            + all.size()
            + " facts in "
            + report.path());
    try {
      clear(indexDir);
      build(directory, all, hash, analyzer);
    } catch (IOException | RuntimeException e) {
      directory.close();
      log.accept(
          "index: cannot write " + indexDir + " (" + e.getMessage() + "); building it in memory");
      return inMemory(all, hash, analyzer);
    }
    return opened(directory, analyzer);
  }

  /**
   * Builds each report's index in its folder of {@code indexDir} from {@code facts}, replacing
   * whatever is there; returns how many facts they hold.
   */
  public static int rebuild(Path indexDir, FactsDirectory facts) throws IOException {
    int count = 0;
    Analyzer analyzer = FactFields.analyzer(facts.resolve(FactFields.STOPWORDS_FILE));
    for (ReportFolder report : facts.reports()) {
      List<Fact> all = report.readFacts();
      Path dir = indexDir.resolve(report.id());
      Files.createDirectories(dir);
      clear(dir);
      try (Directory directory = FSDirectory.open(dir)) {
        build(directory, all, facts.hash(report), analyzer);
      }
      count += all.size();
    }
    return count;
  }

  /** Returns the reader, shared by every search. */
  DirectoryReader reader() {
    return reader;
  }

  /** Returns the analyser the index was built with. */
  public Analyzer analyzer() {
    return analyzer;
  }

  /** Returns how many facts the index holds. */
  public int factCount() {
    return factCount;
  }

  /** Returns the names of the reports in the index. */
  public List<String> reports() {
    return reports;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }

  /** Returns why the index in {@code directory} can't be used, or null when it can. */
  private static String problem(Directory directory, String hash) {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return "missing";
      }
      Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
      if (!hash.equals(data.get(FACTS_HASH)) || !FactFields.FORMAT.equals(data.get(FORMAT))) {
        return "older than the facts";
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return "corrupt (" + e.getClass().getSimpleName() + ")";
    }
  }

  private static FactIndex inMemory(List<Fact> facts, String hash, Analyzer analyzer)
      throws IOException {
    Directory directory = new ByteBuffersDirectory();
    build(directory, facts, hash, analyzer);
    return opened(directory, analyzer);
  }

  private static void build(Directory directory, List<Fact> facts, String hash, Analyzer analyzer)
      throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (Fact fact : facts) {
        writer.addDocument(document(fact));
      }
      writer.setLiveCommitData(Map.of(FACTS_HASH, hash, FORMAT, FactFields.FORMAT).entrySet());
      writer.commit();
    }
  }

  private static Document document(Fact fact) {
    Document doc = new Document();
    // Looked up and shown, never analysed: one exact term.
    doc.add(new StringField(FactFields.ID, fact.id(), Field.Store.YES));
    // Shown with every answer; nobody searches by report name.
    doc.add(new StoredField(FactFields.REPORT, fact.report()));
    // What questions are matched against, and what the answer shows.
    doc.add(new TextField(FactFields.TEXT, fact.text(), Field.Store.YES));
    // Shown only: the numbers of the citation markers, comma-separated, empty when uncited.
    doc.add(
        new StoredField(
            FactFields.CITATIONS,
            fact.citations().stream().map(String::valueOf).collect(Collectors.joining(","))));
    // Shown only: where the sentence stands in its report.
    doc.add(new StoredField(FactFields.PARAGRAPH, fact.paragraph()));
    doc.add(new StoredField(FactFields.POSITION, fact.position()));
    return doc;
  }

  /** Deletes what an earlier build left in {@code indexDir}, keeping its README and lock. */
  private static void clear(Path indexDir) throws IOException {
    try (Stream<Path> files = Files.list(indexDir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        boolean lockInUse = name.equals(IndexWriter.WRITE_LOCK_NAME) && Files.size(file) == 0;
        if (Files.isRegularFile(file) && !name.equals("README.md") && !lockInUse) {
          Files.delete(file); // a lock file with content is not Lucene's: it is damage
        }
      }
    }
  }

  private static FactIndex opened(Directory directory, Analyzer analyzer) throws IOException {
    DirectoryReader reader = DirectoryReader.open(directory);
    return new FactIndex(directory, reader, analyzer, reportsOf(reader));
  }

  private static List<String> reportsOf(DirectoryReader reader) throws IOException {
    var stored = reader.storedFields();
    TreeSet<String> names = new TreeSet<>();
    for (int i = 0; i < reader.maxDoc(); i++) {
      names.add(stored.document(i, Set.of(FactFields.REPORT)).get(FactFields.REPORT));
    }
    return List.copyOf(names);
  }
}

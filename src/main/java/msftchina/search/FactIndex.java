package msftchina.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import msftchina.facts.FactsDirectory;
import msftchina.facts.FactsFormatException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The one Lucene index over every report's statements, kept in {@code index/library/}: opens it,
 * building it in memory where that folder cannot be written, and clears it to be rebuilt whole when
 * it is missing, of another format or corrupt. Bringing it up to date with the facts is {@link
 * IndexSync}'s job, and what it knows of each report is kept in its commit data ({@link
 * IndexCatalog}); an update that fails leaves the index as it was.
 *
 * <p>NOTE: updates are serialised; readers opened on the index stay valid while it is updated.
 */
public final class FactIndex implements Closeable {

  /** The index's folder inside the index directory. */
  static final String FOLDER = "library";

  private final Path path;
  private final Directory directory;
  private final FactsDirectory facts;
  private final StatementDocuments documents;
  private final IndexSync indexSync;
  private volatile List<ReportInfo> catalog = List.of();

  private FactIndex(Path path, Directory directory, FactsDirectory facts) throws IOException {
    this.path = path;
    this.directory = directory;
    this.facts = facts;
    this.documents = new StatementDocuments(facts);
    this.indexSync = new IndexSync(path, directory, facts, documents);
  }

  /**
   * Opens the index in {@code indexDir}, bringing it up to date with {@code facts}; {@code log}
   * gets one line for each thing done. Where {@code indexDir} cannot be written, the index is built
   * in memory.
   */
  public static FactIndex open(Path indexDir, FactsDirectory facts, Consumer<String> log)
      throws IOException {
    facts
        .reports(); // a facts folder that is missing or holds no report is the error, not the index
    Path dir = indexDir.resolve(FOLDER);
    FactIndex index;
    try {
      Files.createDirectories(dir);
      index = new FactIndex(dir, FSDirectory.open(dir), facts);
    } catch (IOException e) {
      log.accept("index: cannot use " + dir + " (" + e.getMessage() + "); building it in memory");
      index = new FactIndex(null, new ByteBuffersDirectory(), facts);
    }
    try {
      index.sync(log);
    } catch (IOException | RuntimeException e) {
      if (index.path == null || e instanceof FactsFormatException) {
        index.close();
        throw e;
      }
      index.close();
      log.accept("index: cannot write " + dir + " (" + e.getMessage() + "); building it in memory");
      index = new FactIndex(null, new ByteBuffersDirectory(), facts);
      index.sync(log);
    }
    return index;
  }

  /**
   * Builds the index in {@code indexDir} from {@code facts} anew; returns how many facts it holds.
   */
  public static int rebuild(Path indexDir, FactsDirectory facts) throws IOException {
    Path dir = indexDir.resolve(FOLDER);
    Files.createDirectories(dir);
    try (FactIndex index = new FactIndex(dir, FSDirectory.open(dir), facts)) {
      clear(dir);
      return index.sync(line -> {}).stream().mapToInt(ReportInfo::statements).sum();
    }
  }

  /**
   * Brings the index up to date with the facts folder ({@link IndexSync}), first clearing it when
   * it can't be used, logging one line for each report indexed again, and returns the catalog,
   * sorted by report id; a report whose facts are bad throws, naming the file and line, and leaves
   * the index as it was.
   */
  synchronized List<ReportInfo> sync(Consumer<String> log) throws IOException {
    String problem = problem();
    if (problem != null && path != null) {
      clear(path);
    }
    catalog = indexSync.run(problem, log);
    return catalog;
  }

  /** Makes the next {@link #sync} read every report's files, trusting no hash kept from before. */
  synchronized void forgetHashes() {
    indexSync.forget();
  }

  /** Returns the catalog as last brought up to date, sorted by report id. */
  List<ReportInfo> catalog() {
    return catalog;
  }

  /** Returns a reader of the index as last committed. */
  DirectoryReader openReader() throws IOException {
    return DirectoryReader.open(directory);
  }

  /**
   * Returns a reader of the index as last committed that shares with {@code before} (an open reader
   * of an earlier commit, left open) the segments both hold: they are neither opened again nor
   * cold, and only what changed is read.
   */
  DirectoryReader openReader(DirectoryReader before) throws IOException {
    DirectoryReader after = DirectoryReader.openIfChanged(before);
    if (after != null) {
      return after;
    }
    before.incRef(); // no new commit: the same reader, one more reference to it
    return before;
  }

  /** Returns the facts folder the index is built from. */
  FactsDirectory facts() {
    return facts;
  }

  /** Returns the analyser the index was built with. */
  Analyzer analyzer() {
    return documents.analyzer();
  }

  /** Returns the analysis the index was built with. */
  Analysis analysis() {
    return documents.analysis();
  }

  @Override
  public void close() throws IOException {
    directory.close();
  }

  /** Returns why the index can't be used (missing, of another format, corrupt), or null. */
  private String problem() {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return "missing";
      }
      if (!IndexCatalog.currentFormat(directory)) {
        return "older than the facts";
      }
      try (DirectoryReader check = DirectoryReader.open(directory)) {
        check.maxDoc(); // every segment opens
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return "corrupt (" + e.getClass().getSimpleName() + ")";
    }
  }

  /** Deletes what an earlier build left in {@code dir}, keeping its README and lock. */
  private static void clear(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        boolean lockInUse = name.equals(IndexWriter.WRITE_LOCK_NAME) && Files.size(file) == 0;
        if (Files.isRegularFile(file) && !name.equals("README.md") && !lockInUse) {
          Files.delete(file); // a lock file with content is not Lucene's: it is damage
        }
      }
    }
  }
}

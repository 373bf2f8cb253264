package msftchina.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import msftchina.facts.FactsDirectory;
import msftchina.facts.FactsFormatException;
import msftchina.facts.ReportFolder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The one Lucene index over every report's statements, kept in {@code index/library/}. Each
 * report's hash (of its folder and of the shared word lists) and its catalog entry are kept in the
 * index's commit data: bringing the index up to date re-indexes only the reports whose hash
 * changed, adds new ones and drops removed ones, and rebuilds it whole when it is missing, of
 * another format or corrupt. An update that fails leaves the index as it was.
 *
 * <p>NOTE: updates are serialised; readers opened on the index stay valid while it is updated.
 */
public final class FactIndex implements Closeable {

  /** The index's folder inside the index directory. */
  static final String FOLDER = "library";

  static final String FORMAT = "format";
  private static final String REPORT_KEY = "report:";
  private static final String HASH_KEY = "hash:";

  /**
   * The documents an update keeps in memory before writing a segment, in MiB: half Lucene's
   * default, since a reload runs beside a serving bot in its small heap (bin/msftchina counts it).
   */
  static final double WRITER_BUFFER_MB = 8;

  /** How many hex digits of a report's hash name its version. */
  static final int VERSION_DIGITS = 12;

  private final Path path;
  private final Directory directory;
  private final FactsDirectory facts;
  private final StatementDocuments documents;
  private volatile List<ReportInfo> catalog = List.of();

  private FactIndex(Path path, Directory directory, FactsDirectory facts) throws IOException {
    this.path = path;
    this.directory = directory;
    this.facts = facts;
    this.documents = new StatementDocuments(facts);
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
   * Brings the index up to date with the facts folder, logging one line for each report indexed
   * again, and returns the catalog, sorted by report id; a report whose facts are bad throws,
   * naming the file and line, and leaves the index as it was.
   */
  synchronized List<ReportInfo> sync(Consumer<String> log) throws IOException {
    String problem = problem();
    if (problem == null) {
      try (DirectoryReader check = DirectoryReader.open(directory)) {
        check.maxDoc(); // every segment opens
      } catch (IOException | RuntimeException e) {
        problem = "corrupt (" + e.getClass().getSimpleName() + ")";
      }
    }
    Map<String, String> data = new HashMap<>();
    if (problem == null) {
      data.putAll(SegmentInfos.readLatestCommit(directory).getUserData());
    } else if (path != null) {
      clear(path);
    }
    List<ReportFolder> folders = facts.reports();
    Map<String, ReportInfo> catalog = new LinkedHashMap<>();
    List<ReportFolder> changed = new ArrayList<>();
    Map<String, String> hashes = new HashMap<>();
    Set<String> stale = new HashSet<>();
    FactsDirectory.Hasher hasher = facts.hasher();
    for (ReportFolder folder : folders) {
      String hash = hasher.hash(folder);
      hashes.put(folder.id(), hash);
      String known = data.remove(HASH_KEY + folder.id());
      String entry = data.remove(REPORT_KEY + folder.id());
      if (hash.equals(known) && entry != null) {
        catalog.put(folder.id(), info(folder.id(), hash, entry));
      } else {
        changed.add(folder);
        if (known != null) {
          stale.add(folder.id());
        }
      }
    }
    List<String> removed = new ArrayList<>();
    data.keySet().stream()
        .filter(k -> k.startsWith(REPORT_KEY))
        .forEach(k -> removed.add(k.substring(REPORT_KEY.length())));
    if (problem == null && changed.isEmpty() && removed.isEmpty()) {
      return synced(catalog.values());
    }
    IndexWriterConfig config =
        new IndexWriterConfig(documents.analyzer())
            .setRAMBufferSizeMB(WRITER_BUFFER_MB)
            .setOpenMode(
                problem == null
                    ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                    : IndexWriterConfig.OpenMode.CREATE);
    if (path != null) {
      Path lock = path.resolve(IndexWriter.WRITE_LOCK_NAME);
      if (Files.isRegularFile(lock) && Files.size(lock) > 0) {
        Files.delete(lock); // a lock file with content is not Lucene's: it is damage
      }
    }
    IndexWriter writer;
    try {
      writer = new IndexWriter(directory, config);
    } catch (LockObtainFailedException e) {
      if (problem != null) {
        throw e;
      }
      log.accept("index: another process is updating " + where() + "; using it as it is");
      return synced(catalog.values());
    }
    try (writer) {
      try {
        if (problem != null) {
          log.accept(
              "index: "
                  + where()
                  + " is "
                  + problem
                  + "; rebuilding it from "
                  + folders.size()
                  + " reports in "
                  + facts.path());
        }
        for (String id : removed) {
          writer.deleteDocuments(new Term(FactFields.REPORT_ID, id));
          log.accept("index: report " + id + " was removed");
        }
        for (ReportFolder folder : changed) {
          writer.deleteDocuments(new Term(FactFields.REPORT_ID, folder.id()));
          ReportInfo info = documents.add(writer, folder, hashes.get(folder.id()));
          catalog.put(folder.id(), info);
          if (problem == null) {
            log.accept(
                "index: report "
                    + folder.id()
                    + " is "
                    + (stale.contains(folder.id()) ? "older than the facts" : "new")
                    + "; indexed its "
                    + info.statements()
                    + " statements");
          }
        }
        Map<String, String> commit = new HashMap<>();
        commit.put(FORMAT, FactFields.FORMAT);
        for (ReportInfo r : catalog.values()) {
          commit.put(REPORT_KEY + r.id(), entry(r));
          commit.put(HASH_KEY + r.id(), hashes.get(r.id()));
        }
        writer.setLiveCommitData(commit.entrySet());
        writer.commit();
      } catch (IOException | RuntimeException e) {
        writer.rollback();
        throw e;
      }
    }
    return synced(catalog.values());
  }

  /** Returns the catalog as last brought up to date, sorted by report id. */
  List<ReportInfo> catalog() {
    return catalog;
  }

  private List<ReportInfo> synced(Collection<ReportInfo> reports) {
    List<ReportInfo> sorted = new ArrayList<>(reports);
    sorted.sort(Comparator.comparing(ReportInfo::id));
    catalog = List.copyOf(sorted);
    return catalog;
  }

  /** Returns a reader of the index as last committed. */
  DirectoryReader openReader() throws IOException {
    return DirectoryReader.open(directory);
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

  /** Returns the commit data's entry for {@code r}: statements, title and date. */
  private static String entry(ReportInfo r) {
    return r.statements() + "\t" + oneLine(r.title()) + "\t" + oneLine(r.date());
  }

  private static ReportInfo info(String id, String hash, String entry) {
    String[] parts = entry.split("\t", 3);
    return new ReportInfo(
        id, parts[1], parts[2], Integer.parseInt(parts[0]), hash.substring(0, VERSION_DIGITS));
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private String where() {
    return path == null ? "the index in memory" : path.toString();
  }

  /** Returns why the index can't be used, or null when it can. */
  private String problem() {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return "missing";
      }
      Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
      if (!FactFields.FORMAT.equals(data.get(FORMAT))) {
        return "older than the facts";
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
